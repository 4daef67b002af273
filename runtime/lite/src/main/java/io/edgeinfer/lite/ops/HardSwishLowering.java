package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.HardSwish;
import io.edgeinfer.lite.kernels.Shapes;

/** HARD_SWISH (MobileNet v3): float32, and int8/uint8 in TFLite's fixed-point arithmetic. */
final class HardSwishLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    if (OpContext.isFloat(in)) {
      ctx.requireFloat(y);
      return ctx.step(
          x,
          y,
          s -> s,
          (buf, s, scratch) ->
              HardSwish.runFloat((float[]) buf[x], (float[]) buf[y], Shapes.size(s[x])));
    }
    if (OpContext.isQuantized8(in)) {
      ctx.requireQuantized8(y, in);
      HardSwish.Int8 kernel;
      try {
        kernel = new HardSwish.Int8(OpContext.quant(in), OpContext.quant(ctx.tensor(y)));
      } catch (IllegalArgumentException e) {
        throw new Unsupported(e.getMessage());
      }
      return ctx.step(
          x,
          y,
          s -> s,
          (buf, s, scratch) -> kernel.run((byte[]) buf[x], (byte[]) buf[y], Shapes.size(s[x])));
    }
    throw new Unsupported(in.type().label());
  }
}
