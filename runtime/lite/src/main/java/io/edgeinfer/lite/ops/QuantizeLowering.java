package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import java.util.Arrays;

/**
 * QUANTIZE (float32 to int8/uint8, or between 8-bit quantizations) and DEQUANTIZE (int8/uint8 to
 * float32; float16 constants are widened once at load instead).
 */
final class QuantizeLowering implements Lowering {
  private final boolean dequantize;

  QuantizeLowering(boolean dequantize) {
    this.dequantize = dequantize;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    return dequantize ? dequantize(ctx, op) : quantize(ctx, op);
  }

  private static Step quantize(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    LiteTensor out = ctx.tensor(y);
    if (!OpContext.isQuantized8(out)) {
      throw new Unsupported("output " + out);
    }
    if (OpContext.isFloat(in)) {
      return ctx.unary(x, y, ctx.kernels().quantize(OpContext.quant(out)), null);
    }
    if (OpContext.isQuantized8(in)) {
      return ctx.unary(
          x, y, ctx.kernels().requantize(OpContext.quant(in), OpContext.quant(out)), null);
    }
    throw new Unsupported(in.type().label() + " input");
  }

  private static Step dequantize(OpContext ctx, LiteOperator op) throws Unsupported {
    int source = op.input(0);
    if (source != LiteOperator.OMITTED && ctx.tensor(source).type() == DataType.FLOAT16) {
      foldHalfs(ctx, ctx.tensor(source), op.output(0));
      return null;
    }
    int x = ctx.operand(op, 0);
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    if (!OpContext.isQuantized8(in)) {
      throw new Unsupported(in.type().label() + " input");
    }
    ctx.requireFloat(y);
    return ctx.unary(x, y, ctx.kernels().dequantize(OpContext.quant(in)), null);
  }

  /**
   * How TFLite's converter writes float16 models: constant FLOAT16 weights, each behind a
   * DEQUANTIZE to float32. Converted once here, the consumer sees a float32 constant.
   */
  private static void foldHalfs(OpContext ctx, LiteTensor half, int y) throws Unsupported {
    if (!ctx.model().isConstant(half)) {
      throw new Unsupported("float16 input " + half + " computed at run time");
    }
    LiteTensor out = ctx.tensor(y);
    ctx.requireFloat(y);
    if (!Arrays.equals(half.shape().dims(), out.shape().dims())) {
      throw new Unsupported("expected the shape of " + half + ", found " + out);
    }
    ctx.fold(out, ctx.halfs(half));
  }
}
