package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.ArgMax;

/** ARG_MAX over one constant axis, to int32 or int64 indices. */
final class ArgMaxLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int[] axis = ctx.ints(ctx.constant(op, 1, "axis"));
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    DataType outType = ctx.tensor(y).type();
    if (!(OpContext.isFloat(in) || OpContext.isQuantized8(in))) {
      throw new Unsupported(in.type().label());
    }
    if (axis.length != 1 || (outType != DataType.INT32 && outType != DataType.INT64)) {
      throw new Unsupported("expected one axis and an int32 or int64 output");
    }
    ArgMax kernel = new ArgMax(axis[0]);
    return ctx.step(
        x,
        y,
        kernel::outputShape,
        (buffers, shapes, scratch) -> kernel.run(buffers[x], shapes[x], buffers[y]));
  }
}
