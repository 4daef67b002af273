package io.edgeinfer.core.codec;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One instance per row for a one-input signature: a {@code [rows, width]} tensor of the input's
 * type. An optional header is recognised by a cell that is not a value; blank lines are skipped;
 * gzip is unpacked; the delimiter (, ; tab |) is detected.
 */
final class CsvInputDecoder {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NON_FINITE =
      Pattern.compile("([+-]?)(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

  private CsvInputDecoder() {}

  static Tensor decode(byte[] payload, TensorSpec spec) {
    if (spec.dataType() == DataType.STRING) {
      throw new MalformedInputException(
          "CSV input needs a numeric or bool input, found string input '"
              + spec.name()
              + "': send JSON instead");
    }
    String text = text(payload);
    LineIndex lines = new LineIndex(text);
    ElementBuffer buffer = new ElementBuffer(spec.dataType());
    int rows = 0;
    int width = -1;
    int widthLine = 0;
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(CsvDelimiters.detect(text))
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .build();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      for (CSVRecord record : parser) {
        List<String> cells = record.toList();
        if (cells.stream().allMatch(String::isEmpty)) {
          continue;
        }
        int line = lines.lineAt(firstVisible(text, record.getCharacterPosition()));
        if (width < 0) {
          width = cells.size();
          widthLine = line;
          if (isHeader(cells, spec.dataType())) {
            continue;
          }
        } else if (cells.size() != width) {
          throw new MalformedInputException(
              "expected "
                  + width
                  + " values in every row (as on line "
                  + widthLine
                  + "), found "
                  + cells.size()
                  + " at line "
                  + line);
        }
        for (int column = 0; column < cells.size(); column++) {
          String where = " at line " + line + ", column " + (column + 1);
          addCell(buffer, cells.get(column), problem -> cellError(spec, problem, where));
        }
        rows++;
      }
    } catch (IOException | UncheckedIOException e) {
      throw new MalformedInputException("malformed CSV: " + e.getMessage());
    }
    if (rows == 0) {
      throw new MalformedInputException("expected at least one row of values, found none");
    }
    return buffer.toTensor(Shape.of(rows, width));
  }

  private static void addCell(
      ElementBuffer buffer, String cell, Function<String, MalformedInputException> fail) {
    if (buffer.type() == DataType.BOOL) {
      String lower = cell.toLowerCase(Locale.ROOT);
      if (lower.equals("true") || lower.equals("1")) {
        buffer.addBool(true, fail);
        return;
      }
      if (lower.equals("false") || lower.equals("0")) {
        buffer.addBool(false, fail);
        return;
      }
      throw fail.apply("expected true, false, 1 or 0, found '" + cell + "'");
    }
    if (INTEGER.matcher(cell).matches()) {
      buffer.addNumber(cell, true, fail);
    } else if (DECIMAL.matcher(cell).matches()) {
      buffer.addNumber(cell, false, fail);
    } else if (NON_FINITE.matcher(cell).matches()) {
      buffer.addNumber(nonFinite(cell), false, fail);
    } else {
      throw fail.apply(
          "expected a number, found " + (cell.isEmpty() ? "an empty cell" : "'" + cell + "'"));
    }
  }

  /** Java's spelling of nan, inf, -Infinity and the like. */
  private static String nonFinite(String cell) {
    var matcher = NON_FINITE.matcher(cell);
    if (!matcher.matches()) {
      throw new IllegalStateException(cell);
    }
    if (matcher.group(2).equalsIgnoreCase("nan")) {
      return "NaN";
    }
    return matcher.group(1).equals("-") ? "-Infinity" : "Infinity";
  }

  /**
   * Where a record's text starts: commons-csv reports the end of the previous record, before any
   * blank lines it skipped.
   */
  private static long firstVisible(String text, long position) {
    int i = (int) position;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** A first row with a cell that is not a value names the columns. */
  private static boolean isHeader(List<String> cells, DataType type) {
    for (String cell : cells) {
      boolean value =
          INTEGER.matcher(cell).matches()
              || DECIMAL.matcher(cell).matches()
              || NON_FINITE.matcher(cell).matches()
              || (type == DataType.BOOL
                  && (cell.equalsIgnoreCase("true") || cell.equalsIgnoreCase("false")));
      if (!value && !cell.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static MalformedInputException cellError(TensorSpec spec, String problem, String where) {
    return new MalformedInputException("input '" + spec.name() + "': " + problem + where);
  }

  /** The payload as text: gunzipped when it starts with the gzip magic, without a UTF-8 BOM. */
  private static String text(byte[] payload) {
    byte[] bytes = payload;
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(payload))) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new MalformedInputException("expected gzip-compressed CSV, found " + e.getMessage());
      }
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Maps a character position to its 1-based line. */
  private static final class LineIndex {
    private final int[] starts;

    LineIndex(String text) {
      List<Integer> found = new ArrayList<>();
      found.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
          found.add(i + 1);
        }
      }
      starts = found.stream().mapToInt(Integer::intValue).toArray();
    }

    int lineAt(long position) {
      int index = Arrays.binarySearch(starts, (int) position);
      return index >= 0 ? index + 1 : -index - 1;
    }
  }
}
