package io.edgeinfer.lite.kernels;

/**
 * Per-tensor affine quantization of an int8 activation tensor: {@code real = scale * (q -
 * zeroPoint)}. Activations are asymmetric (any zero point in [-128, 127]); weights are symmetric
 * and are described by their scales alone.
 */
public record Quant(float scale, int zeroPoint) {
  public Quant {
    if (!(scale > 0) || Float.isInfinite(scale)) {
      throw new IllegalArgumentException("expected a positive finite scale, found " + scale);
    }
    if (zeroPoint < -128 || zeroPoint > 127) {
      throw new IllegalArgumentException(
          "expected a zero point in [-128, 127], found " + zeroPoint);
    }
  }

  /** The real value of a quantized one, as TFLite's DEQUANTIZE computes it. */
  public float dequantize(int q) {
    return (float) ((double) scale * (q - zeroPoint));
  }

  /** The int8 value nearest to a real one, as TFLite's QUANTIZE computes it (clamped). */
  public byte quantize(float value) {
    return (byte) Quantization.quantize(value, scale, zeroPoint, -128, 127);
  }
}
