package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Activation;
import io.edgeinfer.lite.kernels.RefAddSubInt16;

/** ADD and SUB of int16 tensors with broadcasting; other types go to {@code others}. */
final class AddSub16Lowering implements Lowering {
  private final BuiltinOperator which;
  private final Lowering others;

  AddSub16Lowering(BuiltinOperator which, Lowering others) {
    this.which = which;
    this.others = others;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int a = ctx.operand(op, 0);
    int b = ctx.operand(op, 1);
    LiteTensor ta = ctx.tensor(a);
    LiteTensor tb = ctx.tensor(b);
    if (!Int16Operands.isInt16(ta) && !Int16Operands.isInt16(tb)) {
      return others.lower(ctx, op);
    }
    boolean subtract = which == BuiltinOperator.SUB;
    Activation act =
        OpContext.activation(
            subtract
                ? ctx.options(op, OperatorOptions.Sub.class).activation()
                : ctx.options(op, OperatorOptions.Add.class).activation());
    int y = op.output(0);
    RefAddSubInt16 k;
    try {
      k =
          new RefAddSubInt16(
              subtract,
              Int16Operands.scale(ta),
              Int16Operands.scale(tb),
              Int16Operands.scale(ctx.tensor(y)),
              act);
    } catch (IllegalArgumentException e) {
      throw new Unsupported(e.getMessage());
    }
    return Step.single(
        ctx.name(),
        new int[] {a, b},
        y,
        s -> k.outputShape(s[a], s[b]),
        (buf, s, scratch) ->
            k.run((short[]) buf[a], s[a], (short[]) buf[b], s[b], (short[]) buf[y]));
  }
}
