package io.edgeinfer.lite.format;

import java.util.Optional;

/** How a convolution or pooling window treats the border ({@code Padding}). */
public enum Padding {
  /** Pad so that the output has ceil(input / stride) positions. */
  SAME(0),
  /** No padding: only windows that fit entirely. */
  VALID(1);

  private final int code;

  Padding(int code) {
    this.code = code;
  }

  /** The number the format stores. */
  public int code() {
    return code;
  }

  static Optional<Padding> of(int code) {
    for (Padding padding : values()) {
      if (padding.code == code) {
        return Optional.of(padding);
      }
    }
    return Optional.empty();
  }
}
