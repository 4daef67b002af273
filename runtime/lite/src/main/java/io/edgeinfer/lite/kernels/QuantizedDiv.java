package io.edgeinfer.lite.kernels;

/**
 * DIV of int8 (or held uint8) tensors with broadcasting, as TFLite's reference kernel: the
 * divisor's reciprocal from gemmlowp's Newton-Raphson {@code one_over_one_plus_x_for_x_in_0_1}
 * (TFLite's {@code GetReciprocal}), the dividend moved to use all its headroom, the quotient
 * rescaled by scale1 / (scale2 * scaleOut) and clamped to the fused activation's range. A zero
 * divisor (a value at its zero point) is refused.
 */
public final class QuantizedDiv {
  private final int offset1;
  private final int offset2;
  private final int outZero;
  private final Quantization.Multiplier output;
  private final int min;
  private final int max;

  public QuantizedDiv(Quant a, Quant b, Quant out, Activation act) {
    offset1 = -a.zeroPoint();
    offset2 = -b.zeroPoint();
    outZero = out.zeroPoint();
    output =
        Quantization.quantizeMultiplier(
            (double) a.scale() / ((double) b.scale() * (double) out.scale()));
    min = act.quantizedMin(out);
    max = act.quantizedMax(out);
  }

  public void run(byte[] a, int[] sa, byte[] b, int[] sb, byte[] out, int[] outShape) {
    Broadcast.forEach(
        outShape, new int[][] {sa, sb}, (o, at) -> out[o] = (byte) divide(a[at[0]], b[at[1]]));
  }

  int divide(int x, int y) {
    int dividend = x + offset1;
    int divisor = y + offset2;
    if (divisor == 0) {
      throw new IllegalArgumentException(
          "DIV: expected a non-zero divisor, found the divisor's zero point " + (-offset2));
    }
    if (divisor < 0) {
      dividend = -dividend;
      divisor = -divisor;
    }
    int headroomPlusOne = Integer.numberOfLeadingZeros(divisor);
    int recipShift = 31 - headroomPlusOne;
    int shiftedMinusOne = (divisor << headroomPlusOne) - (1 << 31);
    int inverse = oneOverOnePlusX(shiftedMinusOne);
    int headroom = leadingSignBits(dividend);
    int unscaled =
        Quantization.saturatingRoundingDoublingHighMul(dividend * (1 << headroom), inverse);
    int shift = output.shift() - recipShift - headroom;
    int value =
        divideByPot(
                Quantization.saturatingRoundingDoublingHighMul(unscaled, output.multiplier()),
                -shift)
            + outZero;
    return Math.max(min, Math.min(max, value));
  }

  /**
   * gemmlowp's RoundingDivideByPOT as compiled for x86-64, including exponents above 31 (a zero
   * dividend has 31 bits of headroom, which pushes the shift past 31): the mask keeps its low 32
   * bits and the shift count its low 5, so a zero rounds up to 1.
   */
  static int divideByPot(int x, int exponent) {
    if (exponent <= 31) {
      return Quantization.roundingDivideByPot(x, exponent);
    }
    int mask = (int) ((1L << Math.min(exponent, 63)) - 1);
    int remainder = x & mask;
    int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
  }

  /** 1 / (1 + a) for a in [0, 1) in Q0.31: three Newton-Raphson steps in Q2.29. */
  static int oneOverOnePlusX(int a) {
    long sum = (long) a + Integer.MAX_VALUE;
    int halfDenominator = (int) ((sum + (sum >= 0 ? 1 : -1)) / 2);
    int x = 1515870810 + mul(halfDenominator, -1010580540); // 48/17 - 32/17 * d
    for (int i = 0; i < 3; i++) {
      int oneMinus = (1 << 29) - mul(halfDenominator, x);
      x = x + shiftLeft(mul(x, oneMinus), 2);
    }
    return shiftLeft(x, 1);
  }

  /** TFLite's CountLeadingSignBits for int32. */
  static int leadingSignBits(int x) {
    if (x >= 0) {
      return Integer.numberOfLeadingZeros(x) - 1;
    }
    return x != Integer.MIN_VALUE ? Integer.numberOfLeadingZeros(2 * -x - 1) : 0;
  }

  private static int mul(int a, int b) {
    return Quantization.saturatingRoundingDoublingHighMul(a, b);
  }

  private static int shiftLeft(int x, int exponent) {
    int threshold = (1 << (31 - exponent)) - 1;
    if (x > threshold) {
      return Integer.MAX_VALUE;
    }
    if (x < -threshold) {
      return Integer.MIN_VALUE;
    }
    return x << exponent;
  }
}
