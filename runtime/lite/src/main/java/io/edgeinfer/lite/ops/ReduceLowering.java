package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Reduction;
import io.edgeinfer.lite.kernels.Shapes;

/**
 * REDUCE_MAX (float32, int32, int64, int8/uint8 of one quantization) and SUM (float32, int32,
 * int64, and int8/uint8 rescaled to the output's quantization as TFLite does) over constant axes.
 */
final class ReduceLowering implements Lowering {
  private final boolean max;

  ReduceLowering(BuiltinOperator which) {
    this.max = which == BuiltinOperator.REDUCE_MAX;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    boolean keepDims =
        !(op.options() instanceof OperatorOptions.None)
            && ctx.options(op, OperatorOptions.Reducer.class).keepDims();
    int x = ctx.operand(op, 0);
    int[] axes = ctx.ints(ctx.constant(op, 1, "axes"));
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    if (max || !OpContext.isQuantized8(in)) {
      SameTypes.require(ctx, x, y);
    }
    boolean ok =
        switch (in.type()) {
          case FLOAT32, INT32, INT64 -> true;
          case INT8, UINT8 -> max && OpContext.isQuantized8(in);
          default -> false;
        };
    Reduction kernel = new Reduction(max, axes, keepDims);
    if (!max && OpContext.isQuantized8(in)) {
      ctx.requireQuantized8(y, in);
      var qin = OpContext.quant(in);
      var qout = OpContext.quant(ctx.tensor(y));
      return ctx.step(
          x,
          y,
          kernel::outputShape,
          (buf, s, scratch) ->
              kernel.runQuantizedSum(
                  (byte[]) buf[x],
                  s[x],
                  (byte[]) buf[y],
                  scratch.ints(0, Shapes.size(s[x])),
                  scratch.ints(1, Shapes.size(kernel.outputShape(s[x]))),
                  qin,
                  qout));
    }
    if (!ok) {
      throw new Unsupported(in.type().label());
    }
    return ConstantFolding.orStep(
        ctx,
        ctx.step(x, y, kernel::outputShape, (buf, s, scratch) -> kernel.run(buf[x], s[x], buf[y])));
  }
}
