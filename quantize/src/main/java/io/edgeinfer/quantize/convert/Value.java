package io.edgeinfer.quantize.convert;

import io.edgeinfer.core.DataType;
import io.edgeinfer.quantize.graph.Constant;

/**
 * A tensor of the converted graph: computed at run time (activations, with {@code -1} for the batch
 * dimension) or constant (weights, biases, shapes, axes).
 *
 * @param id its index in {@link LiteGraph#values()}
 * @param name the TensorFlow name it comes from
 * @param shape its dimensions
 * @param constant its value, or null when computed
 * @param type the element type of a computed value: float32, or an index type (ARG_MAX)
 */
public record Value(int id, String name, int[] shape, Constant constant, DataType type) {

  public boolean isConstant() {
    return constant != null;
  }

  /** A float constant or a float activation (everything but indices, shapes, axes, paddings). */
  public boolean isFloat() {
    return constant == null ? type == DataType.FLOAT32 : constant.isFloat();
  }
}
