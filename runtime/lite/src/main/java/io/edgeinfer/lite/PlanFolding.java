package io.edgeinfer.lite;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.Scratch;
import io.edgeinfer.lite.kernels.Shapes;
import io.edgeinfer.lite.ops.Buffers;
import io.edgeinfer.lite.ops.Step;
import java.util.List;

/**
 * Shape arithmetic run once per plan: a model with variable input sizes (a Keras dilated
 * convolution) computes paddings and crops from SHAPE with int32 ops. When a plan's input shapes
 * are known, such a step's inputs are all known too, so it runs while planning and its outputs
 * become the plan's constants: later steps read their values to size their outputs, and inferences
 * skip it.
 */
final class PlanFolding {
  /** Results up to this many elements are folded: shape arithmetic, never activations. */
  private static final int MAX_ELEMENTS = 1 << 12;

  private PlanFolding() {}

  /**
   * Runs {@code step} into {@code known} when every input is known and every output is a small
   * integer tensor that is no model output; returns whether it did.
   */
  static boolean tryFold(
      Step step, List<LiteTensor> tensors, List<Integer> outputs, int[][] shapes, Object[] known) {
    for (int in : step.inputs()) {
      if (known[in] == null) {
        return false;
      }
    }
    for (int out : step.outputs()) {
      DataType type = tensors.get(out).type();
      if ((type != DataType.INT32 && type != DataType.INT64)
          || outputs.contains(out)
          || tensors.get(out).variable()
          || Shapes.size(shapes[out]) > MAX_ELEMENTS) {
        return false;
      }
    }
    for (int out : step.outputs()) {
      known[out] = Buffers.allocate(tensors.get(out).type(), Shapes.size(shapes[out]));
    }
    step.runner().run(known, shapes, new Scratch());
    return true;
  }
}
