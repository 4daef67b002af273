package io.edgeinfer.lite.format;

import java.util.Objects;

/**
 * A named metadata entry whose bytes sit in a buffer, e.g. {@code min_runtime_version} (text) or
 * {@code CONVERSION_METADATA} (a small flatbuffer of the converter's own).
 */
public record LiteMetadata(String name, int buffer) {
  public LiteMetadata {
    Objects.requireNonNull(name, "name");
    if (buffer < 0) {
      throw new IllegalArgumentException(
          "expected a buffer index >= 0, found " + Integer.toUnsignedString(buffer));
    }
  }
}
