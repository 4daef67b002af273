package io.edgeinfer.train.data;

import io.edgeinfer.core.codec.CsvDelimiters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as a {@link TextTable}: blank lines skipped, cells trimmed, the delimiter and the
 * header detected unless told. Errors name lines of the file, as an editor shows them.
 */
final class CsvTable {
  private CsvTable() {}

  static TextTable read(byte[] bytes, CsvOptions options) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    char delimiter = options.delimiter() != null ? options.delimiter() : CsvDelimiters.detect(text);
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .build();
    LineIndex lines = new LineIndex(text);
    List<TextTable.Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      for (CSVRecord record : parser) {
        List<String> cells = record.toList();
        if (!cells.stream().allMatch(String::isEmpty)) {
          rows.add(new TextTable.Row(lines.lineOf(record.getCharacterPosition()), cells));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new DataException("expected well-formed CSV, found: " + e.getMessage());
    }
    if (rows.isEmpty()) {
      throw new DataException("expected at least one row of numbers, found an empty file");
    }
    boolean header = options.header() != null ? options.header() : looksLikeHeader(rows);
    List<String> headerCells = header ? rows.get(0).cells() : List.of();
    int headerLine = header ? rows.get(0).line() : 0;
    List<TextTable.Row> data = header ? rows.subList(1, rows.size()) : rows;
    if (data.isEmpty()) {
      throw new DataException(
          "expected at least one row of numbers, found only the header on line " + headerLine);
    }
    TextTable.Row first = data.get(0);
    for (TextTable.Row row : data) {
      if (row.cells().size() != first.cells().size()) {
        throw new DataException(
            "expected "
                + first.cells().size()
                + " columns like line "
                + first.line()
                + ", found "
                + row.cells().size()
                + " at line "
                + row.line()
                + (delimiter == ',' ? "" : " (cells separated by '" + shown(delimiter) + "')"));
      }
    }
    return new TextTable(headerCells, headerLine, data);
  }

  /**
   * The first row names columns when it has text where the next row has a number (text in both is a
   * text label), or when it is wider or narrower than the next (scikit-learn's header of counts).
   */
  private static boolean looksLikeHeader(List<TextTable.Row> rows) {
    List<String> first = rows.get(0).cells();
    if (rows.size() == 1) {
      return Cells.anyText(first);
    }
    List<String> next = rows.get(1).cells();
    if (first.size() != next.size()) {
      return true;
    }
    for (int c = 0; c < first.size(); c++) {
      String cell = first.get(c);
      if (!cell.isEmpty() && !Cells.isNumeric(cell) && Cells.isNumeric(next.get(c))) {
        return true;
      }
    }
    return false;
  }

  private static String shown(char delimiter) {
    return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
  }
}
