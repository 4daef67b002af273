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
        switch (type) {
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

  /** The short name TensorFlow users know, e.g. {@code DT_FLOAT}. */
  static String label(org.tensorflow.proto.DataType type) {
    return type.name();
  }
}
