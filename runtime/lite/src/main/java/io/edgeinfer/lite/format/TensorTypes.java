package io.edgeinfer.lite.format;

import io.edgeinfer.core.DataType;
import java.util.List;

/**
 * The tensor element types of the format ({@code TensorType}, stored as a byte) and edgeinfer's
 * {@link DataType} for those it can hold.
 */
final class TensorTypes {
  private TensorTypes() {}

  /** Every type the schema defines, by number; the index is the stored byte. */
  private static final List<String> NAMES =
      List.of(
          "FLOAT32",
          "FLOAT16",
          "INT32",
          "UINT8",
          "INT64",
          "STRING",
          "BOOL",
          "INT16",
          "COMPLEX64",
          "INT8",
          "FLOAT64",
          "COMPLEX128",
          "UINT64",
          "RESOURCE",
          "VARIANT",
          "UINT32",
          "UINT16",
          "INT4",
          "BFLOAT16");

  static final int FLOAT32 = 0;
  static final int FLOAT16 = 1;
  static final int INT32 = 2;
  static final int UINT8 = 3;
  static final int INT64 = 4;
  static final int STRING = 5;
  static final int BOOL = 6;
  static final int INT16 = 7;
  static final int COMPLEX64 = 8;
  static final int INT8 = 9;
  static final int FLOAT64 = 10;

  static boolean isKnown(int code) {
    return code >= 0 && code < NAMES.size();
  }

  static int knownCount() {
    return NAMES.size();
  }

  /** The schema's name for a known code, e.g. {@code INT16}. */
  static String name(int code) {
    return NAMES.get(code);
  }

  /** edgeinfer's type for a code, or null when edgeinfer cannot hold tensors of it. */
  static DataType toDataType(int code) {
    return switch (code) {
      case FLOAT32 -> DataType.FLOAT32;
      case FLOAT16 -> DataType.FLOAT16;
      case INT32 -> DataType.INT32;
      case UINT8 -> DataType.UINT8;
      case INT64 -> DataType.INT64;
      case BOOL -> DataType.BOOL;
      case INT8 -> DataType.INT8;
      case INT16 -> DataType.INT16;
      case COMPLEX64 -> DataType.COMPLEX64;
      case FLOAT64 -> DataType.FLOAT64;
      default -> null;
    };
  }

  /** Why a known code edgeinfer cannot hold is refused, for the "unsupported" list. */
  static String whyUnsupported(int code) {
    return switch (code) {
      case STRING -> "STRING tensors (variable-length strings are not supported)";
      default -> name(code) + " tensors";
    };
  }

  static int toCode(DataType type) {
    return switch (type) {
      case FLOAT32 -> FLOAT32;
      case FLOAT16 -> FLOAT16;
      case INT32 -> INT32;
      case UINT8 -> UINT8;
      case INT64 -> INT64;
      case BOOL -> BOOL;
      case INT8 -> INT8;
      case INT16 -> INT16;
      case COMPLEX64 -> COMPLEX64;
      case FLOAT64 -> FLOAT64;
      case STRING -> STRING;
    };
  }
}
