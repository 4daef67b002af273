package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Reduction;

/**
 * REDUCE_MAX (float32, int32, int64, int8/uint8 of one quantization) and SUM (float32, int32,
 * int64) over constant axes. A quantized SUM rescales and is not run yet.
 */
final class ReduceLowering implements Lowering {
  private final boolean max;

  ReduceLowering(BuiltinOperator which) {
    this.max = which == BuiltinOperator.REDUCE_MAX;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    boolean keepDims = ctx.options(op, OperatorOptions.Reducer.class).keepDims();
    int x = ctx.operand(op, 0);
    int[] axes = ctx.ints(ctx.constant(op, 1, "axes"));
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    SameTypes.require(ctx, x, y);
    boolean ok =
        switch (in.type()) {
          case FLOAT32, INT32, INT64 -> true;
          case INT8, UINT8 -> max && OpContext.isQuantized8(in);
          default -> false;
        };
    if (!ok || (in.type() == DataType.INT8 && !max)) {
      throw new Unsupported(in.type().label());
    }
    Reduction kernel = new Reduction(max, axes, keepDims);
    return ConstantFolding.orStep(
        ctx,
        ctx.step(x, y, kernel::outputShape, (buf, s, scratch) -> kernel.run(buf[x], s[x], buf[y])));
  }
}
