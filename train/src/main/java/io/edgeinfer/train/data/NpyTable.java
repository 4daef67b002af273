package io.edgeinfer.train.data;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.MalformedInputException;
import io.edgeinfer.core.codec.NpyCodec;

/** A 2-D NumPy array of numbers as rows of floats. Errors name rows and columns, 1-based. */
final class NpyTable {
  private NpyTable() {}

  /** Whether the bytes start with the NPY magic {@code \x93NUMPY}. */
  static boolean hasMagic(byte[] bytes) {
    return bytes.length >= 6
        && (bytes[0] & 0xff) == 0x93
        && bytes[1] == 'N'
        && bytes[2] == 'U'
        && bytes[3] == 'M'
        && bytes[4] == 'P'
        && bytes[5] == 'Y';
  }

  static float[][] read(byte[] bytes) {
    Tensor tensor;
    try {
      tensor = NpyCodec.read(bytes);
    } catch (MalformedInputException e) {
      throw new DataException(e.getMessage());
    }
    if (tensor.shape().rank() != 2) {
      throw new DataException(
          "expected a 2-D NPY array (rows x columns), found shape " + tensor.shape());
    }
    int rows = tensor.shape().dim(0);
    int columns = tensor.shape().dim(1);
    if (rows == 0) {
      throw new DataException(
          "expected at least one row of numbers, found an NPY array of shape " + tensor.shape());
    }
    float[][] table = new float[rows][columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        table[r][c] = finite(tensor.getDouble(r * columns + c), r + 1, c + 1);
      }
    }
    return table;
  }

  private static float finite(double value, int row, int column) {
    String where = " at row " + row + ", column " + column;
    if (!Double.isFinite(value)) {
      throw new DataException("expected a finite number" + where + ", found " + value);
    }
    float narrowed = (float) value;
    if (Float.isInfinite(narrowed)) {
      // float64 data beyond float32: training runs in float32.
      throw new DataException(
          "expected a number within float32 range (about 3.4e38)" + where + ", found " + value);
    }
    return narrowed;
  }
}
