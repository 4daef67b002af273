package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.kernels.Slicing;

/** SLICE by constant begin and size (a size of -1 runs to the end), any type. */
final class SliceLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int[] begin = ctx.ints(ctx.constant(op, 1, "begin"));
    int[] size = ctx.ints(ctx.constant(op, 2, "size"));
    int y = op.output(0);
    SameTypes.require(ctx, x, y);
    int w = SameTypes.width(ctx, x);
    return ConstantFolding.orStep(
        ctx,
        ctx.step(
            x,
            y,
            shape -> Slicing.sliceShape(shape, begin, size),
            (buf, s, scratch) ->
                Slicing.slice(
                    buf[x], s[x], begin, Slicing.sliceShape(s[x], begin, size), buf[y], w)));
  }
}
