package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.Quantization;
import io.edgeinfer.lite.kernels.Shapes;
import io.edgeinfer.lite.kernels.Sigmoid16;

/**
 * LOGISTIC and TANH of int16 tensors, TFLite's way: symmetric, output in Q0.15 (scale 2^-15); an
 * input scale of 2^-12 (or 2^-11 for tanh) goes straight into the table, any other is rescaled by a
 * 15-bit multiplier. Other types go to {@code others}.
 */
final class Sigmoid16Lowering implements Lowering {
  private static final int INPUT_INTEGER_BITS = 3;
  private static final int OUTPUT_FRACTIONAL_BITS = 15;

  private final boolean tanh;
  private final Lowering others;

  Sigmoid16Lowering(boolean tanh, Lowering others) {
    this.tanh = tanh;
    this.others = others;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    LiteTensor in = ctx.tensor(x);
    if (!Int16Operands.isInt16(in)) {
      return others.lower(ctx, op);
    }
    int y = op.output(0);
    float outScale = Int16Operands.scale(ctx.tensor(y));
    if (!isPowerOfTwo(outScale) || roundedLog2(outScale) != -OUTPUT_FRACTIONAL_BITS) {
      throw new Unsupported("expected an output scale of 2^-15, found " + outScale);
    }
    float inScale = Int16Operands.scale(in);
    int leftShift = (15 - INPUT_INTEGER_BITS) + roundedLog2(inScale);
    boolean powerOfTwo = isPowerOfTwo(inScale) && (leftShift == 0 || (tanh && leftShift == 1));
    int multiplier = 0;
    if (!powerOfTwo) {
      // Rescale the input to 1/(3 * 4096) per step, the table's own scale, in 15 bits.
      double real = (double) inScale * 4096.0 * 3.0;
      leftShift = 0;
      while (real <= 32767.0 / 2.0 && leftShift <= 30) {
        leftShift++;
        real *= 2.0;
      }
      multiplier = (int) real;
    }
    int m = multiplier;
    int s = leftShift;
    return ctx.step(
        x,
        y,
        shape -> shape,
        (buf, shapes, scratch) -> {
          short[] from = (short[]) buf[x];
          short[] to = (short[]) buf[y];
          int n = Shapes.size(shapes[x]);
          for (int i = 0; i < n; i++) {
            to[i] = tanh ? Sigmoid16.tanh(from[i], m, s) : Sigmoid16.logistic(from[i], m, s);
          }
        });
  }

  /** log2 as TFLite's {@code CheckedLog2} computes it, in float, rounded half away from zero. */
  static int roundedLog2(float x) {
    return (int) Quantization.round(log2f(x));
  }

  /** Whether {@code x} is a power of two as TFLite judges it: log2 within 1e-3 of an integer. */
  static boolean isPowerOfTwo(float x) {
    float log = log2f(x);
    return Math.abs(log - Quantization.round(log)) < 1e-3f;
  }

  private static float log2f(float x) {
    return (float) Math.log(x) * (1.0f / (float) Math.log(2.0));
  }
}
