package io.edgeinfer.lite.kernels;

/**
 * The int8 SOFTMAX of TensorFlow Lite's reference kernels (and TensorFlow Lite Micro), for the
 * output every converter writes (scale 1/256, zero point -128): all in 32-bit fixed point. Each
 * element's distance below its row's maximum is scaled by {@code beta * inputScale} into Q5.26,
 * {@code exp} of it is taken in Q0.31 (a Taylor polynomial on [-1/4, 0) times {@code exp(-2^k)} for
 * the distance's higher bits), summed in Q12.19, and each exp is multiplied by the sum's reciprocal
 * (three Newton steps). Distances beyond what Q5.26 holds give 0. TFLite's optimized kernel (a
 * float exp table, what TFLite 2.6.2 runs on x86) differs from this by one step on a few values in
 * 100,000.
 */
final class FixedPointSoftmax implements UnaryOp<byte[], byte[]> {
  private static final int DIFF_INTEGER_BITS = 5;
  private static final int SUM_INTEGER_BITS = 12;
  private static final int ONE_Q0 = Integer.MAX_VALUE; // 1.0 does not fit Q0.31: its largest value

  /** exp(-2^k) in Q0.31 for k = -2..4: the factors for the distance's bits above 1/4. */
  private static final int[] EXP_OF_POWERS = new int[7];

  private static final int EXP_MINUS_EIGHTH = q31(Math.exp(-1.0 / 8));
  private static final int ONE_THIRD = q31(1.0 / 3);
  private static final int FORTY_EIGHT_SEVENTEENTHS = q29(48.0 / 17);
  private static final int MINUS_THIRTY_TWO_SEVENTEENTHS = q29(-32.0 / 17);

  static {
    for (int k = -2; k <= 4; k++) {
      EXP_OF_POWERS[k + 2] = q31(Math.exp(-Math.pow(2, k)));
    }
  }

  private final int multiplier;
  private final int leftShift;
  private final int diffMin;

  FixedPointSoftmax(float beta, Quant input) {
    // In double, capped below 2^31, as TFLite's PreprocessSoftmaxScaling.
    double real =
        Math.min(
            (double) beta * (double) input.scale() * (1L << (31 - DIFF_INTEGER_BITS)),
            (double) Integer.MAX_VALUE);
    Quantization.Multiplier m = Quantization.quantizeMultiplier(real);
    this.multiplier = m.multiplier();
    this.leftShift = Math.max(0, m.shift());
    // The largest distance whose scaled value still fits Q5.26 (TFLite's CalculateInputRadius).
    double radius =
        ((1 << DIFF_INTEGER_BITS) - 1)
            * (double) (1L << (31 - DIFF_INTEGER_BITS))
            / (1L << leftShift);
    this.diffMin = -(int) Math.floor(radius);
  }

  /** Whether the output is the one this arithmetic produces. */
  static boolean fits(Quant output) {
    return output.scale() == 1f / 256 && output.zeroPoint() == -128;
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    RefSoftmax.depth(inputShape);
    return inputShape.clone();
  }

  @Override
  public void run(byte[] input, int[] inputShape, byte[] out, Scratch scratch) {
    int depth = RefSoftmax.depth(inputShape);
    int size = Shapes.size(inputShape);
    Shapes.checkLength("input", size, input.length);
    Shapes.checkLength("output", size, out.length);
    for (int row = 0; row < size; row += depth) {
      int max = -128;
      for (int c = 0; c < depth; c++) {
        max = Math.max(max, input[row + c]);
      }
      int sum = 0; // Q12.19
      for (int c = 0; c < depth; c++) {
        int diff = input[row + c] - max;
        if (diff >= diffMin) {
          sum += saturatingShift(exp(scaled(diff)), -SUM_INTEGER_BITS);
        }
      }
      int headroom = Integer.numberOfLeadingZeros(sum);
      int bitsOverUnit = SUM_INTEGER_BITS - headroom;
      int reciprocal = oneOverOnePlusX((sum << headroom) - Integer.MIN_VALUE);
      for (int c = 0; c < depth; c++) {
        int diff = input[row + c] - max;
        int q = -128;
        if (diff >= diffMin) {
          int p = Quantization.saturatingRoundingDoublingHighMul(reciprocal, exp(scaled(diff)));
          q = Quantization.roundingDivideByPot(p, bitsOverUnit + 31 - 8) - 128;
        }
        out[row + c] = (byte) Math.max(-128, Math.min(127, q));
      }
    }
  }

