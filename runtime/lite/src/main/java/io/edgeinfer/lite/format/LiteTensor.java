package io.edgeinfer.lite.format;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.TensorSpec;
import java.util.Objects;

/**
 * A tensor of a subgraph.
 *
 * @param name the converter's name (for messages and signatures; may be empty)
 * @param type the element type; never {@link DataType#STRING}
 * @param shape the shape the model was converted with, every dimension known ({@code 1} where the
 *     model accepts any size)
 * @param shapeSignature the same shape with {@code -1} where any size is accepted (e.g. the batch);
 *     equal to {@code shape} when the file records none
 * @param buffer index into {@link LiteModel#buffers()}; the buffer is empty (usually buffer 0) for
 *     tensors computed at run time, and holds the values of a constant
 * @param quantization scale and zero point of a quantized tensor, or {@link QuantParams#NONE}
 * @param variable whether operators write it as state that outlives one inference
 */
public record LiteTensor(
    String name,
    DataType type,
    Shape shape,
    Shape shapeSignature,
    int buffer,
    QuantParams quantization,
    boolean variable) {

  public LiteTensor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(shapeSignature, "shapeSignature");
    Objects.requireNonNull(quantization, "quantization");
    if (type == DataType.STRING) {
      throw new IllegalArgumentException(
          "expected a numeric or bool tensor type, found string (not supported)");
    }
    if (shape.isUnknownRank() || !shape.isFullyKnown()) {
      throw new IllegalArgumentException(
          "expected a shape with every dimension known (>= 0), found " + shape);
    }
    if (shapeSignature.isUnknownRank() || shapeSignature.rank() != shape.rank()) {
      throw new IllegalArgumentException(
          "expected a shape signature of rank " + shape.rank() + ", found " + shapeSignature);
    }
    if (buffer < 0) {
      throw new IllegalArgumentException(
          "expected a buffer index >= 0, found " + Integer.toUnsignedString(buffer));
    }
    if (quantization.isPerAxis()
        && shape.rank() == 1
        && quantization.quantizedDimension() >= 1
        && shape.dim(0) == quantization.scale().size()) {
      // A rank-1 tensor (a bias) has one axis to quantize along, whatever the converter wrote
      // (TFLite Micro's person-detection model says 3); TFLite Micro ignores the field there too.
      quantization =
          new QuantParams(
              quantization.min(),
              quantization.max(),
              quantization.scale(),
              quantization.zeroPoint(),
              0);
    }
    if (quantization.isPerAxis()) {
      int axis = quantization.quantizedDimension();
      if (axis >= shape.rank()) {
        throw new IllegalArgumentException(
            "expected a quantized dimension below the rank "
                + shape.rank()
                + " of "
                + shape
                + ", found "
                + axis);
      }
      if (shape.dim(axis) != quantization.scale().size()) {
        throw new IllegalArgumentException(
            "expected "
                + shape.dim(axis)
                + " scales (dimension "
                + axis
                + " of "
                + shape
                + "), found "
                + quantization.scale().size());
      }
    }
  }

  /** A tensor without quantization whose shape is fixed. */
  public LiteTensor(String name, DataType type, Shape shape, int buffer) {
    this(name, type, shape, shape, buffer, QuantParams.NONE, false);
  }

  public LiteTensor withQuantization(QuantParams params) {
    return new LiteTensor(name, type, shape, shapeSignature, buffer, params, variable);
  }

  public LiteTensor withShapeSignature(Shape signature) {
    return new LiteTensor(name, type, shape, signature, buffer, quantization, variable);
  }

  public boolean isQuantized() {
    return quantization.isQuantized();
  }

  /** The bytes a value of {@link #shape()} takes. */
  public long byteSize() {
    return shape.elementCount() * type.byteSize();
  }

  /** The name, type and shape signature as the engine-neutral spec. */
  public TensorSpec spec() {
    return new TensorSpec(name, type, shapeSignature);
  }

  @Override
  public String toString() {
    return "'" + name + "' " + type.label() + " " + shapeSignature;
  }
}
