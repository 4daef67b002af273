package io.edgeinfer.lite.kernels;

/**
 * QUANTIZE between integer types (int8, int16, int32 in any pairing TFLite Micro runs), float32 to
 * int16, and DEQUANTIZE of int16, as TFLite's reference: {@code Requantize} rescales {@code q -
 * inZeroPoint} by {@code inScale / outScale} (in double), adds the output zero point and clamps to
 * the output type; {@code AffineQuantize} divides in float and rounds half away from zero.
 */
public final class RefRequantize {
  private RefRequantize() {}

  /** Integer to integer. */
  public static Elementwise requantize(
      IntArrays in, float inScale, int inZeroPoint, IntArrays out, float outScale, int outZp) {
    Quantization.Multiplier m =
        Quantization.quantizeMultiplier((double) inScale / (double) outScale);
    return (input, output, size) -> {
      for (int i = 0; i < size; i++) {
        int x = in.get(input, i) - inZeroPoint;
        long q = (long) Quantization.multiplyByQuantizedMultiplier(x, m) + outZp;
        out.putClamped(output, i, q);
      }
    };
  }

  /** float32 to an integer type. */
  public static Elementwise quantize(IntArrays out, float scale, int zeroPoint) {
    return (input, output, size) -> {
      float[] x = (float[]) input;
      for (int i = 0; i < size; i++) {
        float rounded = Quantization.round(x[i] / scale);
        long q = (long) Math.max(-0x1p31f, Math.min(0x1p31f - 128, rounded)) + zeroPoint;
        out.putClamped(output, i, Float.isNaN(rounded) ? zeroPoint : q);
      }
    };
  }

  /** An integer type to float32: {@code scale * (q - zeroPoint)} in double, then narrowed. */
  public static Elementwise dequantize(IntArrays in, float scale, int zeroPoint) {
    return (input, output, size) -> {
      float[] y = (float[]) output;
      for (int i = 0; i < size; i++) {
        y[i] = (float) ((double) scale * (in.get(input, i) - zeroPoint));
      }
    };
  }

  /** An elementwise conversion of the first {@code size} elements of one array into another. */
  @FunctionalInterface
  public interface Elementwise {
    void run(Object input, Object output, int size);
  }
}
