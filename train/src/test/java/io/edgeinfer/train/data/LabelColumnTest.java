package io.edgeinfer.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LabelColumnTest {
  @Test
  void parsesLastAndIndices() {
    assertSame(LabelColumn.LAST, LabelColumn.parse("last"));
    assertEquals(LabelColumn.LAST, LabelColumn.parse(" LAST "));
    assertEquals(new LabelColumn(0), LabelColumn.parse("0"));
    assertEquals(new LabelColumn(64), LabelColumn.parse("64"));
    assertEquals("last", LabelColumn.LAST.toString());
    assertEquals("64", new LabelColumn(64).toString());
  }

  @Test
  void takesAnyOtherTextAsTheColumnsName() {
    assertEquals(new LabelColumn(-1, "state"), LabelColumn.parse(" state "));
    assertEquals("state", LabelColumn.parse("state").toString());
  }

  @Test
  void rejectsNumbersThatAreNoIndex() {
    for (String text : new String[] {"-1", "1.5", "", "99999999999"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> LabelColumn.parse(text));
      assertEquals(
          "expected a label column index >= 0, 'last' or a column name, found '" + text + "'",
          e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new LabelColumn(-2));
  }

  @Test
  void resolvesAgainstTheColumnCount() {
    assertEquals(64, LabelColumn.LAST.resolve(65));
    assertEquals(3, new LabelColumn(3).resolve(65));
    assertEquals(
        "label column 70 is out of range: expected 0..64 (the file has 65 columns)",
        assertThrows(DataException.class, () -> new LabelColumn(70).resolve(65)).getMessage());
  }
}
