package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.ArgMin;

/** ARG_MIN over one constant axis of float32, int32 or int8/uint8 values, to int32 or int64. */
final class ArgMinLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int[] axis = ctx.ints(ctx.constant(op, 1, "axis"));
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    DataType outType = ctx.tensor(y).type();
    if (!(OpContext.isFloat(in) || OpContext.isQuantized8(in) || in.type() == DataType.INT32)) {
      throw new Unsupported(in.type().label());
    }
    if (axis.length != 1 || (outType != DataType.INT32 && outType != DataType.INT64)) {
      throw new Unsupported("expected one axis and an int32 or int64 output");
    }
    ArgMin kernel = new ArgMin(axis[0]);
    return ConstantFolding.orStep(
        ctx,
        ctx.step(x, y, kernel::outputShape, (buf, s, scratch) -> kernel.run(buf[x], s[x], buf[y])));
  }
}
