package io.edgeinfer.quantize.graph;

import io.edgeinfer.core.ModelException;

/**
 * The model cannot be converted as asked: the message says what was expected and what was found.
 */
public class ConversionException extends ModelException {
  private static final long serialVersionUID = 1L;

  public ConversionException(String message) {
    super(message);
  }

  public ConversionException(String message, Throwable cause) {
    super(message, cause);
  }
}
