package io.edgeinfer.lite.kernels;

/**
 * RSQRT of int8 values as TFLite Micro's integer kernel: 1 / sqrt(q - zeroPoint) from the integer
 * inverse square root ({@link L2NormInt8#invSqrt}) at a scale 2^20 finer, rescaled by 1 /
 * (sqrt(input scale) * output scale). A value at the zero point gives the largest output; one below
 * it is refused, as TFLite refuses it.
 */
public final class RsqrtInt8 {
  private static final int SHIFT = 20;

  private final int inZero;
  private final int outZero;
  private final Quantization.Multiplier multiplier;

  public RsqrtInt8(Quant in, Quant out) {
    inZero = in.zeroPoint();
    outZero = out.zeroPoint();
    float root = (float) Math.sqrt(in.scale());
    multiplier = Quantization.quantizeMultiplier(1. / (double) (root * out.scale()));
  }

  public void run(byte[] in, byte[] out, int size) {
    for (int i = 0; i < size; i++) {
      int value = in[i] - inZero;
      if (value < 0) {
        throw new IllegalArgumentException(
            "RSQRT: expected values at or above the zero point "
                + inZero
                + ", found "
                + in[i]
                + " at position "
                + i);
      }
      if (value == 0) {
        out[i] = Byte.MAX_VALUE;
        continue;
      }
      int[] inv = L2NormInt8.invSqrt(value);
      int data = Quantization.multiplyByQuantizedMultiplier(1, inv[0], inv[1] + SHIFT);
      int result =
          Quantization.multiplyByQuantizedMultiplier(
                  data, multiplier.multiplier(), multiplier.shift() - SHIFT)
              + outZero;
      out[i] = (byte) Math.max(-128, Math.min(127, result));
    }
  }
}
