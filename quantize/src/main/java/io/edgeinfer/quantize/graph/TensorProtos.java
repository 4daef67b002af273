package io.edgeinfer.quantize.graph;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.ByteDataBuffer;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/** Between TF Java tensors, {@code TensorProto}s and the converter's {@link Constant}s. */
final class TensorProtos {
  private TensorProtos() {}

  /** A tensor's value as a proto with raw little-endian content (how TF stores it natively). */
  static TensorProto of(Tensor tensor) {
    ByteDataBuffer data = tensor.asRawTensor().data();
    byte[] bytes = new byte[Math.toIntExact(data.size())];
    data.read(bytes);
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long dim : tensor.shape().asArray()) {
      shape.addDim(TensorShapeProto.Dim.newBuilder().setSize(dim));
    }
    return TensorProto.newBuilder()
        .setDtype(tensor.dataType())
        .setTensorShape(shape)
        .setTensorContent(ByteString.copyFrom(bytes))
        .build();
  }

  /** A {@code Const} node holding {@code value}. */
  static NodeDef constantNode(String name, TensorProto value) {
    return NodeDef.newBuilder()
        .setName(name)
        .setOp("Const")
        .putAttr("dtype", AttrValue.newBuilder().setType(value.getDtype()).build())
        .putAttr("value", AttrValue.newBuilder().setTensor(value).build())
        .build();
  }

  /**
   * The proto's values, from its raw content or its repeated fields (where one value may stand for
   * all of them, as TF writes splat constants).
   *
   * @throws ConversionException for types the converter does not take (strings, complex)
   */
  static Constant decode(TensorProto proto) throws ConversionException {
    int[] shape = new int[proto.getTensorShape().getDimCount()];
    long count = 1;
    for (int i = 0; i < shape.length; i++) {
      shape[i] = Math.toIntExact(proto.getTensorShape().getDim(i).getSize());
      count *= shape[i];
    }
    int n = Math.toIntExact(count);
    ByteBuffer raw = proto.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    boolean hasRaw = !proto.getTensorContent().isEmpty();
    DataType type = proto.getDtype();
    switch (type) {
      case DT_FLOAT -> {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
          values[i] =
              hasRaw
                  ? raw.getFloat(4 * i)
                  : proto.getFloatValCount() == 0
                      ? 0f
                      : proto.getFloatVal(Math.min(i, proto.getFloatValCount() - 1));
        }
        return Constant.ofFloats(shape, values);
      }
      case DT_DOUBLE -> {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
          values[i] =
              (float)
                  (hasRaw
                      ? raw.getDouble(8 * i)
                      : proto.getDoubleValCount() == 0
                          ? 0
                          : proto.getDoubleVal(Math.min(i, proto.getDoubleValCount() - 1)));
        }
        return Constant.ofFloats(shape, values);
      }
      case DT_INT32, DT_INT64, DT_INT16, DT_INT8, DT_UINT8, DT_BOOL -> {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
          values[i] = integer(proto, type, raw, hasRaw, i);
        }
        return Constant.ofLongs(shape, values);
      }
      default ->
          throw new ConversionException("expected a numeric constant, found one of type " + type);
    }
  }

  private static long integer(
      TensorProto proto, DataType type, ByteBuffer raw, boolean hasRaw, int i) {
    if (hasRaw) {
      return switch (type) {
        case DT_INT64 -> raw.getLong(8 * i);
        case DT_INT32 -> raw.getInt(4 * i);
        case DT_INT16 -> raw.getShort(2 * i);
        case DT_INT8 -> raw.get(i);
        default -> raw.get(i) & 0xff;
      };
    }
    return switch (type) {
      case DT_INT64 ->
          proto.getInt64ValCount() == 0
              ? 0
              : proto.getInt64Val(Math.min(i, proto.getInt64ValCount() - 1));
      case DT_BOOL ->
          proto.getBoolValCount() == 0
              ? 0
              : proto.getBoolVal(Math.min(i, proto.getBoolValCount() - 1)) ? 1 : 0;
      default ->
          proto.getIntValCount() == 0
              ? 0
              : proto.getIntVal(Math.min(i, proto.getIntValCount() - 1));
    };
  }
}
