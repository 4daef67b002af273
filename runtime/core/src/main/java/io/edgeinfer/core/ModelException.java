package io.edgeinfer.core;

/** A model could not be loaded or run. The message is one line that a user can act on. */
public class ModelException extends Exception {
  private static final long serialVersionUID = 1L;

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
