package io.edgeinfer.core.codec;

/**
 * float -> IEEE 754 half precision, rounding to nearest even. Java 17 has no {@code
 * Float.floatToFloat16}, and the core's {@code Float16} only converts the other way.
 */
final class Half {
  private Half() {}

  static short fromFloat(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = (bits >>> 23) & 0xff;
    int mantissa = bits & 0x7fffff;
    if (exponent == 0xff) {
      // Infinity stays infinity; NaN stays a (quiet) NaN.
      return (short) (sign | 0x7c00 | (mantissa == 0 ? 0 : 0x200 | (mantissa >>> 13)));
    }
    int halfExponent = exponent - 127 + 15;
    if (halfExponent >= 0x1f) {
      return (short) (sign | 0x7c00);
    }
    if (halfExponent > 0) {
      int half = (halfExponent << 10) | (mantissa >>> 13);
      // A carry out of the mantissa correctly bumps the exponent (up to infinity).
      return (short) (sign | roundEven(half, mantissa & 0x1fff, 13));
    }
    // Subnormal half: units of 2^-24.
    int shift = 126 - exponent;
    if (shift > 24) {
      return (short) sign;
    }
    int full = mantissa | 0x800000;
    return (short) (sign | roundEven(full >>> shift, full & ((1 << shift) - 1), shift));
  }

  private static int roundEven(int truncated, int dropped, int droppedBits) {
    int halfway = 1 << (droppedBits - 1);
    if (dropped > halfway || (dropped == halfway && (truncated & 1) == 1)) {
      return truncated + 1;
    }
    return truncated;
  }
}
