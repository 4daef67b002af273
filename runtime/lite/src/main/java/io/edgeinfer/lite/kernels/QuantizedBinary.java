package io.edgeinfer.lite.kernels;

/**
 * int8 (and held uint8) binary ops whose operands are quantized differently, as TFLite's reference
 * kernels rescale them: both inputs moved to a common scale ({@code 2^leftShift} finer than twice
 * the larger input scale), then compared (LESS, EQUAL, ...) or squared and rescaled to the output
 * (SQUARED_DIFFERENCE); and PRELU's two output multipliers.
 */
public final class QuantizedBinary {
  private QuantizedBinary() {}

  /** Both inputs rescaled to one scale, so their values can be compared or subtracted. */
  static final class Common {
    final int offset1;
    final int offset2;
    final int leftShift;
    final Quantization.Multiplier m1;
    final Quantization.Multiplier m2;
    final double twiceMaxScale;

    Common(Quant a, Quant b, int leftShift) {
      offset1 = -a.zeroPoint();
      offset2 = -b.zeroPoint();
      this.leftShift = leftShift;
      twiceMaxScale = 2.0 * (double) Math.max(a.scale(), b.scale());
      m1 = Quantization.quantizeMultiplier((double) a.scale() / twiceMaxScale);
      m2 = Quantization.quantizeMultiplier((double) b.scale() / twiceMaxScale);
    }

    int first(int q) {
      return Quantization.multiplyByQuantizedMultiplier((q + offset1) * (1 << leftShift), m1);
    }

    int second(int q) {
      return Quantization.multiplyByQuantizedMultiplier((q + offset2) * (1 << leftShift), m2);
    }
  }

  /** A comparison of two quantized tensors (TFLite's {@code ComparisonWithScaling}). */
  public static final class Compare {
    private final Comparison comparison;
    private final Common common;

    public Compare(Comparison comparison, Quant a, Quant b) {
      this.comparison = comparison;
      this.common = new Common(a, b, 8);
    }

    public void run(byte[] a, int[] sa, byte[] b, int[] sb, boolean[] out, int[] outShape) {
      Broadcast.forEach(
          outShape,
          new int[][] {sa, sb},
          (o, at) ->
              out[o] =
                  comparison.holds(
                      Integer.compare(common.first(a[at[0]]), common.second(b[at[1]]))));
    }
  }

  /** SQUARED_DIFFERENCE of int8 tensors (left shift 7, the full int8 range). */
  public static final class SquaredDifference {
    private final Common common;
    private final Quantization.Multiplier output;
    private final int outZero;

    public SquaredDifference(Quant a, Quant b, Quant out) {
      common = new Common(a, b, 7);
      output =
          Quantization.quantizeMultiplier(
              (common.twiceMaxScale * common.twiceMaxScale)
                  / (double) ((1 << (2 * 7)) * out.scale()));
      outZero = out.zeroPoint();
    }

    public void run(byte[] a, int[] sa, byte[] b, int[] sb, byte[] out, int[] outShape) {
      Broadcast.forEach(
          outShape,
          new int[][] {sa, sb},
          (o, at) -> {
            int diff = common.first(a[at[0]]) - common.second(b[at[1]]);
            int value = Quantization.multiplyByQuantizedMultiplier(diff * diff, output) + outZero;
            out[o] = (byte) Math.max(-128, Math.min(127, value));
          });
    }
  }

  /** PRELU of int8 tensors: x rescaled where x >= 0, x * alpha rescaled below. */
  public static final class Prelu {
    private final int inOffset;
    private final int alphaOffset;
    private final int outZero;
    private final Quantization.Multiplier positive;
    private final Quantization.Multiplier negative;

    public Prelu(Quant in, Quant alpha, Quant out) {
      inOffset = -in.zeroPoint();
      alphaOffset = -alpha.zeroPoint();
      outZero = out.zeroPoint();
      positive = Quantization.quantizeMultiplier((double) in.scale() / (double) out.scale());
      negative =
          Quantization.quantizeMultiplier(
              (double) in.scale() * (double) alpha.scale() / (double) out.scale());
    }

    public void run(byte[] x, int[] sx, byte[] alpha, int[] sa, byte[] out, int[] outShape) {
      Broadcast.forEach(
          outShape,
          new int[][] {sx, sa},
          (o, at) -> {
            int v = x[at[0]] + inOffset;
            int value =
                v >= 0
                    ? Quantization.multiplyByQuantizedMultiplier(v, positive)
                    : Quantization.multiplyByQuantizedMultiplier(
                        v * (alpha[at[1]] + alphaOffset), negative);
            value += outZero;
            out[o] = (byte) Math.max(-128, Math.min(127, value));
          });
    }
  }
}
