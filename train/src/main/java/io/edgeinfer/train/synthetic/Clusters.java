package io.edgeinfer.train.synthetic;

import java.util.Random;

/**
 * A classification data set with real structure, made from a seed: each class is a Gaussian cloud
 * around its own centre in the first half of the features; the second half is noise that carries no
 * signal; every feature has its own scale (0.1 to 100), so normalization matters as it does in real
 * data. Rows hold the features, then the class id in the last column.
 */
public final class Clusters {
  private Clusters() {}

  /**
   * @param separation distance of the class centres in units of the noise; about 1 gives
   *     overlapping classes that a small MLP separates to ~95%
   */
  public static float[][] generate(
      int rows, int features, int classes, double separation, long seed) {
    Random random = new Random(seed);
    int informative = Math.max(1, features / 2);
    double[][] centres = new double[classes][informative];
    for (double[] centre : centres) {
      for (int j = 0; j < informative; j++) {
        centre[j] = random.nextGaussian() * separation;
      }
    }
    double[] scales = new double[features];
    double[] offsets = new double[features];
    for (int j = 0; j < features; j++) {
      scales[j] = Math.pow(10, -1 + 3 * random.nextDouble());
      offsets[j] = random.nextGaussian() * 5;
    }
    float[][] data = new float[rows][features + 1];
    for (int r = 0; r < rows; r++) {
      int label = r % classes;
      for (int j = 0; j < features; j++) {
        double signal = j < informative ? centres[label][j] : 0;
        data[r][j] = (float) ((signal + random.nextGaussian()) * scales[j] + offsets[j]);
      }
      data[r][features] = label;
    }
    return data;
  }
}
