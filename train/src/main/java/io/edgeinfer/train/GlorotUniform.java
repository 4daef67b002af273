package io.edgeinfer.train;

import java.util.Random;

/**
 * Glorot (Xavier) uniform initial weights, U(-l, l) with l = sqrt(6 / (inputs + outputs)), as
 * Keras's default. Made in Java from a seed: TF Java 1.1.0's {@code Glorot} initializer gave only
 * positive values here, so activations grew about eightfold per layer and training stalled.
 */
final class GlorotUniform {
  private GlorotUniform() {}

  static float[][] kernel(int inputs, int outputs, long seed) {
    Random random = new Random(seed);
    double limit = Math.sqrt(6.0 / (inputs + outputs));
    float[][] kernel = new float[inputs][outputs];
    for (float[] row : kernel) {
      for (int j = 0; j < outputs; j++) {
        row[j] = (float) ((random.nextDouble() * 2 - 1) * limit);
      }
    }
    return kernel;
  }
}
