package io.edgeinfer.lite.kernels;

/**
 * TFLite Micro's int16 ADD and SUB with broadcasting: its general path (TFLite's other, "pot scale"
 * path is not in TFLite Micro). Both operands are shifted left by 15 bits, rescaled to half the
 * larger input scale, summed (or subtracted), rescaled to the output and clamped. TFLite Micro
 * computes ADD's multipliers in double but SUB's in float before widening; both are kept.
 */
public final class RefAddSubInt16 implements BinaryOp<short[]> {
  private static final int LEFT_SHIFT = 15;

  private final boolean subtract;
  private final Quantization.Multiplier ma;
  private final Quantization.Multiplier mb;
  private final Quantization.Multiplier mo;
  private final WideQuantization.Range range;

  public RefAddSubInt16(
      boolean subtract, float scaleA, float scaleB, float scaleOut, Activation activation) {
    this.subtract = subtract;
    double realA;
    double realB;
    double realOut;
    if (subtract) {
      float twiceMax = 2 * Math.max(scaleA, scaleB);
      realA = scaleA / twiceMax;
      realB = scaleB / twiceMax;
      realOut = twiceMax / ((1 << LEFT_SHIFT) * scaleOut);
    } else {
      double twiceMax = 2 * (double) Math.max(scaleA, scaleB);
      realA = scaleA / twiceMax;
      realB = scaleB / twiceMax;
      realOut = twiceMax / ((1 << LEFT_SHIFT) * (double) scaleOut);
    }
    this.ma = smallerThanOne(realA);
    this.mb = smallerThanOne(realB);
    this.mo = smallerThanOne(realOut);
    this.range = WideQuantization.int16Range(activation, scaleOut);
  }

  private static Quantization.Multiplier smallerThanOne(double real) {
    Quantization.Multiplier m = Quantization.quantizeMultiplier(real);
    if (m.shift() > 0) {
      throw new IllegalArgumentException(
          "expected an ADD/SUB rescaling below 1, found " + real + " (output scale too small)");
    }
    return m;
  }

  @Override
  public void run(short[] a, int[] aShape, short[] b, int[] bShape, short[] output) {
    int size = RefArithmetic.outputSize(aShape, bShape);
    Shapes.checkLength("first operand", Shapes.size(aShape), a.length);
    Shapes.checkLength("second operand", Shapes.size(bShape), b.length);
    Shapes.checkLength("output", size, output.length);
    for (int i = 0; i < size; i++) {
      int x = a[RefArithmetic.operandIndex(i, aShape, bShape, aShape)];
      int y = b[RefArithmetic.operandIndex(i, aShape, bShape, bShape)];
      int sx = Quantization.multiplyByQuantizedMultiplier(x * (1 << LEFT_SHIFT), ma);
      int sy = Quantization.multiplyByQuantizedMultiplier(y * (1 << LEFT_SHIFT), mb);
      int raw = Quantization.multiplyByQuantizedMultiplier(subtract ? sx - sy : sx + sy, mo);
      output[i] = (short) range.clamp(raw);
    }
  }
}
