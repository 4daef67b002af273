package io.edgeinfer.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a data file can be bad, and the one line that says so. */
class DataErrorsTest {
  @TempDir Path dir;

  private String error(String name, String text) {
    return error(name, text, LabelColumn.LAST);
  }

  private String error(String name, String text, LabelColumn label) {
    Path file = DataFiles.write(dir, name, text);
    return assertThrows(DataException.class, () -> DatasetReader.read(file, label)).getMessage();
  }

  private String npyError(Tensor tensor) {
    Path file = DataFiles.write(dir, "data.npy", NpyCodec.write(tensor));
    return assertThrows(DataException.class, () -> DatasetReader.read(file, LabelColumn.LAST))
        .getMessage();
  }

  /** {@code count} cells 0..count-1 joined by commas. */
  private static String row(int count) {
    StringJoiner row = new StringJoiner(",");
    for (int i = 0; i < count; i++) {
      row.add(Integer.toString(i));
    }
    return row.toString();
  }

  @Test
  void emptyFile() {
    String expected = "expected at least one row of numbers, found an empty file";
    assertEquals(expected, error("empty.csv", ""));
    assertEquals(expected, error("blank.csv", "\n \n\r\n"));
    assertEquals(expected, error("empty.npy", ""));
    Path gz = DataFiles.write(dir, "empty.csv.gz", DataFiles.gzip(""));
    assertEquals(
        expected,
        assertThrows(DataException.class, () -> DatasetReader.read(gz, LabelColumn.LAST))
            .getMessage());
  }

  @Test
  void onlyAHeader() {
    assertEquals(
        "expected at least one row of numbers, found only the header on line 2",
        error("header.csv", "\na,b,label\n"));
  }

  @Test
  void rowsOfDifferentLengths() {
    StringBuilder csv = new StringBuilder();
    for (int line = 1; line <= 6; line++) {
      csv.append(row(65)).append('\n');
    }
    csv.append(row(64)).append('\n');
    assertEquals(
        "expected 65 columns like line 1, found 64 at line 7", error("ragged.csv", csv.toString()));
  }

  @Test
  void lineNumbersCountBlankLinesAndTheHeader() {
    assertEquals(
        "expected 3 columns like line 3, found 2 at line 5",
        error("ragged.csv", "\nx,y,label\n1,2,0\n\n3,4\n"));
  }

  @Test
  void aNonNumericCell() {
    assertEquals(
        "expected a number at line 3, column 5, found 'abc'",
        error("text.csv", "1,2,3,4,5,6\n1,2,3,4,5,6\n1,2,3,4,abc,6\n"));
    assertEquals(
        "expected a number at line 2, column 2, found an empty cell",
        error("hole.csv", "1,2,3\n1,,3\n"));
    assertEquals(
        "expected a number at line 2, column 1, found '0x10'", error("hex.csv", "1,2\n0x10,3\n"));
  }

  @Test
  void nonFiniteCsvCells() {
    assertEquals(
        "expected a finite number at line 3, column 5, found 'NaN'",
        error("nan.csv", "1,2,3,4,5,6\n1,2,3,4,5,6\n1,2,3,4,NaN,6\n"));
    assertEquals(
        "expected a finite number at line 1, column 3, found '-inf'",
        error("inf.csv", "1,2,-inf\n"));
    assertEquals(
        "expected a number within float32 range (about 3.4e38) at line 2, column 1, found '1e39'",
        error("big.csv", "1,2\n1e39,0\n"));
  }

  @Test
  void nonFiniteNpyValues() {
    float[] values = new float[18];
    values[2 * 6 + 4] = Float.NaN;
    assertEquals(
        "expected a finite number at row 3, column 5, found NaN",
        npyError(Tensor.ofFloats(values, 3, 6)));
    values[2 * 6 + 4] = 0;
    values[5] = Float.NEGATIVE_INFINITY;
    assertEquals(
        "expected a finite number at row 1, column 6, found -Infinity",
        npyError(Tensor.ofFloats(values, 3, 6)));
    assertEquals(
        "expected a number within float32 range (about 3.4e38) at row 2, column 1, found 1.0E300",
        npyError(Tensor.ofDoubles(new double[] {1, 0, 1e300, 1}, 2, 2)));
  }

  @Test
  void aLabelColumnOutOfRange() {
    assertEquals(
        "label column 70 is out of range: expected 0..64 (the file has 65 columns)",
        error("wide.csv", row(65) + "\n" + row(65) + "\n", new LabelColumn(70)));
    assertEquals(
        "label column 1 is out of range: expected 0..0 (the file has 1 column)",
        error("narrow.csv", "1\n2\n", new LabelColumn(1)));
  }

  @Test
  void aLabelWithoutFeatures() {
    assertEquals(
        "expected at least 2 columns (features and a label), found 1", error("one.csv", "1\n2\n"));
  }

  @Test
  void anNpyThatIsNot2d() {
    assertEquals(
        "expected a 2-D NPY array (rows x columns), found shape [4]",
        npyError(Tensor.ofFloats(new float[] {1, 2, 3, 4}, 4)));
    assertEquals(
        "expected a 2-D NPY array (rows x columns), found shape [1, 2, 2]",
        npyError(Tensor.ofFloats(new float[] {1, 2, 3, 4}, 1, 2, 2)));
    assertEquals(
        "expected at least one row of numbers, found an NPY array of shape [0, 3]",
        npyError(Tensor.ofFloats(new float[0], 0, 3)));
  }

  @Test
  void aBrokenNpyOrGzipOrCsv() {
    assertEquals(
        "expected an NPY file (magic \\x93NUMPY), found 'a,b' at byte 0", error("data.npy", "a,b"));
    assertEquals(
        "expected gzip-compressed data (the name ends in .gz), found: Not in GZIP format",
        error("data.csv.gz", "1,2\n"));
    String unclosed = error("quote.csv", "1,2\n\"3,4\n");
    assertTrue(unclosed.startsWith("expected well-formed CSV, found: "), unclosed);
  }

  @Test
  void messagesAreOneLine() {
    assertEquals("a b", new DataException("a\n  b").getMessage());
  }
}
