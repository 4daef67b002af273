package io.edgeinfer.lite.kernels;

/**
 * L2_NORMALIZATION of int8 values as TFLite's integer kernel: per row, the sum of squares of {@code
 * q - zeroPoint}, its inverse square root as a fixed-point multiplier (Newton's iteration in
 * gemmlowp's Q3.28, {@code GetInvSqrtQuantizedMultiplierExp}), and each value rescaled to the
 * output's fixed scale of 1/128.
 */
public final class L2NormInt8 {
  private L2NormInt8() {}

  public static void run(byte[] in, byte[] out, int size, int depth, int zeroPoint) {
    for (int row = 0; row + depth <= size && depth > 0; row += depth) {
      int acc = 0;
      for (int c = 0; c < depth; c++) {
        int v = in[row + c] - zeroPoint;
        acc += v * v;
      }
      int[] inv = invSqrt(acc);
      for (int c = 0; c < depth; c++) {
        int v = in[row + c] - zeroPoint;
        int q = Quantization.multiplyByQuantizedMultiplier(v, inv[0], inv[1] + 7);
        out[row + c] = (byte) Math.max(-128, Math.min(127, q));
      }
    }
  }

  /** 1 / sqrt(input) as {multiplier, shift} with TFLite's reverse shift of -1 applied. */
  static int[] invSqrt(int input) {
    if (input <= 1) {
      return new int[] {Integer.MAX_VALUE, 0};
    }
    int shift = 11;
    while (input >= (1 << 29)) {
      input /= 4;
      shift++;
    }
    int maxLeftShiftBits = Integer.numberOfLeadingZeros(input) - 1;
    int pairs = maxLeftShiftBits / 2 - 1;
    shift -= pairs;
    input <<= 2 * pairs;
    int fixedInput = input >> 1; // Q3.28
    int halfInput = Quantization.roundingDivideByPot(fixedInput, 1);
    int halfThree = (1 << 28) + (1 << 27); // 1.5 in Q3.28
    int x = 1 << 28; // 1.0 in Q3.28
    for (int i = 0; i < 5; i++) {
      int x3 = shiftLeft(mul(mul(x, x), x), 6);
      x = shiftLeft(mul(halfThree, x) - mul(halfInput, x3), 3);
    }
    x = mul(x, 1518500250); // sqrt(2) / 2 in Q0.31
    if (shift < 0) {
      x <<= -shift;
      shift = 0;
    }
    return new int[] {x, -shift};
  }

  private static int mul(int a, int b) {
    return Quantization.saturatingRoundingDoublingHighMul(a, b);
  }

  /** gemmlowp's SaturatingRoundingMultiplyByPOT for a positive exponent. */
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
