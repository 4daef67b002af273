package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.Normalization;
import io.edgeinfer.lite.kernels.Shapes;

/**
 * L2_NORMALIZATION and LOG_SOFTMAX over the last dimension, and PRELU (alpha broadcast), on
 * float32. Their quantized forms rescale through lookup arithmetic and are not run yet.
 */
final class NormalizationLowering implements Lowering {
  private final BuiltinOperator which;

  NormalizationLowering(BuiltinOperator which) {
    this.which = which;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    if (!OpContext.isFloat(in)) {
      throw new Unsupported(in.type().label());
    }
    ctx.requireFloat(y);
    if (which == BuiltinOperator.PRELU) {
      int alpha = ctx.operand(op, 1);
      ctx.requireFloat(alpha);
      return Step.single(
          ctx.name(),
          new int[] {x, alpha},
          y,
          s -> Shapes.broadcast(s[x], s[alpha]),
          (buf, s, scratch) ->
              Normalization.prelu(
                  (float[]) buf[x],
                  s[x],
                  (float[]) buf[alpha],
                  s[alpha],
                  (float[]) buf[y],
                  Shapes.broadcast(s[x], s[alpha])));
    }
    boolean l2 = which == BuiltinOperator.L2_NORMALIZATION;
    return ctx.step(
        x,
        y,
        s -> s,
        (buf, s, scratch) -> {
          int depth = s[x].length == 0 ? 1 : s[x][s[x].length - 1];
          int size = Shapes.size(s[x]);
          if (l2) {
            Normalization.l2((float[]) buf[x], (float[]) buf[y], size, depth);
          } else {
            Normalization.logSoftmax((float[]) buf[x], (float[]) buf[y], size, depth);
          }
        });
  }
}
