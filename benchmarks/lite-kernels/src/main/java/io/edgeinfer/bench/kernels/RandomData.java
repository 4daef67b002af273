package io.edgeinfer.bench.kernels;

import java.util.Random;

/** Seeded random weights and activations, so that every kernel set sees the same numbers. */
final class RandomData {
  private final Random random;

  RandomData(long seed) {
    this.random = new Random(seed);
  }

  /** Gaussian floats with standard deviation {@code scale}. */
  float[] floats(int n, double scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (random.nextGaussian() * scale);
    }
    return a;
  }

  /** Uniform int8 values in [-127, 127], the range of TFLite's symmetric int8 weights. */
  byte[] bytes(int n) {
    byte[] a = new byte[n];
    for (int i = 0; i < n; i++) {
      a[i] = (byte) (random.nextInt(255) - 127);
    }
    return a;
  }

  /** Per-channel weight scales, uniform in [{@code low}, {@code 2 * low}). */
  float[] scales(int n, float low) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = low + random.nextFloat() * low;
    }
    return a;
  }
}
