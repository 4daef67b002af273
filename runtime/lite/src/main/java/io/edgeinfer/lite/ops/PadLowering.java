package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.UnaryOp;

/** PAD and PADV2 with constant paddings: float32, int8/uint8 (padded with the zero point). */
final class PadLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int[] paddings = ctx.ints(ctx.constant(op, 1, "paddings"));
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    UnaryOp<?, ?> kernel;
    if (OpContext.isFloat(in)) {
      ctx.requireFloat(y);
      float value = 0f;
      if (OpContext.has(op, 2)) {
        value = ctx.floats(ctx.constant(op, 2, "pad value")).get(0);
      }
      kernel = ctx.kernels().pad(paddings, value);
    } else if (OpContext.isQuantized8(in)) {
      ctx.requireQuantized8(y, in);
      int value = OpContext.quant(ctx.tensor(y)).zeroPoint();
      if (OpContext.has(op, 2)) {
        Object v = ctx.constants()[ctx.operand(op, 2)];
        value = ((byte[]) v)[0];
      }
      kernel = ctx.kernels().pad(paddings, (byte) value);
    } else {
      throw new Unsupported(in.type().label());
    }
    return ctx.unary(x, y, kernel, null);
  }
}
