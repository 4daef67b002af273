package io.edgeinfer.lite.kernels;

/**
 * LEAKY_RELU on int16 (zero points 0), as TFLite's {@code QuantizeLeakyRelu}: non-negative inputs
 * rescaled by {@code input / output}, negative ones by {@code input * alpha / output}, both
 * multipliers computed in float before widening.
 */
public final class RefLeakyReluInt16 implements UnaryOp<short[], short[]> {
  private final Quantization.Multiplier identity;
  private final Quantization.Multiplier alpha;

  public RefLeakyReluInt16(float alpha, float inputScale, float outputScale) {
    this.identity =
        Quantization.quantizeMultiplier(Quantization.identityScale(inputScale, outputScale));
    this.alpha =
        Quantization.quantizeMultiplier(Quantization.alphaScale(inputScale, alpha, outputScale));
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public void run(short[] input, int[] inputShape, short[] output, Scratch scratch) {
    int size = Shapes.size(inputShape);
    Shapes.checkLength("input", size, input.length);
    Shapes.checkLength("output", size, output.length);
    for (int i = 0; i < size; i++) {
      int x = input[i];
      int q = Quantization.multiplyByQuantizedMultiplier(x, x >= 0 ? identity : alpha);
      output[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, q));
    }
  }
}
