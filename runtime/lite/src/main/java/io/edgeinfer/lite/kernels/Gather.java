package io.edgeinfer.lite.kernels;

import java.util.Arrays;

/**
 * GATHER as TFLite defines it: slices of {@code params} along {@code axis}, picked by {@code
 * indices} (int32 or int64), with the first {@code batchDims} dimensions shared by both. The output
 * shape is {@code params[:axis] + indices[batchDims:] + params[axis+1:]}. Works on any array type
 * (slices are copied); an index outside the axis is refused, never read.
 */
public final class Gather {
  private final String op;
  private final int axis;
  private final int batchDims;

  /**
   * @param axis the gathered axis (negative counts from the end of params' rank)
   * @param batchDims leading dimensions shared by params and indices (negative: from the end of
   *     indices' rank)
   */
  public Gather(String op, int axis, int batchDims) {
    this.op = op;
    this.axis = axis;
    this.batchDims = batchDims;
  }

  private int axis(int[] params) {
    int a = axis < 0 ? axis + params.length : axis;
    if (a < 0 || a >= params.length) {
      throw new IllegalArgumentException(
          op + ": axis " + axis + " outside params of shape " + Arrays.toString(params));
    }
    return a;
  }

  private int batchDims(int[] params, int[] indices) {
    int b = batchDims < 0 ? batchDims + indices.length : batchDims;
    if (b < 0 || b > indices.length || b > axis(params)) {
      throw new IllegalArgumentException(
          op + ": batch_dims " + batchDims + " does not fit axis " + axis + " and indices");
    }
    for (int d = 0; d < b; d++) {
      if (params[d] != indices[d]) {
        throw new IllegalArgumentException(
            op
                + ": expected params "
                + Arrays.toString(params)
                + " and indices "
                + Arrays.toString(indices)
                + " to share their first "
                + b
                + " dimensions");
      }
    }
    return b;
  }

  public int[] outputShape(int[] params, int[] indices) {
    int a = axis(params);
    int b = batchDims(params, indices);
    int[] out = new int[params.length - 1 + indices.length - b];
    int n = 0;
    for (int d = 0; d < a; d++) {
      out[n++] = params[d];
    }
    for (int d = b; d < indices.length; d++) {
      out[n++] = indices[d];
    }
    for (int d = a + 1; d < params.length; d++) {
      out[n++] = params[d];
    }
    return out;
  }

  /**
   * Copies the picked slices.
   *
   * @param width array elements per tensor element (2 for complex64, else 1)
   * @param indices an {@code int[]} or {@code long[]}
   */
  public void run(
      Object params, int[] paramsShape, Object indices, int[] indicesShape, Object out, int width) {
    int a = axis(paramsShape);
    int b = batchDims(paramsShape, indicesShape);
    int batches = product(paramsShape, 0, b);
    int outer = product(paramsShape, b, a);
    int axisSize = paramsShape[a];
    int inner = product(paramsShape, a + 1, paramsShape.length) * width;
    int coords = product(indicesShape, b, indicesShape.length);
    int o = 0;
    for (int batch = 0; batch < batches; batch++) {
      for (int i = 0; i < outer; i++) {
        int base = (batch * outer + i) * axisSize;
        for (int c = 0; c < coords; c++) {
          long index = index(indices, batch * coords + c, axisSize);
          System.arraycopy(params, (int) ((base + index) * inner), out, o, inner);
          o += inner;
        }
      }
    }
  }

  private long index(Object indices, int at, int axisSize) {
    long index = indices instanceof int[] i ? i[at] : ((long[]) indices)[at];
    if (index < 0 || index >= axisSize) {
      throw new IllegalArgumentException(
          op
              + ": expected indices in [0, "
              + axisSize
              + "), found "
              + index
              + " at position "
              + at);
    }
    return index;
  }

  static int product(int[] shape, int from, int to) {
    int p = 1;
    for (int d = from; d < to; d++) {
      p *= shape[d];
    }
    return p;
  }
}
