package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.UnaryOp;

/** MEAN over constant axes: float32, int8/uint8 (requantized). */
final class MeanLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    OperatorOptions.Reducer o = ctx.options(op, OperatorOptions.Reducer.class);
    int x = ctx.operand(op, 0);
    int[] axes = ctx.ints(ctx.constant(op, 1, "axes"));
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    UnaryOp<?, ?> kernel;
    if (OpContext.isFloat(in)) {
      ctx.requireFloat(y);
      kernel = ctx.kernels().mean(axes, o.keepDims());
    } else if (OpContext.isQuantized8(in)) {
      ctx.requireQuantized8(y, in);
      kernel =
          ctx.kernels()
              .mean(axes, o.keepDims(), OpContext.quant(in), OpContext.quant(ctx.tensor(y)));
    } else {
      throw new Unsupported(in.type().label());
    }
    return ctx.unary(x, y, kernel, null);
  }
}
