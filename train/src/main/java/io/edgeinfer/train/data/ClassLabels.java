package io.edgeinfer.train.data;

import java.util.Arrays;

/**
 * The classes of a classification task: the sorted distinct label values, which must be integers
 * (such as 0..9), mapped to ids 0..k-1 in that order.
 */
public record ClassLabels(float[] values) {
  /** Classes listed in full in a message; more are cut short. */
  private static final int LISTED = 10;

  public ClassLabels {
    values = values.clone();
    for (int i = 0; i < values.length; i++) {
      if (!isInteger(values[i]) || (i > 0 && !(values[i - 1] < values[i]))) {
        throw new IllegalArgumentException(
            "expected distinct integer class values in increasing order, found "
                + Arrays.toString(values));
      }
    }
  }

  /**
   * The classes found in {@code labels}.
   *
   * @throws DataException for a label that is not an integer (naming its row, 1-based), fewer than
   *     2 classes, or a class with a single sample (it could not be in both training and test)
   */
  public static ClassLabels of(float[] labels) {
    for (int i = 0; i < labels.length; i++) {
      if (!isInteger(labels[i])) {
        throw new DataException(
            "expected integer class labels (such as 0..9), found "
                + text(labels[i])
                + " at row "
                + (i + 1));
      }
    }
    float[] sorted = new float[labels.length];
    for (int i = 0; i < labels.length; i++) {
      sorted[i] = canonical(labels[i]);
    }
    Arrays.sort(sorted);
    float[] distinct = new float[sorted.length];
    int[] counts = new int[sorted.length];
    int k = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (k == 0 || distinct[k - 1] != sorted[i]) {
        distinct[k++] = sorted[i];
      }
      counts[k - 1]++;
    }
    if (k < 2) {
      throw new DataException(
          "expected at least 2 classes, found "
              + (k == 0 ? "no labels" : "only class " + integer(distinct[0])));
    }
    for (int i = 0; i < k; i++) {
      if (counts[i] == 1) {
        throw new DataException(
            "class "
                + integer(distinct[i])
                + " has a single sample; every class needs at least 2 to be split");
      }
    }
    return new ClassLabels(Arrays.copyOf(distinct, k));
  }

  @Override
  public float[] values() {
    return values.clone();
  }

  public int count() {
    return values.length;
  }

  /** The id of a class value. */
  public int idOf(float label) {
    int id = Arrays.binarySearch(values, canonical(label));
    if (id < 0) {
      throw new DataException(
          "expected a class label among " + listed() + ", found " + text(label));
    }
    return id;
  }

  /** The id of every label; an unknown label is reported with its row (1-based). */
  public int[] ids(float[] labels) {
    int[] ids = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      int id = Arrays.binarySearch(values, canonical(labels[i]));
      if (id < 0) {
        throw new DataException(
            "expected a class label among "
                + listed()
                + ", found "
                + text(labels[i])
                + " at row "
                + (i + 1));
      }
      ids[i] = id;
    }
    return ids;
  }

  /** The class value as an integer string, such as {@code "7"}. */
  public String name(int id) {
    return integer(values[id]);
  }

  private String listed() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(values.length, LISTED); i++) {
      text.append(i == 0 ? "" : ", ").append(name(i));
    }
    return text.append(values.length > LISTED ? ", ..." : "").toString();
  }

  private static boolean isInteger(float value) {
    return Float.isFinite(value) && value == Math.rint(value);
  }

  /** -0.0 and 0.0 are one class, but sort and search apart. */
  private static float canonical(float value) {
    return value + 0.0f;
  }

  /** A label as a person wrote it: 5 rather than 5.0, but 0.5 as it is. */
  private static String text(float value) {
    return isInteger(value) ? integer(value) : Float.toString(value);
  }

  private static String integer(float value) {
    return Long.toString((long) value);
  }
}
