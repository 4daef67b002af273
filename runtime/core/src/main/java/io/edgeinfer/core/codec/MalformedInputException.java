package io.edgeinfer.core.codec;

/**
 * A payload that cannot be decoded. The message is one line saying what was expected, what was
 * found, and where: line and column for JSON and CSV, byte offset for NPY and raw data.
 */
public final class MalformedInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public MalformedInputException(String message) {
    // One line, so that it reads well in logs and in an HTTP error body.
    super(message == null ? null : message.replaceAll("\\s*[\\r\\n]+\\s*", " "));
  }
}
