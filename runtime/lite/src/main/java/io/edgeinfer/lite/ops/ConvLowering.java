package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.ConvOptions;
import io.edgeinfer.lite.kernels.Kernels;
import io.edgeinfer.lite.kernels.Quant;
import io.edgeinfer.lite.kernels.UnaryOp;
import java.nio.ByteBuffer;

/** CONV_2D and DEPTHWISE_CONV_2D: float32, int8/uint8, hybrid. */
final class ConvLowering implements Lowering {
  private final boolean depthwise;

  ConvLowering(boolean depthwise) {
    this.depthwise = depthwise;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    ConvOptions conv = options(ctx, op);
    int x = ctx.operand(op, 0);
    LiteTensor filter = ctx.constant(op, 1, "filter");
    if (filter.shape().rank() != 4) {
      throw new Unsupported("expected a rank-4 filter, found " + filter.shape());
    }
    int[] filterShape = filter.shape().dims();
    int channels = depthwise ? filterShape[3] : filterShape[0];
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    Kernels kernels = ctx.kernels();
    UnaryOp<?, ?> kernel;
    if (OpContext.isFloat(in) && filter.type() == DataType.FLOAT32) {
      ctx.requireFloat(y);
      float[] bias = ctx.floatBias(op, 2, channels);
      kernel =
          depthwise
              ? kernels.depthwiseConv2d(ctx.floats(filter), filterShape, bias, conv)
              : kernels.conv2d(ctx.floats(filter), filterShape, bias, conv);
    } else if (OpContext.isQuantized8(in) && OpContext.isQuantized8(filter)) {
      ctx.requireQuantized8(y, in);
      int[] bias = ctx.intBias(op, 2, channels);
      Quant input = OpContext.quant(in);
      Quant output = OpContext.quant(ctx.tensor(y));
      int zeroPoint = OpContext.weightZeroPoint(filter);
      float[] scales = OpContext.weightScales(filter);
      kernel =
          depthwise
              ? kernels.depthwiseConv2d(
                  ctx.weights8(filter), zeroPoint, filterShape, scales, bias, input, output, conv)
              : kernels.conv2d(
                  ctx.weights8(filter), zeroPoint, filterShape, scales, bias, input, output, conv);
    } else if (OpContext.isFloat(in) && OpContext.isQuantized8(filter)) {
      ctx.requireFloat(y);
      float[] bias = ctx.floatBias(op, 2, channels);
      float[] scales = OpContext.hybridScales(filter, depthwise ? 3 : 0, channels);
      ByteBuffer data = ctx.model().data(filter);
      kernel =
          depthwise
              ? kernels.hybridDepthwiseConv2d(data, filterShape, scales, bias, conv)
              : kernels.hybridConv2d(data, filterShape, scales, bias, conv);
    } else {
      throw new Unsupported("input " + in.type().label() + " with filter " + filter.type().label());
    }
    return ctx.unary(x, y, kernel, null);
  }

  private ConvOptions options(OpContext ctx, LiteOperator op) throws Unsupported {
    if (depthwise) {
      OperatorOptions.DepthwiseConv2D o = ctx.options(op, OperatorOptions.DepthwiseConv2D.class);
      return new ConvOptions(
          OpContext.padding(o.padding()),
          o.strideH(),
          o.strideW(),
          o.dilationH(),
          o.dilationW(),
          OpContext.activation(o.activation()));
    }
    OperatorOptions.Conv2D o = ctx.options(op, OperatorOptions.Conv2D.class);
    return new ConvOptions(
        OpContext.padding(o.padding()),
        o.strideH(),
        o.strideW(),
        o.dilationH(),
        o.dilationW(),
        OpContext.activation(o.activation()));
  }
}
