package io.edgeinfer.lite.kernels;

/**
 * The per-output-channel requantization of an int8 layer with weights: one multiplier and shift per
 * channel (a per-tensor weight scale is repeated), and the output's zero point and clamp range.
 */
final class Requantization {
  final int[] multipliers;
  final int[] shifts;
  final int outputZeroPoint;
  final int min;
  final int max;

  private Requantization(int channels, Quant output, Activation activation) {
    this.multipliers = new int[channels];
    this.shifts = new int[channels];
    this.outputZeroPoint = output.zeroPoint();
    this.min = activation.quantizedMin(output);
    this.max = activation.quantizedMax(output);
  }

  /** CONV_2D and DEPTHWISE_CONV_2D: every scale in double. */
  static Requantization convolution(
      Quant input, float[] filterScales, Quant output, Activation activation, int channels) {
    checkScales(filterScales, channels);
    Requantization r = new Requantization(channels, output, activation);
    for (int c = 0; c < channels; c++) {
      float filterScale = filterScales[filterScales.length == 1 ? 0 : c];
      r.set(c, Quantization.convolutionScale(input.scale(), filterScale, output.scale()));
    }
    return r;
  }

  /** FULLY_CONNECTED: a single weight scale multiplies in float; per-channel ones in double. */
  static Requantization fullyConnected(
      Quant input, float[] weightScales, Quant output, Activation activation, int channels) {
    checkScales(weightScales, channels);
    Requantization r = new Requantization(channels, output, activation);
    for (int c = 0; c < channels; c++) {
      r.set(
          c,
          weightScales.length == 1
              ? Quantization.fullyConnectedScale(input.scale(), weightScales[0], output.scale())
              : Quantization.convolutionScale(input.scale(), weightScales[c], output.scale()));
    }
    return r;
  }

  private void set(int channel, double real) {
    Quantization.Multiplier m = Quantization.quantizeMultiplier(real);
    multipliers[channel] = m.multiplier();
    shifts[channel] = m.shift();
  }

  /** Requantizes an int32 accumulator (bias included) of one channel to a clamped int8 value. */
  int apply(int acc, int channel) {
    int q =
        Quantization.multiplyByQuantizedMultiplier(acc, multipliers[channel], shifts[channel])
            + outputZeroPoint;
    return q < min ? min : (q > max ? max : q);
  }

  private static void checkScales(float[] scales, int channels) {
    if (scales == null || (scales.length != 1 && scales.length != channels)) {
      throw new IllegalArgumentException(
          "expected 1 or "
              + channels
              + " weight scales, found "
              + (scales == null ? "none" : scales.length));
    }
    for (float s : scales) {
      if (!(s > 0) || Float.isInfinite(s)) {
        throw new IllegalArgumentException("expected positive finite weight scales, found " + s);
      }
    }
  }
}
