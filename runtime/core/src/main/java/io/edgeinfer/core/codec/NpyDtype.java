package io.edgeinfer.core.codec;

import io.edgeinfer.core.DataType;
import java.nio.ByteOrder;

/** An NPY {@code descr} such as {@code '<f4'}: the element type and byte order. */
record NpyDtype(DataType dataType, ByteOrder order) {
  private static final String SUPPORTED = "<f4, <f8, <f2, <i2, <i4, <i8, |i1, |u1 or |b1";

  /** Parses {@code descr}, found at byte {@code offset} (for messages). */
  static NpyDtype parse(String descr, int offset) {
    if (descr.length() >= 2 && (descr.charAt(1) == 'O' || descr.equals("O"))) {
      throw new MalformedInputException(
          "object arrays are not supported: save a numeric array (found dtype '"
              + descr
              + "' at byte "
              + offset
              + ")");
    }
    if (descr.length() >= 2 && (descr.charAt(1) == 'U' || descr.charAt(1) == 'S')) {
      throw new MalformedInputException(
          "string arrays are not supported: send strings as JSON (found dtype '"
              + descr
              + "' at byte "
              + offset
              + ")");
    }
    DataType type =
        switch (descr.length() == 3 ? descr.substring(1) : "") {
          case "f4" -> DataType.FLOAT32;
          case "f8" -> DataType.FLOAT64;
          case "f2" -> DataType.FLOAT16;
          case "i2" -> DataType.INT16;
          case "i4" -> DataType.INT32;
          case "i8" -> DataType.INT64;
          case "i1" -> DataType.INT8;
          case "u1" -> DataType.UINT8;
          case "b1" -> DataType.BOOL;
          default -> null;
        };
    char order = descr.isEmpty() ? '?' : descr.charAt(0);
    // One-byte types have no byte order ('|'); wider ones must say which ('<' or '>').
    boolean orderOk =
        type != null
            && (type.byteSize() == 1 ? "|<>=".indexOf(order) >= 0 : order == '<' || order == '>');
    if (!orderOk) {
      throw new MalformedInputException(
          "expected dtype " + SUPPORTED + ", found '" + descr + "' at byte " + offset);
    }
    return new NpyDtype(type, order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
  }

  /** The little-endian descr NumPy writes for {@code type}. */
  static String descr(DataType type) {
    return switch (type) {
      case FLOAT32 -> "<f4";
      case FLOAT64 -> "<f8";
      case FLOAT16 -> "<f2";
      case INT16 -> "<i2";
      case INT32 -> "<i4";
      case INT64 -> "<i8";
      case INT8 -> "|i1";
      case UINT8 -> "|u1";
      case BOOL -> "|b1";
      case COMPLEX64 -> "<c8";
      case STRING ->
          throw new IllegalArgumentException("expected a numeric tensor for NPY, found string");
    };
  }
}
