package io.edgeinfer.lite.format;

import java.util.Optional;

/** The activation an operator applies to its result ({@code ActivationFunctionType}). */
public enum Activation {
  NONE(0),
  RELU(1),
  /** Clamps to [-1, 1]. */
  RELU_N1_TO_1(2),
  RELU6(3),
  TANH(4),
  SIGN_BIT(5);

  private final int code;

  Activation(int code) {
    this.code = code;
  }

  /** The number the format stores. */
  public int code() {
    return code;
  }

  static Optional<Activation> of(int code) {
    for (Activation activation : values()) {
      if (activation.code == code) {
        return Optional.of(activation);
      }
    }
    return Optional.empty();
  }
}
