package io.edgeinfer.lite.format;

/**
 * IEEE 754 half precision (binary16), the FLOAT16 tensor type of the format: 1 sign bit, 5 exponent
 * bits (bias 15), 10 mantissa bits. Java 17 has no {@code Float.float16ToFloat}, so both directions
 * are written here from the bit layout.
 */
public final class HalfFloat {
  private HalfFloat() {}

  /** The float a half's bits stand for: exact, every half is a float (NaN payloads kept). */
  public static float toFloat(short half) {
    int bits = half & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) { // infinity or NaN
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) { // zero or subnormal: mantissa * 2^-24, exact in float
      float magnitude = mantissa * 0x1p-24f;
      return Float.intBitsToFloat(sign | Float.floatToRawIntBits(magnitude));
    }
    return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
  }

  /**
   * The nearest half to a float, ties to even (what converters write): values beyond the largest
   * half (65504) round to infinity from 65520 up, tiny ones to subnormals or zero; NaN stays NaN.
   */
  public static short fromFloat(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = (bits >>> 23) & 0xff;
    int mantissa = bits & 0x7fffff;
    if (exponent == 0xff) { // infinity, or NaN with its top payload bits (never zero)
      int payload = mantissa == 0 ? 0 : (mantissa >>> 13) | 0x200;
      return (short) (sign | 0x7c00 | payload);
    }
    int halfExponent = exponent - 127 + 15;
    if (halfExponent >= 0x1f) {
      return (short) (sign | 0x7c00);
    }
    if (halfExponent <= 0) {
      // Subnormal half (or zero): the value in units of 2^-24, rounded to nearest even.
      if (halfExponent < -10) {
        return (short) sign; // below half the smallest subnormal, or a float subnormal
      }
      int significand = mantissa | 0x800000; // 24 bits, value = significand * 2^(exponent-150)
      int shift = 14 - halfExponent; // to units of 2^-24
      return (short) (sign | roundShift(significand, shift));
    }
    // Normal: drop 13 mantissa bits, rounding to nearest even; a carry may bump the exponent,
    // up to infinity, which is what rounding past 65504 must give.
    int rounded = roundShift((halfExponent << 23) | mantissa, 13);
    return (short) (sign | rounded);
  }

  /** {@code value >> shift}, rounded to nearest, ties to even. */
  private static int roundShift(int value, int shift) {
    int kept = value >>> shift;
    int rest = value & ((1 << shift) - 1);
    int half = 1 << (shift - 1);
    if (rest > half || (rest == half && (kept & 1) == 1)) {
      kept++;
    }
    return kept;
  }
}
