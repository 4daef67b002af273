package io.edgeinfer.train.data;

import java.util.Objects;

/**
 * A per-feature affine rescaling, {@code x' = (x - shift[j]) * multiplier[j]}, fitted on the
 * training rows only so that nothing of the validation or test rows leaks into training.
 */
public record Normalization(NormalizationMode mode, float[] shift, float[] multiplier) {
  public Normalization {
    Objects.requireNonNull(mode, "mode");
    shift = shift.clone();
    multiplier = multiplier.clone();
    if (shift.length != multiplier.length) {
      throw new IllegalArgumentException(
          "expected as many shifts as multipliers, found "
              + shift.length
              + " and "
              + multiplier.length);
    }
  }

  /**
   * Fits {@code mode} to the training features. A constant feature (no spread, or one too small to
   * invert in float32) gets multiplier 1, so that it stays finite: it is then shifted to 0.
   */
  public static Normalization fit(float[][] trainingFeatures, NormalizationMode mode) {
    if (trainingFeatures.length == 0) {
      throw new IllegalArgumentException(
          "expected at least one training row to fit a normalization, found none");
    }
    int columns = trainingFeatures[0].length;
    float[] shift = new float[columns];
    float[] multiplier = new float[columns];
    for (int j = 0; j < columns; j++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (float[] row : trainingFeatures) {
        min = Math.min(min, row[j]);
        max = Math.max(max, row[j]);
        sum += row[j];
      }
      double mean = sum / trainingFeatures.length;
      double squares = 0;
      for (float[] row : trainingFeatures) {
        squares += (row[j] - mean) * (row[j] - mean);
      }
      // The population standard deviation, as scikit-learn's StandardScaler uses.
      double deviation = Math.sqrt(squares / trainingFeatures.length);
      switch (mode) {
        case NONE -> multiplier[j] = 1;
        case SCALE -> {
          shift[j] = (float) min;
          multiplier[j] = inverse(max - min);
        }
        case STANDARDIZE -> {
          shift[j] = (float) mean;
          multiplier[j] = inverse(deviation);
        }
      }
    }
    return new Normalization(mode, shift, multiplier);
  }

  @Override
  public float[] shift() {
    return shift.clone();
  }

  @Override
  public float[] multiplier() {
    return multiplier.clone();
  }

  /** The features rescaled, as new arrays. */
  public float[][] apply(float[][] features) {
    float[][] out = new float[features.length][];
    for (int i = 0; i < features.length; i++) {
      float[] row = features[i];
      if (row.length != shift.length) {
        throw new DataException(
            "expected "
                + shift.length
                + " features like the training rows, found "
                + row.length
                + " at row "
                + (i + 1));
      }
      out[i] = new float[row.length];
      for (int j = 0; j < row.length; j++) {
        out[i][j] = (float) (((double) row[j] - shift[j]) * multiplier[j]);
      }
    }
    return out;
  }

  private static float inverse(double spread) {
    float inverse = (float) (1 / spread);
    return spread > 0 && Float.isFinite(inverse) ? inverse : 1;
  }
}
