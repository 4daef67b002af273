package io.edgeinfer.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTest {
  /** 10 rows of class 0, 20 of class 1, 30 of class 2, interleaved. */
  private static int[] classIds() {
    int[] ids = new int[60];
    int row = 0;
    int[] left = {10, 20, 30};
    while (row < ids.length) {
      for (int c = 0; c < 3; c++) {
        if (left[c]-- > 0) {
          ids[row++] = c;
        }
      }
    }
    return ids;
  }

  private static int[] perClass(int[] rows, int[] ids, int classes) {
    int[] counts = new int[classes];
    for (int row : rows) {
      counts[ids[row]]++;
    }
    return counts;
  }

  /** Every row in exactly one part. */
  private static void assertPartition(Split split, int rows) {
    int[] all =
        IntStream.concat(
                IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())),
                Arrays.stream(split.test()))
            .sorted()
            .toArray();
    assertArrayEquals(IntStream.range(0, rows).toArray(), all);
  }

  @Test
  void stratifiedKeepsEachClassInProportion() {
    int[] ids = classIds();
    Split split = Split.stratified(ids, 0.2, 0.1, 42);
    assertPartition(split, ids.length);
    assertArrayEquals(new int[] {7, 14, 21}, perClass(split.train(), ids, 3));
    assertArrayEquals(new int[] {2, 4, 6}, perClass(split.validation(), ids, 3));
    assertArrayEquals(new int[] {1, 2, 3}, perClass(split.test(), ids, 3));
  }

  @Test
  void stratifiedIsDeterministicForASeedAndShuffled() {
    int[] ids = classIds();
    Split first = Split.stratified(ids, 0.2, 0.1, 42);
    Split again = Split.stratified(ids, 0.2, 0.1, 42);
    assertArrayEquals(first.train(), again.train());
    assertArrayEquals(first.validation(), again.validation());
    assertArrayEquals(first.test(), again.test());
    assertFalse(Arrays.equals(first.train(), Split.stratified(ids, 0.2, 0.1, 7).train()));
    // The parts are shuffled, not grouped by class or sorted by row.
    int[] sorted = first.train().clone();
    Arrays.sort(sorted);
    assertFalse(Arrays.equals(sorted, first.train()));
  }

  @Test
  void smallClassesKeepATrainingRow() {
    int[] ids = {0, 0, 1, 1, 1, 2};
    Split split = Split.stratified(ids, 0.25, 0.25, 1);
    assertPartition(split, ids.length);
    // Class 0: 0.5 and 0.5 round to 1 and 1, so test gives one back: 1 train, 1 validation.
    // Class 1: 0.75 and 0.75 round to 1 and 1, leaving 1 for training. Class 2: all training.
    assertArrayEquals(new int[] {1, 1, 1}, perClass(split.train(), ids, 3));
    assertArrayEquals(new int[] {1, 1, 0}, perClass(split.validation(), ids, 3));
    assertArrayEquals(new int[] {0, 1, 0}, perClass(split.test(), ids, 3));
  }

  @Test
  void noValidationOrTest() {
    Split split = Split.stratified(classIds(), 0, 0, 3);
    assertEquals(60, split.train().length);
    assertEquals(0, split.validation().length);
    assertEquals(0, split.test().length);
  }

  @Test
  void randomCutsByTheFractionsAndRepeatsForASeed() {
    Split split = Split.random(100, 0.2, 0.15, 5);
    assertPartition(split, 100);
    assertEquals(65, split.train().length);
    assertEquals(20, split.validation().length);
    assertEquals(15, split.test().length);
    assertArrayEquals(split.test(), Split.random(100, 0.2, 0.15, 5).test());
    assertFalse(Arrays.equals(split.test(), Split.random(100, 0.2, 0.15, 6).test()));
    assertEquals(1, Split.random(1, 0.4, 0.4, 5).train().length);
  }

  @Test
  void fractionsMustLeaveRoomForTraining() {
    for (double[] bad :
        new double[][] {{0.5, 0.5}, {-0.1, 0.2}, {1, 0}, {0.2, Double.NaN}, {0.7, 0.4}}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Split.random(10, bad[0], bad[1], 1));
      assertEquals(
          "expected validation and test fractions in [0, 1) with a sum below 1, found "
              + bad[0]
              + " and "
              + bad[1],
          e.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> Split.stratified(new int[] {0, 1}, bad[0], bad[1], 1));
    }
    // 5 and 4.9 round to 5 and 5: the test cut gives one back so that one row trains.
    Split tight = Split.random(10, 0.5, 0.49, 1);
    assertEquals(1, tight.train().length);
    assertEquals(5, tight.validation().length);
    assertEquals(4, tight.test().length);
  }
}
