package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.IntArrays;
import io.edgeinfer.lite.kernels.RefPadWide;

/**
 * PAD and PADV2 of int16 and int32 tensors with constant paddings, padded with the constant value
 * or 0 (as TFLite Micro); other types go to {@code others}.
 */
final class PadWideLowering implements Lowering {
  private final Lowering others;

  PadWideLowering(Lowering others) {
    this.others = others;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    LiteTensor in = ctx.tensor(x);
    IntArrays kind = Int16Operands.kind(in);
    if (kind != IntArrays.INT16 && kind != IntArrays.INT32) {
      return others.lower(ctx, op);
    }
    int y = op.output(0);
    ctx.requireType(y, in.type());
    if (kind == IntArrays.INT16) {
      if (Int16Operands.scale(in) != Int16Operands.scale(ctx.tensor(y))) {
        throw new Unsupported("expected equal input and output scales");
      }
    }
    int[] paddings = ctx.ints(ctx.constant(op, 1, "paddings"));
    int value = 0;
    if (OpContext.has(op, 2)) {
      ctx.constant(op, 2, "pad value");
      Object v = ctx.constants()[ctx.operand(op, 2)];
      if (v instanceof short[] s && kind == IntArrays.INT16) {
        value = s[0];
      } else if (v instanceof int[] i && kind == IntArrays.INT32) {
        value = i[0];
      } else {
        throw new Unsupported("pad value of another type than the input");
      }
    }
    RefPadWide k;
    try {
      k = new RefPadWide(paddings, kind, value);
    } catch (IllegalArgumentException e) {
      throw new Unsupported(e.getMessage());
    }
    return ctx.step(
        x, y, k::outputShape, (buf, s, scratch) -> k.run(buf[x], s[x], buf[y], scratch));
  }
}
