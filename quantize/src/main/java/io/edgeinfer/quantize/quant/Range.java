package io.edgeinfer.quantize.quant;

/** The real values a tensor took during calibration. */
public record Range(float min, float max) {

  public Range union(Range other) {
    return new Range(Math.min(min, other.min), Math.max(max, other.max));
  }

  /**
   * Asymmetric int8 parameters covering this range and zero (zero must be exact: padding and ReLU
   * depend on it), as {scale, zeroPoint}.
   */
  public float[] int8Params() {
    float lo = Math.min(min, 0f);
    float hi = Math.max(max, 0f);
    float scale = (hi - lo) / 255f;
    if (!(scale > 0) || !Float.isFinite(scale)) {
      return new float[] {1f, 0f};
    }
    long zeroPoint = Math.round(-128 - lo / scale);
    return new float[] {scale, Math.max(-128, Math.min(127, zeroPoint))};
  }
}
