package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantizationTest {
  @Test
  void multipliersAreSignificandAndShift() {
    // 0.5 = 0.5 * 2^0: significand 0.5 * 2^31.
    assertEquals(new Quantization.Multiplier(1 << 30, 0), Quantization.quantizeMultiplier(0.5));
    // 1.0 = 0.5 * 2^1.
    assertEquals(new Quantization.Multiplier(1 << 30, 1), Quantization.quantizeMultiplier(1.0));
    // 0.75 * 2^31 = 1610612736.
    assertEquals(new Quantization.Multiplier(1610612736, 0), Quantization.quantizeMultiplier(0.75));
    // 0.1 = 0.8 * 2^-3; 0.8 * 2^31 = 1717986918.4 rounds to 1717986918.
    assertEquals(new Quantization.Multiplier(1717986918, -3), Quantization.quantizeMultiplier(0.1));
    // 1 - 2^-40: the significand rounds up to 2^31, so it becomes 2^30 with one more shift.
    assertEquals(
        new Quantization.Multiplier(1 << 30, 1),
        Quantization.quantizeMultiplier(1 - Math.pow(2, -40)));
    // Below 2^-32 every bit would be shifted out: flushed to zero.
    assertEquals(new Quantization.Multiplier(0, 0), Quantization.quantizeMultiplier(0x1p-40));
    assertEquals(new Quantization.Multiplier(0, 0), Quantization.quantizeMultiplier(0));
  }

  @Test
  void doublingHighMulRoundsTiesUp() {
    // 0.5 * 0.5 in Q31 is 0.25 = 2^29.
    assertEquals(1 << 29, Quantization.saturatingRoundingDoublingHighMul(1 << 30, 1 << 30));
    // 3 * 0.5 = 1.5 -> 2, and -3 * 0.5 = -1.5 -> -1: ties go toward +infinity.
    assertEquals(2, Quantization.saturatingRoundingDoublingHighMul(3, 1 << 30));
    assertEquals(-1, Quantization.saturatingRoundingDoublingHighMul(-3, 1 << 30));
    // -1.25 -> -1 and -1.75 -> -2: otherwise to nearest.
    assertEquals(-1, Quantization.saturatingRoundingDoublingHighMul(-5, 1 << 29));
    assertEquals(-2, Quantization.saturatingRoundingDoublingHighMul(-7, 1 << 29));
    // The one overflow saturates.
    assertEquals(
        Integer.MAX_VALUE,
        Quantization.saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MIN_VALUE));
  }

  @Test
  void divisionByPowerOfTwoRoundsHalfAwayFromZero() {
    assertEquals(3, Quantization.roundingDivideByPot(5, 1)); // 2.5
    assertEquals(-3, Quantization.roundingDivideByPot(-5, 1)); // -2.5
    assertEquals(2, Quantization.roundingDivideByPot(4, 1));
    assertEquals(2, Quantization.roundingDivideByPot(7, 2)); // 1.75
    assertEquals(-2, Quantization.roundingDivideByPot(-7, 2)); // -1.75
    assertEquals(1, Quantization.roundingDivideByPot(5, 2)); // 1.25
    assertEquals(-1, Quantization.roundingDivideByPot(-5, 2)); // -1.25
    assertEquals(-2, Quantization.roundingDivideByPot(-6, 2)); // -1.5
    assertEquals(-9, Quantization.roundingDivideByPot(-9, 0));
    assertEquals(1, Quantization.roundingDivideByPot(Integer.MAX_VALUE, 31)); // 0.99999...
    assertThrows(IllegalArgumentException.class, () -> Quantization.roundingDivideByPot(1, 32));
  }

  @Test
  void requantizationExample() {
    // A FULLY_CONNECTED accumulator of -15 (bias included), input scale 0.5, weight scale 0.02,
    // output scale 0.25: the real multiplier is 0.5f * 0.02f / 0.25 = 0.03999999910593033
    // = 0.6399999856948853 * 2^-4, so significand round(0.63999998569 * 2^31) = 1374389504
    // and shift -4. Then SaturatingRoundingDoublingHighMul(-15, 1374389504) = round(-9.59999...)
    // = -10, and RoundingDivideByPOT(-10, 4) = round(-0.625) = -1. In reals: -15 * 0.04 = -0.6,
    // which also rounds to -1.
    Quantization.Multiplier m =
        Quantization.quantizeMultiplier(Quantization.fullyConnectedScale(0.5f, 0.02f, 0.25f));
    assertEquals(new Quantization.Multiplier(1374389504, -4), m);
    assertEquals(-10, Quantization.saturatingRoundingDoublingHighMul(-15, m.multiplier()));
    assertEquals(-1, Quantization.multiplyByQuantizedMultiplier(-15, m));
    // 1234 * 0.04 = 49.36: high mul gives round(789.76) = 790, 790 / 16 = 49.375 -> 49.
    assertEquals(49, Quantization.multiplyByQuantizedMultiplier(1234, m));
  }

  @Test
  void doubleRoundingIsTheReferences() {
    // 5 * 0.25 with multiplier 2^30 and shift -1: the high mul gives 2.5 -> 3, then 3 / 2 = 1.5
    // -> 2. Rounding the exact 1.25 once would give 1; the reference gives 2.
    assertEquals(2, Quantization.multiplyByQuantizedMultiplier(5, 1 << 30, -1));
    // A positive shift multiplies first: 3 * (0.5 * 2^2) = 6.
    assertEquals(6, Quantization.multiplyByQuantizedMultiplier(3, 1 << 30, 2));
  }

  @Test
  void roundingIsHalfAwayFromZero() {
    assertEquals(3f, Quantization.round(2.5f));
    assertEquals(-3f, Quantization.round(-2.5f));
    assertEquals(2f, Quantization.round(2.4999998f));
    assertEquals(0f, Quantization.round(0.49999997f));
    assertEquals(-1.0, Quantization.round(-0.5));
    assertEquals(0.0, Quantization.round(0.49999999999999994));
  }

  @Test
  void quantizeMatchesAffineQuantize() {
    // round(x / scale) + zero point, half away from zero (Math.round would give 0 for -0.25).
    assertEquals(1, Quantization.quantize(0.25f, 0.5f, 0, -128, 127));
    assertEquals(-1, Quantization.quantize(-0.25f, 0.5f, 0, -128, 127));
    assertEquals(127, Quantization.quantize(1e30f, 0.5f, 10, -128, 127));
    assertEquals(-128, Quantization.quantize(-1e30f, 0.5f, 10, -128, 127));
    assertEquals(10, Quantization.quantize(Float.NaN, 0.5f, 10, -128, 127));
  }

  @Test
  void scalesAreMultipliedAsTfliteDoes() {
    // FULLY_CONNECTED multiplies input and weight scales in float; convolutions in double.
    float in = 0.0123456f;
    float w = 0.00321f;
    float out = 0.0777f;
    assertEquals((double) (in * w) / out, Quantization.fullyConnectedScale(in, w, out));
    assertEquals((double) in * w / out, Quantization.convolutionScale(in, w, out));
    float mul = in * w / out;
    assertEquals(mul, Quantization.mulScale(in, w, out));
  }

  @Test
  void activationRangesAreQuantized() {
    Quant q = new Quant(0.05f, -10);
    // RELU6: [zp + round(0 / 0.05), zp + round(6 / 0.05)] = [-10, 110].
    assertEquals(-10, Activation.RELU6.quantizedMin(q));
    assertEquals(110, Activation.RELU6.quantizedMax(q));
    assertEquals(-10, Activation.RELU.quantizedMin(q));
    assertEquals(127, Activation.RELU.quantizedMax(q));
    // RELU_N1_TO_1: [-10 - 20, -10 + 20].
    assertEquals(-30, Activation.RELU_N1_TO_1.quantizedMin(q));
    assertEquals(10, Activation.RELU_N1_TO_1.quantizedMax(q));
    assertEquals(-128, Activation.NONE.quantizedMin(q));
    // A tiny scale saturates instead of overflowing.
    assertEquals(127, Activation.RELU6.quantizedMax(new Quant(1e-30f, 100)));
  }

  @Test
  void paddingFollowsTflite() {
    // SAME: ceil(in / stride); VALID: (in - effective filter) / stride + 1.
    assertEquals(3, Padding.SAME.outputSize(5, 3, 2, 1));
    assertEquals(2, Padding.VALID.outputSize(5, 3, 2, 1));
    // SAME 5 -> 3 with a 3-tap filter, stride 2: (2 * 2 + 3 - 5) / 2 = 1 before.
    assertEquals(1, Padding.SAME.padBefore(5, 3, 2, 1));
    // Dilation 2 makes a 3-tap filter span 5: SAME pads (4 + 5 - 5) / 2 = 2.
    assertEquals(2, Padding.SAME.padBefore(5, 3, 1, 2));
    assertEquals(1, Padding.VALID.outputSize(5, 3, 1, 2));
    // An even total puts the extra zero after: 4 -> 2, filter 2, stride 2: (2 + 2 - 4) / 2 = 0.
    assertEquals(0, Padding.SAME.padBefore(4, 2, 2, 1));
    assertEquals(0, Padding.VALID.padBefore(5, 3, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Padding.VALID.outputSize(2, 3, 1, 1));
  }
}
