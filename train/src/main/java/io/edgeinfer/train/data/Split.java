package io.edgeinfer.train.data;

import java.util.Arrays;
import java.util.Random;

/** Row indices of the training, validation and test parts of a data set. */
public record Split(int[] train, int[] validation, int[] test) {

  /**
   * A seeded split stratified by class id, so that every part has each class in about the same
   * proportion as the whole. Each class (in id order) is shuffled with one {@code new Random(seed)}
   * and cut by the fractions, rounded to the nearest row; where rounding would leave a class with
   * no training row, the larger of the validation and test cuts (test on a tie) gives one back. The
   * parts are then shuffled.
   *
   * @param classIds the class id (0..k-1) of each row
   * @throws IllegalArgumentException unless both fractions are in [0, 1) with a sum below 1
   */
  public static Split stratified(
      int[] classIds, double validationFraction, double testFraction, long seed) {
    checkFractions(validationFraction, testFraction);
    int classes = 0;
    for (int i = 0; i < classIds.length; i++) {
      if (classIds[i] < 0) {
        throw new IllegalArgumentException(
            "expected class ids >= 0, found " + classIds[i] + " at row " + (i + 1));
      }
      classes = Math.max(classes, classIds[i] + 1);
    }
    int[][] members = new int[classes][];
    int[] sizes = new int[classes];
    for (int id : classIds) {
      sizes[id]++;
    }
    for (int c = 0; c < classes; c++) {
      members[c] = new int[sizes[c]];
      sizes[c] = 0;
    }
    for (int row = 0; row < classIds.length; row++) {
      int id = classIds[row];
      members[id][sizes[id]++] = row;
    }
    Random random = new Random(seed);
    Parts parts = new Parts(classIds.length);
    for (int[] rows : members) {
      shuffle(rows, random);
      parts.cut(rows, validationFraction, testFraction);
    }
    return parts.shuffled(random);
  }

  /** A seeded random split, for regression: the rows shuffled and cut as for one class. */
  public static Split random(int rows, double validationFraction, double testFraction, long seed) {
    checkFractions(validationFraction, testFraction);
    int[] all = new int[rows];
    Arrays.setAll(all, i -> i);
    Random random = new Random(seed);
    shuffle(all, random);
    Parts parts = new Parts(rows);
    parts.cut(all, validationFraction, testFraction);
    return parts.shuffled(random);
  }

  private static void checkFractions(double validation, double test) {
    // Written so that NaN fails too.
    if (!(validation >= 0 && validation < 1 && test >= 0 && test < 1 && validation + test < 1)) {
      throw new IllegalArgumentException(
          "expected validation and test fractions in [0, 1) with a sum below 1, found "
              + validation
              + " and "
              + test);
    }
  }

  /** Fisher-Yates, the same steps as Collections.shuffle, on an int array. */
  private static void shuffle(int[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }

  /** The three parts as they fill up. */
  private static final class Parts {
    private final int[] train;
    private final int[] validation;
    private final int[] test;
    private int trainSize;
    private int validationSize;
    private int testSize;

    Parts(int capacity) {
      train = new int[capacity];
      validation = new int[capacity];
      test = new int[capacity];
    }

    /** Validation rows first, then test rows, the rest for training. */
    void cut(int[] rows, double validationFraction, double testFraction) {
      int n = rows.length;
      int toValidation = (int) Math.round(n * validationFraction);
      int toTest = (int) Math.round(n * testFraction);
      while (n >= 1 && toValidation + toTest > n - 1 && toValidation + toTest > 0) {
        if (toValidation > toTest) {
          toValidation--;
        } else {
          toTest--;
        }
      }
      System.arraycopy(rows, 0, validation, validationSize, toValidation);
      validationSize += toValidation;
      System.arraycopy(rows, toValidation, test, testSize, toTest);
      testSize += toTest;
      int toTrain = n - toValidation - toTest;
      System.arraycopy(rows, toValidation + toTest, train, trainSize, toTrain);
      trainSize += toTrain;
    }

    Split shuffled(Random random) {
      int[] trainRows = Arrays.copyOf(train, trainSize);
      int[] validationRows = Arrays.copyOf(validation, validationSize);
      int[] testRows = Arrays.copyOf(test, testSize);
      shuffle(trainRows, random);
      shuffle(validationRows, random);
      shuffle(testRows, random);
      return new Split(trainRows, validationRows, testRows);
    }
  }
}
