package io.edgeinfer.train.data;

import java.util.List;

/**
 * Which column of a data file holds the label: a 0-based index, {@code -1} for the last, or the
 * name a CSV header gives it.
 *
 * @param index the 0-based column, or -1 for the last; ignored when {@code name} is set
 * @param name the column's name in the header, or {@code null}
 */
public record LabelColumn(int index, String name) {
  public static final LabelColumn LAST = new LabelColumn(-1);

  public LabelColumn {
    if (name == null && index < -1) {
      throw new IllegalArgumentException(
          "expected a label column index >= 0 or 'last', found '" + index + "'");
    }
  }

  public LabelColumn(int index) {
    this(index, null);
  }

  /** Parses {@code last}, a 0-based column index, or a column name, as typed. */
  public static LabelColumn parse(String text) {
    String trimmed = text.strip();
    if (trimmed.equalsIgnoreCase("last")) {
      return LAST;
    }
    // Nine digits at most, so that the index always fits an int.
    if (trimmed.matches("\\d{1,9}")) {
      return new LabelColumn(Integer.parseInt(trimmed));
    }
    // A number that is no index (negative, fractional, too large) is a mistake, not a name.
    if (trimmed.isEmpty() || trimmed.matches("[+-]?[0-9.]+")) {
      throw new IllegalArgumentException(
          "expected a label column index >= 0, 'last' or a column name, found '" + text + "'");
    }
    return new LabelColumn(-1, trimmed);
  }

  /** The 0-based column in a table of {@code columns} columns. */
  int resolve(int columns) {
    return resolve(columns, List.of());
  }

  /**
   * The 0-based column in a table of {@code columns} columns whose header (empty if none) names
   * them.
   */
  int resolve(int columns, List<String> header) {
    if (name != null) {
      if (header.isEmpty()) {
        throw new DataException(
            "expected a header row to find the label column '"
                + name
                + "' by name, found none (the first row holds numbers; give --label-column an"
                + " index)");
      }
      int found = header.indexOf(name);
      if (found < 0) {
        throw new DataException(
            "expected a label column named '" + name + "' in the header, found " + header);
      }
      return found;
    }
    if (index == -1) {
      return columns - 1;
    }
    if (index >= columns) {
      throw new DataException(
          "label column "
              + index
              + " is out of range: expected 0.."
              + (columns - 1)
              + " (the file has "
              + columns
              + (columns == 1 ? " column)" : " columns)"));
    }
    return index;
  }

  @Override
  public String toString() {
    return name != null ? name : index == -1 ? "last" : Integer.toString(index);
  }
}
