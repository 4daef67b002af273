package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.Transpose;

/**
 * TRANSPOSE by a constant permutation, any type but complex: output axis {@code i} is input axis
 * {@code perm[i]} ({@link Transpose}). A copy, so quantized tensors keep their parameters.
 */
final class TransposeLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int[] perm = ctx.ints(ctx.constant(op, 1, "permutation"));
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    if (in.type() != ctx.tensor(y).type() || in.type() == io.edgeinfer.core.DataType.COMPLEX64) {
      throw new Unsupported(in.type().label() + " to " + ctx.tensor(y).type().label());
    }
    Transpose kernel;
    try {
      kernel = new Transpose(perm);
    } catch (IllegalArgumentException e) {
      throw new Unsupported(e.getMessage());
    }
    return ctx.step(x, y, kernel::outputShape, ctx.splitUnary(x, y, kernel));
  }
}
