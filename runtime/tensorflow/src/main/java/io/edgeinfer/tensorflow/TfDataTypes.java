package io.edgeinfer.tensorflow;

import io.edgeinfer.core.DataType;
import java.util.Optional;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

/** Maps between TensorFlow's data types and edgeinfer's. */
final class TfDataTypes {
  private TfDataTypes() {}

  /** Our type for a TensorFlow type, or empty for types edgeinfer does not carry. */
  static Optional<DataType> fromProto(org.tensorflow.proto.DataType type) {
    return Optional.ofNullable(
        switch (valueType(type)) {
          case DT_FLOAT -> DataType.FLOAT32;
          case DT_DOUBLE -> DataType.FLOAT64;
          case DT_HALF -> DataType.FLOAT16;
          case DT_INT8 -> DataType.INT8;
          case DT_UINT8 -> DataType.UINT8;
          case DT_INT32 -> DataType.INT32;
          case DT_INT64 -> DataType.INT64;
          case DT_BOOL -> DataType.BOOL;
          case DT_STRING -> DataType.STRING;
          default -> null;
        });
  }

  /**
   * The TensorFlow Java class that builds tensors of a type. TF Java 1.1.0 has no int8 tensor
   * class, so int8 inputs cannot be fed; int8 outputs are still read through raw bytes.
   */
  static Optional<Class<? extends TType>> tensorClass(DataType type) {
    return Optional.ofNullable(
        switch (type) {
          case FLOAT32 -> TFloat32.class;
          case FLOAT64 -> TFloat64.class;
          case FLOAT16 -> TFloat16.class;
          case UINT8 -> TUint8.class;
          case INT32 -> TInt32.class;
          case INT64 -> TInt64.class;
          case BOOL -> TBool.class;
          case STRING -> TString.class;
          case INT8, INT16, COMPLEX64 -> null;
        });
  }

  /**
   * The type a reference type holds ({@code DT_FLOAT} for {@code DT_FLOAT_REF}, what TF 1.x wrote
   * for a variable's own tensor); fetching such a tensor reads its value, so it is that type.
   */
  static org.tensorflow.proto.DataType valueType(org.tensorflow.proto.DataType type) {
    int reference = org.tensorflow.proto.DataType.DT_FLOAT_REF_VALUE;
    int floatValue = org.tensorflow.proto.DataType.DT_FLOAT_VALUE;
    int number = type == org.tensorflow.proto.DataType.UNRECOGNIZED ? -1 : type.getNumber();
    if (number >= reference) {
      org.tensorflow.proto.DataType base =
          org.tensorflow.proto.DataType.forNumber(number - (reference - floatValue));
      return base == null ? type : base;
    }
    return type;
  }

  /** The short name TensorFlow users know, e.g. {@code DT_FLOAT}. */
  static String label(org.tensorflow.proto.DataType type) {
    return type.name();
  }

  /** TensorFlow's name for our type, e.g. {@code DT_FLOAT} for FLOAT32. */
  static String label(DataType type) {
    return switch (type) {
      case FLOAT32 -> "DT_FLOAT";
      case FLOAT64 -> "DT_DOUBLE";
      case FLOAT16 -> "DT_HALF";
      case INT8 -> "DT_INT8";
      case UINT8 -> "DT_UINT8";
      case INT16 -> "DT_INT16";
      case INT32 -> "DT_INT32";
      case INT64 -> "DT_INT64";
      case BOOL -> "DT_BOOL";
      case STRING -> "DT_STRING";
      case COMPLEX64 -> "DT_COMPLEX64";
    };
  }
}
