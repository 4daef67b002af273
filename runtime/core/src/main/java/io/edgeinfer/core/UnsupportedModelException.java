package io.edgeinfer.core;

import java.util.List;

/** The model is well-formed but uses things this engine cannot run; all of them are listed. */
public class UnsupportedModelException extends ModelException {
  private static final long serialVersionUID = 1L;

  private final List<String> unsupported;

  public UnsupportedModelException(String message, List<String> unsupported) {
    super(message + ": " + String.join(", ", unsupported));
    this.unsupported = List.copyOf(unsupported);
  }

  public List<String> unsupported() {
    return unsupported;
  }
}
