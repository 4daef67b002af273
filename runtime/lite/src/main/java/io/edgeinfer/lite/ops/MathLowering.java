package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.kernels.FloatMath;
import io.edgeinfer.lite.kernels.RsqrtInt8;
import io.edgeinfer.lite.kernels.Shapes;

/** LOG, SQRT, RSQRT and EXP on float32; RSQRT also on int8 (TFLite Micro's integer kernel). */
final class MathLowering implements Lowering {
  private final FloatMath.Unary function;

  MathLowering(BuiltinOperator which) {
    this.function = FloatMath.Unary.valueOf(which.name());
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int y = op.output(0);
    if (function == FloatMath.Unary.RSQRT
        && ctx.tensor(x).type() == DataType.INT8
        && OpContext.isQuantized8(ctx.tensor(x))) {
      ctx.requireQuantized8(y, ctx.tensor(x));
      RsqrtInt8 kernel =
          new RsqrtInt8(OpContext.quant(ctx.tensor(x)), OpContext.quant(ctx.tensor(y)));
      return ctx.step(
          x,
          y,
          s -> s,
          (buf, s, scratch) -> kernel.run((byte[]) buf[x], (byte[]) buf[y], Shapes.size(s[x])));
    }
    ctx.requireFloat(x);
    ctx.requireFloat(y);
    return ConstantFolding.orStep(
        ctx,
        ctx.step(
            x,
            y,
            s -> s,
            (buf, s, scratch) ->
                function.run((float[]) buf[x], (float[]) buf[y], Shapes.size(s[x]))));
  }
}
