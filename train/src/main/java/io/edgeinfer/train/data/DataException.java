package io.edgeinfer.train.data;

/**
 * Bad training data: one line saying what was expected, what was found, and where (row and column,
 * 1-based, as a person counts in a spreadsheet; for CSV, line numbers of the file).
 */
public final class DataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public DataException(String message) {
    // One line, so that it reads well after "edgeinfer: " on a terminal and in logs.
    super(message == null ? null : message.replaceAll("\\s*[\\r\\n]+\\s*", " "));
  }
}
