package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Activation;
import io.edgeinfer.lite.kernels.Padding;
import io.edgeinfer.lite.kernels.RefTransposeConv;
import io.edgeinfer.lite.kernels.UnaryOp;

/**
 * TRANSPOSE_CONV: float32, int8 and 16x8. Inputs: the output shape (int32), the filter {@code
 * [outC, kh, kw, inC]}, the input, an optional bias. As in TFLite Micro, the output's size is the
 * output tensor's (the shape operand is not read at run time).
 */
final class TransposeConvLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    OperatorOptions.TransposeConv o = ctx.options(op, OperatorOptions.TransposeConv.class);
    Activation activation = OpContext.activation(o.activation());
    int x = ctx.operand(op, 2);
    LiteTensor in = ctx.tensor(x);
    LiteTensor filter = ctx.constant(op, 1, "filter");
    int y = op.output(0);
    LiteTensor out = ctx.tensor(y);
    if (filter.shape().rank() != 4 || out.shape().rank() != 4 || in.shape().rank() != 4) {
      throw new Unsupported("expected rank-4 input, filter and output");
    }
    int[] f = filter.shape().dims();
    int[] shape = out.shape().dims();
    if (shape[3] != f[0] || in.shape().dims()[3] != f[3]) {
      throw new Unsupported("filter " + filter.shape() + " does not fit " + in + " -> " + out);
    }
    RefTransposeConv.Geometry g =
        new RefTransposeConv.Geometry(
            shape[1], shape[2], f[0], f[1], f[2], f[3], o.strideH(), o.strideW(), padding(o));
    try {
      g.outputShape(in.shape().dims()); // checks the output is large enough for the filter
      return step(ctx, op, g, x, y, in, filter, activation);
    } catch (IllegalArgumentException e) {
      throw new Unsupported(e.getMessage());
    }
  }

  private static Padding padding(OperatorOptions.TransposeConv o) {
    return OpContext.padding(o.padding());
  }

  private static Step step(
      OpContext ctx,
      LiteOperator op,
      RefTransposeConv.Geometry g,
      int x,
      int y,
      LiteTensor in,
      LiteTensor filter,
      Activation activation)
      throws Unsupported {
    LiteTensor out = ctx.tensor(y);
    if (OpContext.isFloat(in) && filter.type() == DataType.FLOAT32) {
      ctx.requireFloat(y);
      float[] bias = ctx.floatBias(op, 3, g.outC());
      return ctx.unary(
          x, y, new RefTransposeConv.FloatOp(g, ctx.floats(filter), bias, activation), null);
    }
    if (filter.type() != DataType.INT8) {
      throw new Unsupported(in.type().label() + " input with filter " + filter.type().label());
    }
    float[] scales = OpContext.weightScales(filter);
    if (in.type() == DataType.INT8 && in.quantization().isQuantized()) {
      ctx.requireQuantized8(y, in);
      int[] bias = ctx.intBias(op, 3, g.outC());
      UnaryOp<byte[], byte[]> k =
          new RefTransposeConv.Int8Op(
              g,
              ctx.model().data(filter),
              bias,
              OpContext.quant(in),
              scales,
              OpContext.quant(out),
              activation);
      return ctx.unary(x, y, k, null);
    }
    if (Int16Operands.isInt16(in)) {
      long[] bias = Int16Operands.bias(ctx, op, 3, g.outC());
      if (OpContext.has(op, 3) && !Int16Operands.isWide(ctx, op, 3)) {
        throw new Unsupported("int32 bias for 16x8 TRANSPOSE_CONV");
      }
      RefTransposeConv.Int16Op k =
          new RefTransposeConv.Int16Op(
              g,
              ctx.model().data(filter),
              bias,
              Int16Operands.scale(in),
              scales,
              Int16Operands.scale(out),
              activation);
      return ctx.step(
          x,
          y,
          k::outputShape,
          (buf, s, scratch) -> k.run((short[]) buf[x], s[x], (short[]) buf[y], scratch));
    }
    throw new Unsupported(in.type().label() + " input with filter " + filter.type().label());
  }
}
