package io.edgeinfer.lite.kernels;

import java.util.Arrays;

/**
 * Copies of parts of tensors, on arrays of any element type: SLICE, PACK and UNPACK, SPLIT and
 * SPLIT_V. Every method counts in array elements ({@code width} per tensor element: 2 for
 * complex64).
 */
public final class Slicing {
  private Slicing() {}

  /**
   * SLICE's output shape: {@code size[d]} elements from {@code begin[d]}, or to the end when -1.
   */
  public static int[] sliceShape(int[] shape, int[] begin, int[] size) {
    if (begin.length != shape.length || size.length != shape.length) {
      throw new IllegalArgumentException(
          "SLICE: expected "
              + shape.length
              + " begin and size values, found "
              + Arrays.toString(begin)
              + " and "
              + Arrays.toString(size));
    }
    int[] out = new int[shape.length];
    for (int d = 0; d < shape.length; d++) {
      int n = size[d] == -1 ? shape[d] - begin[d] : size[d];
      if (begin[d] < 0 || n < 0 || begin[d] + n > shape[d]) {
        throw new IllegalArgumentException(
            "SLICE: begin "
                + Arrays.toString(begin)
                + " and size "
                + Arrays.toString(size)
                + " outside "
                + Arrays.toString(shape));
      }
      out[d] = n;
    }
    return out;
  }

  /** SLICE: the box of {@code outShape} at {@code begin}, row by innermost row. */
  public static void slice(Object in, int[] shape, int[] begin, int[] outShape, Object out, int w) {
    int rank = shape.length;
    if (rank == 0) {
      System.arraycopy(in, 0, out, 0, w);
      return;
    }
    int[] strides = strides(shape);
    int rows = Shapes.size(outShape) / Math.max(1, outShape[rank - 1]);
    int row = outShape[rank - 1] * w;
    if (Shapes.size(outShape) == 0) {
      return;
    }
    int[] index = new int[rank];
    for (int r = 0, o = 0; r < rows; r++, o += row) {
      int from = 0;
      for (int d = 0; d < rank; d++) {
        from += (begin[d] + index[d]) * strides[d];
      }
      System.arraycopy(in, from * w, out, o, row);
      for (int d = rank - 2; d >= 0; d--) {
        if (++index[d] < outShape[d]) {
          break;
        }
        index[d] = 0;
      }
    }
  }

  /**
   * Moves chunks between one whole tensor and its parts along {@code axis}: the whole has the
   * parts' sizes {@code sizes} stacked along the axis. {@code gather} true copies parts into the
   * whole (PACK, concatenation), false the whole into the parts (UNPACK, SPLIT).
   */
  public static void chunks(
      Object whole,
      Object[] parts,
      int[] wholeShape,
      int axis,
      int[] sizes,
      int w,
      boolean gather) {
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= wholeShape[d];
    }
    int inner = w;
    for (int d = axis + 1; d < wholeShape.length; d++) {
      inner *= wholeShape[d];
    }
    int at = 0;
    for (int o = 0; o < outer; o++) {
      for (int p = 0; p < parts.length; p++) {
        int n = sizes[p] * inner;
        if (gather) {
          System.arraycopy(parts[p], o * n, whole, at, n);
        } else {
          System.arraycopy(whole, at, parts[p], o * n, n);
        }
        at += n;
      }
    }
  }

  static int[] strides(int[] shape) {
    int[] strides = new int[shape.length];
    int stride = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
      strides[d] = stride;
      stride *= shape[d];
    }
    return strides;
  }
}
