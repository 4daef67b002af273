package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.RefLeakyReluInt16;

/** LEAKY_RELU of int16 tensors; other types go to {@code others}. */
final class LeakyRelu16Lowering implements Lowering {
  private final Lowering others;

  LeakyRelu16Lowering(Lowering others) {
    this.others = others;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    LiteTensor in = ctx.tensor(x);
    if (!Int16Operands.isInt16(in)) {
      return others.lower(ctx, op);
    }
    int y = op.output(0);
    float alpha = ctx.options(op, OperatorOptions.LeakyRelu.class).alpha();
    RefLeakyReluInt16 k =
        new RefLeakyReluInt16(alpha, Int16Operands.scale(in), Int16Operands.scale(ctx.tensor(y)));
    return ctx.step(
        x,
        y,
        k::outputShape,
        (buf, s, scratch) -> k.run((short[]) buf[x], s[x], (short[]) buf[y], scratch));
  }
}