  /** The distance in Q5.26: {@code diff * 2^leftShift} times the multiplier. */
  private int scaled(int diff) {
    return Quantization.saturatingRoundingDoublingHighMul(diff * (1 << leftShift), multiplier);
  }

  /** {@code x * 2^shift}, saturating for a left shift, rounding for a right one. */
  static int saturatingShift(int x, int shift) {
    if (shift <= 0) {
      return Quantization.roundingDivideByPot(x, -shift);
    }
    if (x > (Integer.MAX_VALUE >> shift)) {
      return Integer.MAX_VALUE;
    }
    if (x < (Integer.MIN_VALUE >> shift)) {
      return Integer.MIN_VALUE;
    }
    return x << shift;
  }

  private static int mul(int a, int b) {
    return Quantization.saturatingRoundingDoublingHighMul(a, b);
  }

  /** {@code round(2^31 * v)}: a Q0.31 constant. */
  private static int q31(double v) {
    return (int) Math.round(v * (1L << 31));
  }

  /** {@code exp(a)} in Q0.31 for {@code a <= 0} in Q5.26. */
  static int exp(int a) {
    if (a == 0) {
      return ONE_Q0;
    }
    int quarter = 1 << (31 - DIFF_INTEGER_BITS - 2);
    int moduloQuarter = (a & (quarter - 1)) - quarter; // in [-1/4, 0)
    int result = expOnLastQuarter(saturatingShift(moduloQuarter, DIFF_INTEGER_BITS));
    int remainder = moduloQuarter - a;
    // exp(-2^k) for each bit k of the remainder, from 1/4 up to 16 (Q5.26 holds no more).
    for (int k = -2; k <= 4; k++) {
      if ((remainder & (1 << (31 - DIFF_INTEGER_BITS + k))) != 0) {
        result = mul(result, EXP_OF_POWERS[k + 2]);
      }
    }
    return result;
  }

  /** {@code exp(a)} in Q0.31 for {@code a} in [-1/4, 0) in Q0.31: Taylor around -1/8. */
  private static int expOnLastQuarter(int a) {
    int constantTerm = EXP_MINUS_EIGHTH;
    int x = a + (1 << 28);
    int x2 = mul(x, x);
    int x3 = mul(x2, x);
    int x4 = mul(x2, x2);
    int x4Over4 = saturatingShift(x4, -2);
    int polynomial = saturatingShift(mul(x4Over4 + x3, ONE_THIRD) + x2, -1);
    return constantTerm + mul(constantTerm, x + polynomial);
  }

  /** {@code 1 / (1 + x)} for {@code x} in [0, 1) in Q0.31, as Q0.31: Newton-Raphson from 48/17. */
  static int oneOverOnePlusX(int a) {
    long sum = (long) a + ONE_Q0;
    int halfDenominator = (int) ((sum + (sum >= 0 ? 1 : -1)) / 2);
    int x = FORTY_EIGHT_SEVENTEENTHS + mul(halfDenominator, MINUS_THIRTY_TWO_SEVENTEENTHS); // Q2.29
    for (int i = 0; i < 3; i++) {
      int oneMinus = (1 << 29) - mul(halfDenominator, x); // Q2.29
      x = x + saturatingShift(mul(x, oneMinus), 2);
    }
    return saturatingShift(x, 1); // x / 2 in Q1.30, read as Q0.31
  }

  /** {@code round(2^29 * v)}: a Q2.29 constant. */
  private static int q29(double v) {
    return (int) Math.round(v * (1L << 29));
  }
}
