package io.edgeinfer.tensorflow;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.UnsupportedModelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ndarray.buffer.DataBuffer;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * Copies tensors between edgeinfer's heap tensors and TensorFlow's native ones. TensorFlow keeps
 * numbers in the host's byte order, which is little-endian on every platform TF Java ships for, so
 * the bytes move unchanged.
 */
final class TfTensors {
  static {
    if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
      throw new ExceptionInInitializerError("the tensorflow engine needs a little-endian host");
    }
  }

  private TfTensors() {}

  /** A new native tensor holding a copy of {@code tensor}; the caller closes it. */
  static org.tensorflow.Tensor toTensorFlow(String inputName, Tensor tensor)
      throws UnsupportedModelException {
    org.tensorflow.ndarray.Shape shape = org.tensorflow.ndarray.Shape.of(longs(tensor.shape()));
    if (tensor.dataType() == DataType.STRING) {
      List<byte[]> values = tensor.strings();
      return TString.tensorOfBytes(shape, DataBuffers.ofObjects(values.toArray(new byte[0][])));
    }
    Class<? extends TType> type =
        TfDataTypes.tensorClass(tensor.dataType())
            .orElseThrow(
                () ->
                    new UnsupportedModelException(
                        "TensorFlow Java 1.1.0 cannot feed this input type",
                        List.of(inputName + " (" + tensor.dataType().label() + ")")));
    ByteBuffer data = tensor.data();
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    return org.tensorflow.Tensor.of(type, shape, DataBuffers.of(bytes, true, false));
  }

  /** A heap copy of a native tensor; the caller still closes {@code tensor}. */
  static Tensor fromTensorFlow(org.tensorflow.Tensor tensor) {
    Shape shape = Shape.of(tensor.shape().asArray());
    DataType type =
        TfDataTypes.fromProto(tensor.dataType())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "expected an output type edgeinfer carries, found "
                            + TfDataTypes.label(tensor.dataType())));
    if (type == DataType.STRING) {
      int count = Math.toIntExact(shape.elementCount());
      DataBuffer<byte[]> buffer = DataBuffers.ofObjects(byte[].class, count);
      ((TString) tensor).asBytes().copyTo(buffer);
      List<byte[]> values = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        values.add(buffer.getObject(i));
      }
      return Tensor.ofStrings(values, shape.dims());
    }
    byte[] bytes = new byte[Math.toIntExact(tensor.numBytes())];
    tensor.asRawTensor().data().read(bytes);
    return Tensor.of(type, shape, ByteBuffer.wrap(bytes));
  }

  private static long[] longs(Shape shape) {
    int[] dims = shape.dims();
    long[] result = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      result[i] = dims[i];
    }
    return result;
  }
}
