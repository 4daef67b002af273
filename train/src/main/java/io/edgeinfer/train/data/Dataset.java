package io.edgeinfer.train.data;

import java.util.Objects;

/**
 * Features (rows x columns) and the raw label value of each row, with where they came from.
 *
 * <p>The arrays are shared, not copied, so that a large data set exists once in memory; treat them
 * as read-only.
 *
 * @param source the file the data was read from, for reports
 * @param sha256 hex SHA-256 of the file's bytes as read (before gunzip), to tie a model to its data
 */
public record Dataset(float[][] features, float[] labels, String source, String sha256) {
  public Dataset {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(labels, "labels");
    if (features.length != labels.length) {
      throw new IllegalArgumentException(
          "expected one label per row, found "
              + features.length
              + " rows and "
              + labels.length
              + " labels");
    }
  }

  /** The number of rows. */
  public int size() {
    return labels.length;
  }

  /** The number of feature columns (the label column not counted); 0 when there are no rows. */
  public int featureCount() {
    return features.length == 0 ? 0 : features[0].length;
  }

  /** The given rows, in the given order; same source and checksum. */
  public Dataset select(int[] rows) {
    float[][] selectedFeatures = new float[rows.length][];
    float[] selectedLabels = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      selectedFeatures[i] = features[rows[i]];
      selectedLabels[i] = labels[rows[i]];
    }
    return new Dataset(selectedFeatures, selectedLabels, source, sha256);
  }
}
