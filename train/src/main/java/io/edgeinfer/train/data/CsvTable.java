package io.edgeinfer.train.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of numbers as rows of floats. Blank lines are skipped; the first row is a header when
 * one of its cells is not a number. Errors name lines of the file, as an editor shows them.
 */
final class CsvTable {
  // Plain decimal notation only: Float.parseFloat would also take "1f", "0x1p3" and "NaN".
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NON_FINITE =
      Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).build();

  private CsvTable() {}

  static float[][] read(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    LineIndex lines = new LineIndex(text);
    List<float[]> rows = new ArrayList<>();
    int width = -1;
    int widthLine = 0;
    int headerLine = 0;
    try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
      for (CSVRecord record : parser) {
        List<String> cells = record.toList();
        if (cells.stream().allMatch(String::isEmpty)) {
          continue;
        }
        int line = lines.lineOf(record.getCharacterPosition());
        if (width < 0) {
          width = cells.size();
          widthLine = line;
          if (isHeader(cells)) {
            headerLine = line;
            continue;
          }
        } else if (cells.size() != width) {
          throw new DataException(
              "expected "
                  + width
                  + " columns like line "
                  + widthLine
                  + ", found "
                  + cells.size()
                  + " at line "
                  + line);
        }
        float[] row = new float[width];
        for (int c = 0; c < width; c++) {
          row[c] = number(cells.get(c), line, c + 1);
        }
        rows.add(row);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new DataException("expected well-formed CSV, found: " + e.getMessage());
    }
    if (rows.isEmpty()) {
      throw new DataException(
          "expected at least one row of numbers, found "
              + (headerLine > 0 ? "only the header on line " + headerLine : "an empty file"));
    }
    return rows.toArray(new float[0][]);
  }

  private static float number(String cell, int line, int column) {
    String where = " at line " + line + ", column " + column;
    if (DECIMAL.matcher(cell).matches()) {
      float value = Float.parseFloat(cell);
      if (Float.isInfinite(value)) {
        throw new DataException(
            "expected a number within float32 range (about 3.4e38)"
                + where
                + ", found '"
                + cell
                + "'");
      }
      return value;
    }
    if (NON_FINITE.matcher(cell).matches()) {
      throw new DataException("expected a finite number" + where + ", found '" + cell + "'");
    }
    throw new DataException(
        "expected a number"
            + where
            + ", found "
            + (cell.isEmpty() ? "an empty cell" : "'" + cell + "'"));
  }

  /** A first row with a cell that is not a number (nor nan or inf) names the columns. */
  private static boolean isHeader(List<String> cells) {
    for (String cell : cells) {
      if (!cell.isEmpty()
          && !DECIMAL.matcher(cell).matches()
          && !NON_FINITE.matcher(cell).matches()) {
        return true;
      }
    }
    return false;
  }
}
