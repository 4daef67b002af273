package io.edgeinfer.lite.format;

import java.util.List;

/**
 * How a tensor's integers map to real numbers: {@code real = scale * (q - zeroPoint)}. One scale
 * and zero point for the whole tensor, or one per slice along {@code quantizedDimension} (per axis,
 * as int8 convolution weights have per output channel). {@code min} and {@code max} are the ranges
 * the converter saw, kept for tools; the arithmetic uses only scale and zero point.
 */
public record QuantParams(
    List<Float> min,
    List<Float> max,
    List<Float> scale,
    List<Long> zeroPoint,
    int quantizedDimension) {

  /** No quantization: a float tensor, or an integer tensor used as plain integers. */
  public static final QuantParams NONE =
      new QuantParams(List.of(), List.of(), List.of(), List.of(), 0);

  public QuantParams {
    min = List.copyOf(min);
    max = List.copyOf(max);
    scale = List.copyOf(scale);
    zeroPoint = List.copyOf(zeroPoint);
    if (zeroPoint.size() != scale.size()) {
      throw new IllegalArgumentException(
          "expected as many zero points as scales, found "
              + zeroPoint.size()
              + " zero points and "
              + scale.size()
              + " scales");
    }
    for (float s : scale) {
      if (!(s >= 0) || Float.isInfinite(s)) {
        throw new IllegalArgumentException("expected finite scales >= 0, found " + s);
      }
    }
    if (quantizedDimension < 0) {
      throw new IllegalArgumentException(
          "expected a quantized dimension >= 0, found " + quantizedDimension);
    }
  }

  /** One scale and zero point for the whole tensor. */
  public static QuantParams perTensor(float scale, long zeroPoint) {
    return new QuantParams(List.of(), List.of(), List.of(scale), List.of(zeroPoint), 0);
  }

  /** One scale and zero point per slice along {@code dimension}. */
  public static QuantParams perAxis(float[] scales, long[] zeroPoints, int dimension) {
    return new QuantParams(
        List.of(), List.of(), Lists.floats(scales), Lists.longs(zeroPoints), dimension);
  }

  /** The same parameters with the converter's observed range added. */
  public QuantParams withRange(float[] mins, float[] maxs) {
    return new QuantParams(
        Lists.floats(mins), Lists.floats(maxs), scale, zeroPoint, quantizedDimension);
  }

  /** Whether there is a scale, i.e. the integers stand for real numbers. */
  public boolean isQuantized() {
    return !scale.isEmpty();
  }

  /** More than one scale: one per slice along {@link #quantizedDimension()}. */
  public boolean isPerAxis() {
    return scale.size() > 1;
  }

  public float scale(int index) {
    return scale.get(index);
  }

  public long zeroPoint(int index) {
    return zeroPoint.get(index);
  }

  /** The scales as an array (a copy), for kernels to keep. */
  public float[] scales() {
    float[] out = new float[scale.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = scale.get(i);
    }
    return out;
  }

  /** The zero points as an array (a copy). */
  public long[] zeroPoints() {
    long[] out = new long[zeroPoint.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = zeroPoint.get(i);
    }
    return out;
  }

  /** Whether nothing at all is recorded, so a writer can leave the table out. */
  boolean isEmpty() {
    return equals(NONE);
  }
}
