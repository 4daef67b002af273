package io.edgeinfer.core;

import java.util.Locale;

/**
 * The element types a tensor can hold, with their size in bytes (0 for variable-length strings).
 */
public enum DataType {
  FLOAT32(4),
  FLOAT16(2),
  FLOAT64(8),
  INT8(1),
  UINT8(1),
  INT16(2),
  INT32(4),
  INT64(8),
  BOOL(1),
  /** Pairs of float32 (real, imaginary), as TFLite's COMPLEX64. */
  COMPLEX64(8),
  STRING(0);

  private final int byteSize;

  DataType(int byteSize) {
    this.byteSize = byteSize;
  }

  /** Bytes per element; 0 for {@link #STRING}, whose elements vary in length. */
  public int byteSize() {
    return byteSize;
  }

  public boolean isFloatingPoint() {
    return this == FLOAT32 || this == FLOAT16 || this == FLOAT64;
  }

  public boolean isInteger() {
    return this == INT8 || this == UINT8 || this == INT16 || this == INT32 || this == INT64;
  }

  /** The lower-case name used in JSON and on the command line, e.g. {@code float32}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label such as {@code float32} or {@code FLOAT32}. */
  public static DataType fromLabel(String label) {
    for (DataType type : values()) {
      if (type.name().equalsIgnoreCase(label)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "expected a data type (float32, float16, float64, int8, uint8, int16, int32, int64, bool,"
            + " complex64, string),"
            + " found '"
            + label
            + "'");
  }
}
