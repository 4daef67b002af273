package io.edgeinfer.train.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classes of a classification task: the sorted distinct label values, which must be integers
 * (such as 0..9), mapped to ids 0..k-1 in that order, and each class's name: the one the data file
 * gave it (text labels, or scikit-learn's header), else the integer as text.
 *
 * <p>{@link #names()} is the list, in class id order, that the model card records and exports carry
 * as the model's labels.
 */
public record ClassLabels(float[] values, List<String> names) {
  /** Classes listed in full in a message; more are cut short. */
  private static final int LISTED = 10;

  public ClassLabels {
    values = values.clone();
    if (names.isEmpty()) {
      List<String> integers = new ArrayList<>();
      for (float value : values) {
        integers.add(isInteger(value) ? integer(value) : Float.toString(value));
      }
      names = integers;
    }
    names = List.copyOf(names);
    if (names.size() != values.length) {
      throw new IllegalArgumentException(
          "expected one name per class, found " + names.size() + " for " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!isInteger(values[i]) || (i > 0 && !(values[i - 1] < values[i]))) {
        throw new IllegalArgumentException(
            "expected distinct integer class values in increasing order, found "
                + Arrays.toString(values));
      }
    }
  }

  /** Classes named by their integer values. */
  public ClassLabels(float[] values) {
    this(values, List.of());
  }

  /**
   * The classes of a data set: named as the file names them (label value {@code i} is class {@code
   * i}), or found in its numeric labels as {@link #of(float[])} does.
   *
   * @throws DataException for fewer than 2 classes or a class with fewer than 2 samples
   */
  public static ClassLabels of(Dataset data) {
    List<String> names = data.classNames();
    if (names.isEmpty()) {
      return of(data.labels());
    }
    int[] counts = new int[names.size()];
    for (float label : data.labels()) {
      counts[(int) label]++;
    }
    if (names.size() < 2) {
      throw new DataException("expected at least 2 classes, found only '" + names.get(0) + "'");
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 2) {
        throw new DataException(
            "class '"
                + names.get(i)
                + "' has "
                + (counts[i] == 0 ? "no samples" : "a single sample")
                + "; every class needs at least 2 to be split");
      }
    }
    float[] values = new float[names.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    return new ClassLabels(values, names);
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

  /** The class's name, such as {@code "7"} or {@code "setosa"}. */
  public String name(int id) {
    return names.get(id);
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
