package io.edgeinfer.train.data;

/** Which column of a data file holds the label: a 0-based index, or {@code -1} for the last. */
public record LabelColumn(int index) {
  public static final LabelColumn LAST = new LabelColumn(-1);

  public LabelColumn {
    if (index < -1) {
      throw new IllegalArgumentException(
          "expected a label column index >= 0 or 'last', found '" + index + "'");
    }
  }

  /** Parses {@code last} or a 0-based column index, as typed on the command line. */
  public static LabelColumn parse(String text) {
    String trimmed = text.strip();
    if (trimmed.equalsIgnoreCase("last")) {
      return LAST;
    }
    // Nine digits at most, so that the index always fits an int.
    if (trimmed.matches("\\d{1,9}")) {
      return new LabelColumn(Integer.parseInt(trimmed));
    }
    throw new IllegalArgumentException(
        "expected a label column index >= 0 or 'last', found '" + text + "'");
  }

  /** The 0-based column in a table of {@code columns} columns. */
  int resolve(int columns) {
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
    return index == -1 ? "last" : Integer.toString(index);
  }
}
