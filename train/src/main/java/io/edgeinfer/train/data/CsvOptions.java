package io.edgeinfer.train.data;

/**
 * How to read a CSV table; {@code null} means "detect".
 *
 * @param header whether the first row names the columns: {@code null} detects it (a row with a cell
 *     that is not a number, or a row of a different width from the rows under it, such as
 *     scikit-learn's header of counts)
 * @param delimiter the cell separator: {@code null} detects one of {@code , ; TAB |}
 */
public record CsvOptions(Boolean header, Character delimiter) {
  public static final CsvOptions DETECT = new CsvOptions(null, null);

  /** Parses a delimiter as typed: one character, or {@code tab}. */
  public static char parseDelimiter(String text) {
    if (text.equalsIgnoreCase("tab") || text.equals("\\t")) {
      return '\t';
    }
    if (text.length() != 1 || text.charAt(0) == '"') {
      throw new IllegalArgumentException(
          "expected one character (such as , or ;) or 'tab' as the delimiter, found '"
              + text
              + "'");
    }
    return text.charAt(0);
  }
}
