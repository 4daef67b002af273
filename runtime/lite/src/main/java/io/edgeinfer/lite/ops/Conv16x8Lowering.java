package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.ConvOptions;
import io.edgeinfer.lite.kernels.RefConv2dInt16;

/** CONV_2D with int16 activations and int8 weights (16x8); other types go to {@code others}. */
final class Conv16x8Lowering implements Lowering {
  private final Lowering others;

  Conv16x8Lowering(Lowering others) {
    this.others = others;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    LiteTensor in = ctx.tensor(x);
    if (!Int16Operands.isInt16(in)) {
      return others.lower(ctx, op);
    }
    OperatorOptions.Conv2D o = ctx.options(op, OperatorOptions.Conv2D.class);
    ConvOptions conv =
        new ConvOptions(
            OpContext.padding(o.padding()),
            o.strideH(),
            o.strideW(),
            o.dilationH(),
            o.dilationW(),
            OpContext.activation(o.activation()));
    LiteTensor filter = ctx.constant(op, 1, "filter");
    if (filter.type() != DataType.INT8 || filter.shape().rank() != 4) {
      throw new Unsupported("16x8 CONV_2D needs a rank-4 int8 filter, found " + filter);
    }
    int y = op.output(0);
    float outScale = Int16Operands.scale(ctx.tensor(y));
    int[] filterShape = filter.shape().dims();
    int channels = filterShape[0];
    float[] scales = OpContext.weightScales(filter);
    if (scales.length != 1 && scales.length != channels) {
      throw new Unsupported("expected 1 or " + channels + " filter scales, found " + scales.length);
    }
    if (OpContext.has(op, 2) && ctx.tensor(op.input(2)).type() == DataType.INT16) {
      throw new Unsupported("int16 bias");
    }
    long[] bias = Int16Operands.bias(ctx, op, 2, channels);
    RefConv2dInt16 kernel;
    try {
      kernel =
          new RefConv2dInt16(
              ctx.model().data(filter),
              filterShape,
              bias,
              Int16Operands.isWide(ctx, op, 2),
              Int16Operands.scale(in),
              scales,
              outScale,
              conv);
    } catch (IllegalArgumentException e) {
      throw new Unsupported(e.getMessage());
    }
    return ctx.step(
        x,
        y,
        kernel::outputShape,
        (buf, s, scratch) -> kernel.run((short[]) buf[x], s[x], (short[]) buf[y], scratch));
  }
}
