package io.edgeinfer.lite.kernels;

/**
 * TFLite's parameters and per-element arithmetic for int8 ADD, SUB and MUL.
 *
 * <p>ADD and SUB: both operands, offset by their zero points, are shifted left by 20 bits and
 * rescaled to half the larger input scale ({@code scale / (2 * max(scaleA, scaleB))}, a multiplier
 * below one); the sum is rescaled by {@code 2 * max / (2^20 * outputScale)}, offset by the output's
 * zero point and clamped. SUB is ADD with the second operand's multiplier negated, as TFLite's
 * kernel does it (this is not always the negation of the rounded product).
 *
 * <p>MUL: the product of the offset operands rescaled by {@code scaleA * scaleB / outputScale}.
 */
final class QuantizedArithmetic {
  static final int LEFT_SHIFT = 20;

  final int offsetA;
  final int offsetB;
  final int outputOffset;
  final int multiplierA;
  final int shiftA;
  final int multiplierB;
  final int shiftB;
  final int outputMultiplier;
  final int outputShift;
  final int min;
  final int max;

  private QuantizedArithmetic(
      Quant a,
      Quant b,
      Quant output,
      Activation activation,
      Quantization.Multiplier ma,
      Quantization.Multiplier mb,
      Quantization.Multiplier mo) {
    this.offsetA = -a.zeroPoint();
    this.offsetB = -b.zeroPoint();
    this.outputOffset = output.zeroPoint();
    this.multiplierA = ma.multiplier();
    this.shiftA = ma.shift();
    this.multiplierB = mb.multiplier();
    this.shiftB = mb.shift();
    this.outputMultiplier = mo.multiplier();
    this.outputShift = mo.shift();
    this.min = activation.quantizedMin(output);
    this.max = activation.quantizedMax(output);
  }

  /** ADD ({@code sign} 1) or SUB ({@code sign} -1). */
  static QuantizedArithmetic addOrSub(
      Quant a, Quant b, Quant output, Activation activation, int sign) {
    float twiceMaxFloat = 2 * Math.max(a.scale(), b.scale());
    double twiceMax = twiceMaxFloat;
    float shiftedOutputScale = (1 << LEFT_SHIFT) * output.scale();
    Quantization.Multiplier ma = smallerThanOne(a.scale() / twiceMax);
    Quantization.Multiplier mb = smallerThanOne(b.scale() / twiceMax);
    Quantization.Multiplier mo = smallerThanOne(twiceMax / shiftedOutputScale);
    mb = new Quantization.Multiplier(mb.multiplier() * sign, mb.shift());
    return new QuantizedArithmetic(a, b, output, activation, ma, mb, mo);
  }

  static QuantizedArithmetic mul(Quant a, Quant b, Quant output, Activation activation) {
    Quantization.Multiplier mo =
        Quantization.quantizeMultiplier(
            Quantization.mulScale(a.scale(), b.scale(), output.scale()));
    Quantization.Multiplier none = new Quantization.Multiplier(0, 0);
    return new QuantizedArithmetic(a, b, output, activation, none, none, mo);
  }

  private static Quantization.Multiplier smallerThanOne(double real) {
    Quantization.Multiplier m = Quantization.quantizeMultiplier(real);
    if (m.shift() > 0) {
      throw new IllegalArgumentException(
          "expected an ADD/SUB rescaling below 1, found " + real + " (output scale too small)");
    }
    return m;
  }

  /** Operand a of ADD/SUB at the common scale. */
  int scaleA(int qa) {
    return Quantization.multiplyByQuantizedMultiplier(
        (qa + offsetA) * (1 << LEFT_SHIFT), multiplierA, shiftA);
  }

  /** Operand b of ADD/SUB at the common scale (negated for SUB). */
  int scaleB(int qb) {
    return Quantization.multiplyByQuantizedMultiplier(
        (qb + offsetB) * (1 << LEFT_SHIFT), multiplierB, shiftB);
  }

  /** The output of ADD/SUB from the sum of the scaled operands. */
  int addOutput(int scaledSum) {
    int raw =
        Quantization.multiplyByQuantizedMultiplier(scaledSum, outputMultiplier, outputShift)
            + outputOffset;
    return raw < min ? min : (raw > max ? max : raw);
  }

  /** ADD/SUB of one pair of elements. */
  int add(int qa, int qb) {
    return addOutput(scaleA(qa) + scaleB(qb));
  }

  /** MUL of one pair of elements. */
  int mul(int qa, int qb) {
    int raw =
        Quantization.multiplyByQuantizedMultiplier(
                (qa + offsetA) * (qb + offsetB), outputMultiplier, outputShift)
            + outputOffset;
    return raw < min ? min : (raw > max ? max : raw);
  }
}
