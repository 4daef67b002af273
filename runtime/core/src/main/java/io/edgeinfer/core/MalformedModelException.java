package io.edgeinfer.core;

/** The model's files are there but cannot be read: truncated, corrupted, or not the format. */
public class MalformedModelException extends ModelException {
  private static final long serialVersionUID = 1L;

  public MalformedModelException(String message) {
    super(message);
  }

  public MalformedModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
