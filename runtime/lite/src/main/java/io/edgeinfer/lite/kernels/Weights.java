package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/** Checks and views of the weight buffers and biases handed to {@link Kernels}. */
final class Weights {
  private Weights() {}

  /**
   * A view of exactly {@code count} floats from the buffer's position (the buffer is untouched).
   */
  static FloatBuffer view(FloatBuffer weights, int count, String what) {
    if (weights.remaining() < count) {
      throw new IllegalArgumentException(
          "expected " + count + " " + what + " values, found " + weights.remaining());
    }
    return weights.slice().limit(count);
  }

  /** A view of exactly {@code count} bytes from the buffer's position (the buffer is untouched). */
  static ByteBuffer view(ByteBuffer weights, int count, String what) {
    if (weights.remaining() < count) {
      throw new IllegalArgumentException(
          "expected " + count + " " + what + " values, found " + weights.remaining());
    }
    return weights.slice().limit(count);
  }

  static float[] toArray(FloatBuffer view) {
    float[] out = new float[view.limit()];
    view.get(0, out);
    return out;
  }

  static byte[] toArray(ByteBuffer view) {
    byte[] out = new byte[view.limit()];
    view.get(0, out);
    return out;
  }

  /** A copy of the bias, or zeros when there is none. */
  static float[] bias(float[] bias, int channels) {
    if (bias == null) {
      return new float[channels];
    }
    Shapes.checkEqual("bias length", channels, bias.length);
    return bias.clone();
  }

  static int[] bias(int[] bias, int channels) {
    if (bias == null) {
      return new int[channels];
    }
    Shapes.checkEqual("bias length", channels, bias.length);
    return bias.clone();
  }

  /**
   * One weight scale per channel: {@code scales} holds one per channel, or one for the tensor
   * (repeated here).
   */
  static float[] scales(float[] scales, int channels) {
    if (scales == null || (scales.length != 1 && scales.length != channels)) {
      throw new IllegalArgumentException(
          "expected 1 or "
              + channels
              + " weight scales, found "
              + (scales == null ? "none" : scales.length));
    }
    float[] out = new float[channels];
    Arrays.fill(out, scales[0]);
    if (scales.length == channels) {
      System.arraycopy(scales, 0, out, 0, channels);
    }
    return out;
  }

  /** A 4-D filter shape with positive dimensions. */
  static int[] filterShape(int[] shape, String what) {
    if (shape == null || shape.length != 4) {
      throw new IllegalArgumentException(
          "expected a rank-4 " + what + " shape, found " + Arrays.toString(shape));
    }
    for (int d : shape) {
      if (d < 1) {
        throw new IllegalArgumentException(
            "expected positive " + what + " dimensions, found " + Arrays.toString(shape));
      }
    }
    return shape.clone();
  }
}
