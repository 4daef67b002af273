package io.edgeinfer.train;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Java arrays in and out of TensorFlow tensors; callers close what they get. */
final class TfArrays {
  private TfArrays() {}

  static TFloat32 matrix(float[][] rows, int from, int to, int width) {
    float[] flat = new float[(to - from) * width];
    for (int r = from; r < to; r++) {
      System.arraycopy(rows[r], 0, flat, (r - from) * width, width);
    }
    return TFloat32.tensorOf(Shape.of(to - from, width), DataBuffers.of(flat, true, false));
  }

  static TFloat32 matrix(float[][] rows) {
    return matrix(rows, 0, rows.length, rows.length == 0 ? 0 : rows[0].length);
  }

  static TFloat32 vector(float[] values) {
    return TFloat32.tensorOf(Shape.of(values.length), DataBuffers.of(values, true, false));
  }

  static TInt32 ints(int[] values, int from, int to) {
    int[] slice = java.util.Arrays.copyOfRange(values, from, to);
    return TInt32.tensorOf(Shape.of(slice.length), DataBuffers.of(slice, true, false));
  }

  static float[][] toMatrix(Tensor tensor) {
    long[] shape = tensor.shape().asArray();
    int rows = (int) shape[0];
    int width = shape.length > 1 ? (int) shape[1] : 1;
    float[] flat = new float[rows * width];
    tensor.asRawTensor().data().asFloats().read(flat);
    float[][] matrix = new float[rows][width];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(flat, r * width, matrix[r], 0, width);
    }
    return matrix;
  }

  static float[] toVector(Tensor tensor) {
    float[] values = new float[(int) tensor.shape().size()];
    tensor.asRawTensor().data().asFloats().read(values);
    return values;
  }

  static float scalar(Tensor tensor) {
    return ((TFloat32) tensor).getFloat();
  }
}
