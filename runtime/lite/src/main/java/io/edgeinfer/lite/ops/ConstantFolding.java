package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.Scratch;
import io.edgeinfer.lite.kernels.Shapes;
import java.util.Arrays;

/**
 * Runs a step at load when every input is a constant (shape arithmetic: a SHAPE's values packed,
 * offset and cut), so that later steps that need values at plan time (paddings, block sizes, target
 * shapes) find constants. Small results only, never a model output.
 */
final class ConstantFolding {
  /** Results up to this many elements are folded. */
  private static final int MAX_ELEMENTS = 1 << 12;

  private ConstantFolding() {}

  /** {@code step}, or null when it was run at load and its outputs became constants. */
  static Step orStep(OpContext ctx, Step step) {
    int count = ctx.graph().tensors().size();
    int[][] shapes = new int[count][];
    Object[] buffers = new Object[count];
    for (int in : step.inputs()) {
      LiteTensor t = ctx.tensor(in);
      if (!ctx.isConstant(t) || ctx.constants()[in] == null) {
        return step;
      }
      shapes[in] = t.shape().dims();
      buffers[in] = ctx.constants()[in];
    }
    int[][] outShapes;
    try {
      outShapes = step.shaper().shapes(shapes, buffers);
    } catch (IllegalArgumentException e) {
      return step;
    }
    for (int i = 0; i < step.outputs().length; i++) {
      int y = step.outputs()[i];
      LiteTensor t = ctx.tensor(y);
      if (ctx.graph().outputs().contains(y)
          || !Arrays.equals(outShapes[i], t.shape().dims())
          || Shapes.size(outShapes[i]) > MAX_ELEMENTS) {
        return step;
      }
      shapes[y] = outShapes[i];
      buffers[y] = Buffers.allocate(t.type(), Shapes.size(outShapes[i]));
    }
    step.runner().run(buffers, shapes, new Scratch());
    for (int y : step.outputs()) {
      ctx.fold(ctx.tensor(y), buffers[y]);
    }
    return null;
  }
}
