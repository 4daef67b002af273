package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.kernels.FloatMath;
import io.edgeinfer.lite.kernels.Shapes;

/** LOG, SQRT, RSQRT and EXP on float32. */
final class MathLowering implements Lowering {
  private final FloatMath.Unary function;

  MathLowering(BuiltinOperator which) {
    this.function = FloatMath.Unary.valueOf(which.name());
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int y = op.output(0);
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
