package io.edgeinfer.lite.kernels;

/**
 * The fixed-point arithmetic of TFLite's int8 kernels, written from its documented definition.
 *
 * <p>A real multiplier {@code M > 0} is stored as a 31-bit significand and a power of two: {@code M
 * = multiplier * 2^(shift - 31)} with {@code multiplier} in [2^30, 2^31) ({@link
 * #quantizeMultiplier}). An int32 accumulator {@code x} is rescaled by {@link
 * #multiplyByQuantizedMultiplier}: shift left by {@code max(shift, 0)}, take the rounded high half
 * of the doubled 64-bit product ({@link #saturatingRoundingDoublingHighMul}), then divide by {@code
 * 2^max(-shift, 0)} rounding half away from zero ({@link #roundingDivideByPot}). This is the
 * reference's default "double rounding", not the optional single-rounding build variant.
 *
 * <p>The methods named after a TFLite operator compute that operator's real multiplier exactly as
 * TFLite's Prepare step does, including where it multiplies float scales in float before widening
 * to double: the last bit of the 31-bit significand depends on it.
 */
public final class Quantization {
  private Quantization() {}

  /** A real multiplier as a 31-bit significand and a shift: {@code multiplier * 2^(shift - 31)}. */
  public record Multiplier(int multiplier, int shift) {}

  /**
   * Splits a real multiplier into a significand in [2^30, 2^31) and a power of two (TFLite's {@code
   * QuantizeMultiplier}). Zero, and anything that would need a shift below -31, becomes (0, 0).
   */
  public static Multiplier quantizeMultiplier(double real) {
    if (real == 0 || Double.isNaN(real)) {
      return new Multiplier(0, 0);
    }
    if (Double.isInfinite(real)) {
      throw new IllegalArgumentException("expected a finite multiplier, found " + real);
    }
    // frexp: real = fraction * 2^exponent with |fraction| in [0.5, 1).
    int exponent = Math.getExponent(real) + 1;
    double fraction = Math.scalb(real, -exponent);
    if (Math.abs(fraction) < 0.5) { // a subnormal real: normalize by hand
      while (Math.abs(fraction) < 0.5) {
        fraction *= 2;
        exponent--;
      }
    }
    long fixed = (long) round(fraction * (1L << 31));
    if (fixed == (1L << 31)) { // rounding carried into bit 31
      fixed /= 2;
      exponent++;
    }
    if (exponent < -31) { // every bit would be shifted out: flush to zero
      return new Multiplier(0, 0);
    }
    if (fixed > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("expected a multiplier below 2^31, found " + real);
    }
    return new Multiplier((int) fixed, exponent);
  }

  /**
   * {@code a * b / 2^31} rounded to nearest (ties toward positive infinity): the reference adds
   * {@code 2^30} (or {@code 1 - 2^30} for a negative product) to the 64-bit product and divides by
   * {@code 2^31} truncating toward zero. The one overflowing case, {@code a == b ==
   * Integer.MIN_VALUE}, saturates to {@code Integer.MAX_VALUE}.
   */
  public static int saturatingRoundingDoublingHighMul(int a, int b) {
    if (a == Integer.MIN_VALUE && b == Integer.MIN_VALUE) {
      return Integer.MAX_VALUE;
    }
    long product = (long) a * b;
    long nudge = product >= 0 ? (1L << 30) : 1 - (1L << 30);
    return (int) ((product + nudge) / (1L << 31));
  }

  /**
   * {@code x / 2^exponent} rounded to nearest, ties away from zero, for {@code exponent} in [0,
   * 31]: the arithmetic shift plus one when the remainder exceeds half (for negative {@code x}, a
   * remainder of exactly half does not round up, which moves the tie away from zero).
   */
  public static int roundingDivideByPot(int x, int exponent) {
    if (exponent < 0 || exponent > 31) {
      throw new IllegalArgumentException("expected an exponent in [0, 31], found " + exponent);
    }
    int mask = (int) ((1L << exponent) - 1);
    int remainder = x & mask;
    int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (x >> exponent) + (remainder > threshold ? 1 : 0);
  }

  /** {@code x * multiplier * 2^(shift - 31)} with the reference's rounding (see the class doc). */
  public static int multiplyByQuantizedMultiplier(int x, int multiplier, int shift) {
    int leftShift = shift > 0 ? shift : 0;
    int rightShift = shift > 0 ? 0 : -shift;
    return roundingDivideByPot(
        saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier), rightShift);
  }

  /** {@link #multiplyByQuantizedMultiplier(int, int, int)} with a {@link Multiplier}. */
  public static int multiplyByQuantizedMultiplier(int x, Multiplier m) {
    return multiplyByQuantizedMultiplier(x, m.multiplier(), m.shift());
  }

  /** Rounds half away from zero, as C's {@code roundf} (TFLite's {@code TfLiteRound}). */
  public static float round(float x) {
    if (Float.isNaN(x) || Float.isInfinite(x)) {
      return x;
    }
    float magnitude = Math.abs(x);
    float whole = (float) Math.floor(magnitude);
    if (magnitude - whole >= 0.5f) {
      whole += 1f;
    }
    return Math.copySign(whole, x);
  }

  /** Rounds half away from zero, as C's {@code round}. */
  public static double round(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    double magnitude = Math.abs(x);
    double whole = Math.floor(magnitude);
    if (magnitude - whole >= 0.5) {
      whole += 1;
    }
    return Math.copySign(whole, x);
  }

  /**
   * TFLite's QUANTIZE of one value: {@code round(value / scale) + zeroPoint}, the division in float
   * as its {@code AffineQuantize} does ({@code val / static_cast<float>(scale)}; a double division
   * differs in the last bit, e.g. -27 for TFLite Micro's -26), clamped to [min, max]. NaN becomes
   * the zero point.
   */
  public static int quantize(float value, float scale, int zeroPoint, int min, int max) {
    double q = (double) round(value / scale) + zeroPoint;
    if (Double.isNaN(q)) {
      return zeroPoint;
    }
    return (int) Math.max(min, Math.min(max, q));
  }

  /**
   * CONV_2D and DEPTHWISE_CONV_2D, per channel or per tensor: {@code input * filter / output}, all
   * in double ({@code PopulateConvolutionQuantizationParams}).
   */
  public static double convolutionScale(float input, float filter, float output) {
    return (double) input * (double) filter / (double) output;
  }

  /**
   * FULLY_CONNECTED with one weight scale: the product of input and weight scales is taken in float
   * before widening ({@code GetQuantizedConvolutionMultipler}); per-channel weights use {@link
   * #convolutionScale}.
   */
  public static double fullyConnectedScale(float input, float weights, float output) {
    float product = input * weights;
    return (double) product / (double) output;
  }

  /** MUL: {@code input1 * input2 / output} in float, then widened. */
  public static double mulScale(float input1, float input2, float output) {
    float real = input1 * input2 / output;
    return real;
  }

  /**
   * RELU, RELU6 and LEAKY_RELU's identity branch: {@code input / output} in float, then widened.
   */
  public static double identityScale(float input, float output) {
    float real = input / output;
    return real;
  }

  /** LEAKY_RELU's negative branch: {@code input * alpha / output} in float, then widened. */
  public static double alphaScale(float input, float alpha, float output) {
    float real = input * alpha / output;
    return real;
  }
}
