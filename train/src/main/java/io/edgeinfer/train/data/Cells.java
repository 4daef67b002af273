package io.edgeinfer.train.data;

import java.util.List;
import java.util.regex.Pattern;

/** Reading one CSV cell as a float32, with errors that say where it is and what it holds. */
final class Cells {
  // Plain decimal notation only: Float.parseFloat would also take "1f", "0x1p3" and "NaN".
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NON_FINITE =
      Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

  private Cells() {}

  /** Whether a cell reads as a number (or as nan or inf, which are refused later, by name). */
  static boolean isNumeric(String cell) {
    return DECIMAL.matcher(cell).matches() || NON_FINITE.matcher(cell).matches();
  }

  /** A row with a non-empty cell that is not a number: a header, or text labels. */
  static boolean anyText(List<String> cells) {
    return cells.stream().anyMatch(cell -> !cell.isEmpty() && !isNumeric(cell));
  }

  static float number(String cell, int line, int column) {
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
}
