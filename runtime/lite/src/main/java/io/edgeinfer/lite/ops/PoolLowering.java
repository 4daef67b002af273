package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.PoolOptions;
import io.edgeinfer.lite.kernels.UnaryOp;

/** AVERAGE_POOL_2D and MAX_POOL_2D: float32, int8, uint8. */
final class PoolLowering implements Lowering {
  private final boolean max;

  PoolLowering(boolean max) {
    this.max = max;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    OperatorOptions.Pool2D o = ctx.options(op, OperatorOptions.Pool2D.class);
    PoolOptions pool =
        new PoolOptions(
            OpContext.padding(o.padding()),
            o.filterHeight(),
            o.filterWidth(),
            o.strideH(),
            o.strideW(),
            OpContext.activation(o.activation()));
    int x = ctx.operand(op, 0);
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    UnaryOp<?, ?> kernel;
    if (OpContext.isFloat(in)) {
      ctx.requireFloat(y);
      kernel = max ? ctx.kernels().maxPool(pool) : ctx.kernels().averagePool(pool);
    } else if (OpContext.isQuantized8(in)) {
      ctx.requireQuantized8(y, in);
      OpContext.requireSameQuant(in, ctx.tensor(y));
      if (max) {
        kernel = ctx.kernels().maxPool(pool, OpContext.quant(in));
      } else if (in.type() == DataType.UINT8) {
        // uint8 averages round half up on the unsigned values; int8 ones round half away from 0.
        kernel = ctx.kernels().uint8AveragePool(pool, OpContext.quant(in));
      } else {
        kernel = ctx.kernels().averagePool(pool, OpContext.quant(in));
      }
    } else {
      throw new Unsupported(in.type().label());
    }
    return ctx.unary(x, y, kernel, null);
  }
}
