package io.edgeinfer.profiles;

/** A profile file that cannot be used; the message names the file, the field and why. */
public final class InvalidProfileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidProfileException(String message) {
    super(message);
  }
}
