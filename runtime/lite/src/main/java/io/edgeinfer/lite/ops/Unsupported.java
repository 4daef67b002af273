package io.edgeinfer.lite.ops;

/**
 * Why one operator cannot be lowered; the message (possibly empty) is what the "unsupported
 * operators" error lists after the operator's name.
 */
public final class Unsupported extends Exception {
  private static final long serialVersionUID = 1L;

  public Unsupported(String detail) {
    super(detail, null, false, false);
  }
}
