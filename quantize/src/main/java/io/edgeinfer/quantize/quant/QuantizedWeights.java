package io.edgeinfer.quantize.quant;

/**
 * Weights as symmetric int8 (zero point 0), one scale per slice along an axis (per output channel)
 * or one for the whole tensor: {@code q = round(w / scale)}, {@code scale = max|w| / 127}.
 *
 * @param values the int8 values, in the weights' own order
 * @param scales one per channel, or one
 */
public record QuantizedWeights(byte[] values, float[] scales, int axis) {

  /**
   * @param shape the weights' dimensions
   * @param axis the channel axis (0 for [out, ...], the last for depthwise filters)
   */
  public static QuantizedWeights of(float[] weights, int[] shape, int axis, boolean perTensor) {
    int channels = perTensor ? 1 : shape[axis];
    int inner = 1;
    for (int d = axis + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    float[] maxAbs = new float[channels];
    for (int i = 0; i < weights.length; i++) {
      int c = channel(i, channels, inner, shape[axis], perTensor);
      maxAbs[c] = Math.max(maxAbs[c], Math.abs(weights[i]));
    }
    float[] scales = new float[channels];
    for (int c = 0; c < channels; c++) {
      scales[c] = maxAbs[c] > 0 ? maxAbs[c] / 127f : 1f;
    }
    byte[] q = new byte[weights.length];
    for (int i = 0; i < weights.length; i++) {
      int c = channel(i, channels, inner, shape[axis], perTensor);
      q[i] = (byte) Math.max(-127, Math.min(127, Math.round(weights[i] / scales[c])));
    }
    return new QuantizedWeights(q, scales, perTensor ? 0 : axis);
  }

  private static int channel(int index, int channels, int inner, int axisSize, boolean perTensor) {
    return perTensor ? 0 : (index / inner) % axisSize;
  }

  /** The scale of the slice a flat index falls in. */
  public float scaleAt(int index, int[] shape) {
    if (scales.length == 1) {
      return scales[0];
    }
    int inner = 1;
    for (int d = axis + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    return scales[(index / inner) % shape[axis]];
  }

  /** The largest absolute difference between the original weights and these, dequantized. */
  public float maxError(float[] weights, int[] shape) {
    float worst = 0;
    for (int i = 0; i < weights.length; i++) {
      worst = Math.max(worst, Math.abs(weights[i] - values[i] * scaleAt(i, shape)));
    }
    return worst;
  }
}
