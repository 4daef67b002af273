package io.edgeinfer.lite.kernels;

/**
 * The fused activations a kernel applies to its output (TFLite's {@code ActivationFunctionType}
 * NONE, RELU, RELU_N1_TO_1 and RELU6). Float outputs are clamped to {@link #min()}..{@link #max()};
 * int8 outputs are clamped in the quantized domain to the range TFLite's {@code
 * CalculateActivationRangeQuantized} computes from the output's scale and zero point.
 */
public enum Activation {
  NONE(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY),
  RELU(0f, Float.POSITIVE_INFINITY),
  RELU_N1_TO_1(-1f, 1f),
  RELU6(0f, 6f);

  private final float min;
  private final float max;

  Activation(float min, float max) {
    this.min = min;
    this.max = max;
  }

  public float min() {
    return min;
  }

  public float max() {
    return max;
  }

  /** Clamps a float result as TFLite's {@code ActivationFunctionWithMinMax} does. */
  public float apply(float x) {
    float low = x < min ? min : x;
    return max < low ? max : low;
  }

  /** The smallest int8 value an output quantized with {@code output} may take. */
  public int quantizedMin(Quant output) {
    return switch (this) {
      case NONE -> -128;
      case RELU, RELU6 -> (int) Math.max(-128, quantizeBound(0f, output));
      case RELU_N1_TO_1 -> (int) Math.max(-128, quantizeBound(-1f, output));
    };
  }

  /** The largest int8 value an output quantized with {@code output} may take. */
  public int quantizedMax(Quant output) {
    return switch (this) {
      case NONE, RELU -> 127;
      case RELU6 -> (int) Math.min(127, quantizeBound(6f, output));
      case RELU_N1_TO_1 -> (int) Math.min(127, quantizeBound(1f, output));
    };
  }

  // zero_point + round(f / scale), the division in float as TFLite does it (saturating where
  // TFLite's conversion to int32 would overflow).
  private static long quantizeBound(float f, Quant output) {
    float rounded = Quantization.round(f / output.scale());
    return output.zeroPoint() + (long) Math.max(-0x1p31f, Math.min(0x1p31f, rounded));
  }
}
