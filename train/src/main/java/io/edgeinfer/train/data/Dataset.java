package io.edgeinfer.train.data;

import java.util.List;
import java.util.Objects;

/**
 * Features (rows x columns) and the raw label value of each row, with where they came from.
 *
 * <p>The arrays are shared, not copied, so that a large data set exists once in memory; treat them
 * as read-only.
 *
 * @param classNames the name of each class when the file names them (text labels, or a header of
 *     counts followed by names, as scikit-learn's files have): label value {@code i} is class
 *     {@code classNames.get(i)}; empty when labels are plain numbers
 * @param source the file the data was read from, for reports
 * @param sha256 hex SHA-256 of the file's bytes as read (before gunzip), to tie a model to its data
 */
public record Dataset(
    float[][] features, float[] labels, List<String> classNames, String source, String sha256) {
  public Dataset {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(labels, "labels");
    classNames = List.copyOf(classNames);
    if (features.length != labels.length) {
      throw new IllegalArgumentException(
          "expected one label per row, found "
              + features.length
              + " rows and "
              + labels.length
              + " labels");
    }
  }

  /** Data whose labels are plain numbers. */
  public Dataset(float[][] features, float[] labels, String source, String sha256) {
    this(features, labels, List.of(), source, sha256);
  }

  /**
   * Row {@code row}'s label as text: its class name when the file names classes, else the number as
   * written ({@code 3}, not {@code 3.0}).
   */
  public String labelText(int row) {
    float value = labels[row];
    if (!classNames.isEmpty()) {
      return classNames.get((int) value);
    }
    return value == Math.rint(value) && Float.isFinite(value)
        ? Long.toString((long) value)
        : Float.toString(value);
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
    return new Dataset(selectedFeatures, selectedLabels, classNames, source, sha256);
  }
}
