package io.edgeinfer.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassLabelsTest {
  @Test
  void sortedDistinctValuesBecomeIds() {
    ClassLabels classes = ClassLabels.of(new float[] {7, 3, -1, 3, 7, -1, 7, -0.0f, 0});
    assertArrayEquals(new float[] {-1, 0, 3, 7}, classes.values());
    assertEquals(4, classes.count());
    assertEquals(0, classes.idOf(-1));
    assertEquals(1, classes.idOf(-0.0f));
    assertEquals(3, classes.idOf(7));
    assertArrayEquals(new int[] {3, 2, 0, 1}, classes.ids(new float[] {7, 3, -1, 0}));
    assertEquals("-1", classes.name(0));
    assertEquals("7", classes.name(3));
  }

  @Test
  void aNonIntegerLabelIsNamedWithItsRow() {
    DataException e =
        assertThrows(DataException.class, () -> ClassLabels.of(new float[] {0, 1, 1, 0.5f, 2.5f}));
    assertEquals(
        "expected integer class labels (such as 0..9), found 0.5 at row 4", e.getMessage());
  }

  @Test
  void fewerThanTwoClasses() {
    assertEquals(
        "expected at least 2 classes, found only class 4",
        assertThrows(DataException.class, () -> ClassLabels.of(new float[] {4, 4, 4}))
            .getMessage());
    assertEquals(
        "expected at least 2 classes, found no labels",
        assertThrows(DataException.class, () -> ClassLabels.of(new float[0])).getMessage());
  }

  @Test
  void aClassWithASingleSample() {
    assertEquals(
        "class 7 has a single sample; every class needs at least 2 to be split",
        assertThrows(DataException.class, () -> ClassLabels.of(new float[] {0, 7, 0, 1, 1}))
            .getMessage());
  }

  @Test
  void anUnknownLabel() {
    ClassLabels classes = ClassLabels.of(new float[] {0, 1, 2, 0, 1, 2});
    assertEquals(
        "expected a class label among 0, 1, 2, found 5",
        assertThrows(DataException.class, () -> classes.idOf(5)).getMessage());
    assertEquals(
        "expected a class label among 0, 1, 2, found 3 at row 2",
        assertThrows(DataException.class, () -> classes.ids(new float[] {1, 3})).getMessage());
  }

  @Test
  void valuesAreCopied() {
    float[] values = {0, 1};
    ClassLabels classes = new ClassLabels(values);
    values[0] = 5;
    classes.values()[1] = 9;
    assertArrayEquals(new float[] {0, 1}, classes.values());
    assertThrows(IllegalArgumentException.class, () -> new ClassLabels(new float[] {1, 0}));
  }
}
