package io.edgeinfer.lite.kernels;

/**
 * The fixed-point arithmetic TFLite's 16x8 kernels add to {@link Quantization}: rescaling of 64-bit
 * accumulators, and clamp ranges of int16 (or any integer) outputs.
 */
public final class WideQuantization {
  private WideQuantization() {}

  /** The clamp range of a quantized output after a fused activation. */
  public record Range(int min, int max) {
    int clamp(int q) {
      return q < min ? min : (q > max ? max : q);
    }
  }

  /**
   * {@code x * multiplier * 2^(shift - 31)} for a 64-bit accumulator, as TFLite's int64 {@code
   * MultiplyByQuantizedMultiplier}: the multiplier is first rounded to 15 bits, then one rounding
   * shift (ties toward positive infinity). Differs from the int32 version in the last bit.
   */
  public static int multiplyByQuantizedMultiplier(long x, int multiplier, int shift) {
    long reduced = multiplier < 0x7FFF0000 ? (multiplier + (1L << 15)) >> 16 : 0x7FFF;
    int totalShift = 15 - shift;
    long result = (x * reduced + (1L << (totalShift - 1))) >> totalShift;
    return (int) result;
  }

  /**
   * The range of a quantized output of {@code [typeMin, typeMax]} after {@code activation}, as
   * TFLite's {@code CalculateActivationRangeQuantized}: bounds quantized with the division in
   * float.
   */
  public static Range activationRange(
      Activation activation, float scale, int zeroPoint, int typeMin, int typeMax) {
    return switch (activation) {
      case NONE -> new Range(typeMin, typeMax);
      case RELU -> new Range(Math.max(typeMin, bound(0f, scale, zeroPoint)), typeMax);
      case RELU6 ->
          new Range(
              Math.max(typeMin, bound(0f, scale, zeroPoint)),
              Math.min(typeMax, bound(6f, scale, zeroPoint)));
      case RELU_N1_TO_1 ->
          new Range(
              Math.max(typeMin, bound(-1f, scale, zeroPoint)),
              Math.min(typeMax, bound(1f, scale, zeroPoint)));
    };
  }

  /** The int16 range after {@code activation} for an output of {@code scale} (zero point 0). */
  public static Range int16Range(Activation activation, float scale) {
    return activationRange(activation, scale, 0, Short.MIN_VALUE, Short.MAX_VALUE);
  }

  private static int bound(float f, float scale, int zeroPoint) {
    float rounded = Quantization.round(f / scale);
    return zeroPoint + (int) Math.max(-0x1p31f, Math.min(0x1p31f - 128, rounded));
  }

  /** One multiplier per output channel: {@code input * filter[c] / output}, all in double. */
  static Quantization.Multiplier[] perChannel(
      float input, float[] filterScales, float output, int channels) {
    if (filterScales.length != 1 && filterScales.length != channels) {
      throw new IllegalArgumentException(
          "expected 1 or " + channels + " filter scales, found " + filterScales.length);
    }
    Quantization.Multiplier[] m = new Quantization.Multiplier[channels];
    for (int c = 0; c < channels; c++) {
      float filter = filterScales[filterScales.length == 1 ? 0 : c];
      m[c] = Quantization.quantizeMultiplier(Quantization.convolutionScale(input, filter, output));
    }
    return m;
  }
}
