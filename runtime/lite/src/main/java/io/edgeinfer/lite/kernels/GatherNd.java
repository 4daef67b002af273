package io.edgeinfer.lite.kernels;

import java.util.Arrays;

/**
 * GATHER_ND as TFLite defines it: the last dimension of {@code indices} (K) holds coordinates into
 * the first K dimensions of {@code params}; each coordinate tuple picks the slice of params below
 * them. The output shape is {@code indices[:-1] + params[K:]}. Works on any array type (slices are
 * copied); a coordinate outside params is refused, never read.
 */
public final class GatherNd {
  private final String op;

  public GatherNd(String op) {
    this.op = op;
  }

  private int depth(int[] params, int[] indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException(op + ": expected indices of rank >= 1, found a scalar");
    }
    int k = indices[indices.length - 1];
    if (k > params.length) {
      throw new IllegalArgumentException(
          op
              + ": expected at most "
              + params.length
              + " coordinates per index (params "
              + Arrays.toString(params)
              + "), found "
              + k);
    }
    return k;
  }

  public int[] outputShape(int[] params, int[] indices) {
    int k = depth(params, indices);
    int[] out = new int[indices.length - 1 + params.length - k];
    System.arraycopy(indices, 0, out, 0, indices.length - 1);
    System.arraycopy(params, k, out, indices.length - 1, params.length - k);
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
    int k = depth(paramsShape, indicesShape);
    int slice = Gather.product(paramsShape, k, paramsShape.length) * width;
    int tuples = Gather.product(indicesShape, 0, indicesShape.length - 1);
    for (int t = 0; t < tuples; t++) {
      long at = 0;
      for (int d = 0; d < k; d++) {
        long c = coordinate(indices, t * k + d);
        if (c < 0 || c >= paramsShape[d]) {
          throw new IllegalArgumentException(
              op
                  + ": expected coordinate "
                  + d
                  + " of index "
                  + t
                  + " in [0, "
                  + paramsShape[d]
                  + "), found "
                  + c);
        }
        at = at * paramsShape[d] + c;
      }
      System.arraycopy(params, (int) (at * slice), out, t * slice, slice);
    }
  }

  private static long coordinate(Object indices, int at) {
    return indices instanceof int[] i ? i[at] : ((long[]) indices)[at];
  }
}
