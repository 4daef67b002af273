package io.edgeinfer.lite.kernels;

import java.util.Arrays;

/**
 * TRANSPOSE by a constant permutation (output axis {@code i} is input axis {@code perm[i]}), on
 * arrays of any element type. The output is written row by row along its innermost axis, each row
 * read from the input at that axis' stride; a row's start advances as an odometer, so a row costs
 * no division; rows shorter than {@link #SHORT_ROW} are copied a run of rows at a time ({@link
 * #shortRows}). Output rows can be computed apart ({@link SplitOp}).
 */
public final class Transpose implements SplitOp<Object, Object> {
  /** Rows shorter than this are copied by hand: a call of System.arraycopy costs more. */
  private static final int SHORT_ROW = 32;

  private final int[] perm;

  /**
   * @throws IllegalArgumentException unless {@code perm} is a permutation of its axes (negative
   *     axes count from the end)
   */
  public Transpose(int[] perm) {
    this.perm = normalized(perm, perm.length);
  }

  private static int[] normalized(int[] perm, int rank) {
    if (perm.length != rank) {
      throw new IllegalArgumentException(
          "TRANSPOSE: expected a permutation of " + rank + " axes, found " + Arrays.toString(perm));
    }
    int[] axes = new int[rank];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < rank; i++) {
      int axis = perm[i] < 0 ? perm[i] + rank : perm[i];
      if (axis < 0 || axis >= rank || seen[axis]) {
        throw new IllegalArgumentException(
            "TRANSPOSE: expected a permutation of "
                + rank
                + " axes, found "
                + Arrays.toString(perm));
      }
      seen[axis] = true;
      axes[i] = axis;
    }
    return axes;
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    normalized(perm, inputShape.length);
    int[] out = new int[inputShape.length];
    for (int i = 0; i < perm.length; i++) {
      out[i] = inputShape[perm[i]];
    }
    return out;
  }

  @Override
  public int units(int[] inputShape) {
    int rank = inputShape.length;
    if (rank == 0) {
      return 1;
    }
    int inner = inputShape[perm[rank - 1]];
    return inner == 0 ? 0 : Shapes.size(inputShape) / inner;
  }

  @Override
  public long work(int[] inputShape) {
    return (long) Shapes.size(inputShape) * Work.COPY;
  }

  @Override
  public void runUnits(
      Object input, int[] inputShape, Object output, Scratch scratch, int from, int to) {
    int rank = inputShape.length;
    if (rank != perm.length) {
      normalized(perm, rank); // throws, naming both
    }
    if (rank == 0) {
      System.arraycopy(input, 0, output, 0, 1);
      return;
    }
    // step[d]: the input stride of output axis d; size[d]: its length; at[d]: the coordinate.
    int[] work = scratch.ints(3, 3 * rank);
    int step = 0;
    int size = rank;
    int at = 2 * rank;
    int stride = 1;
    for (int d = rank - 1; d >= 0; d--) {
      work[at + d] = stride; // the input's own strides, for a moment
      stride *= inputShape[d];
    }
    for (int d = 0; d < rank; d++) {
      work[step + d] = work[at + perm[d]];
      work[size + d] = inputShape[perm[d]];
    }
    int inner = work[size + rank - 1];
    int innerStep = work[step + rank - 1];
    int rest = from;
    int base = 0;
    for (int d = rank - 2; d >= 0; d--) {
      work[at + d] = rest % work[size + d];
      rest /= work[size + d];
      base += work[at + d] * work[step + d];
    }
    if (rank >= 2 && inner < SHORT_ROW) {
      shortRows(input, output, work, rank, base, from, to);
      return;
    }
    for (int r = from; r < to; r++) {
      copy(input, base, innerStep, output, r * inner, inner);
      for (int d = rank - 2; d >= 0; d--) {
        base += work[step + d];
        if (++work[at + d] < work[size + d]) {
          break;
        }
        base -= work[step + d] * work[size + d];
        work[at + d] = 0;
      }
    }
  }

  /**
   * Rows {@code [from, to)} when rows are short (an image's channels, NCHW to NHWC): the rows along
   * the output's second innermost axis are copied together, a run of {@code m} rows as {@code
   * inner} strided copies of {@code m} elements each, so that a row costs no call and no odometer
   * step (MobileNet's 224 x 224 x 3 input: a call per 3 bytes took 200 us). {@code work} holds the
   * steps, sizes and coordinates of {@link #runUnits} at row {@code from}, whose input start is
   * {@code base}.
   */
  private static void shortRows(
      Object input, Object output, int[] work, int rank, int base, int from, int to) {
    int step = 0;
    int size = rank;
    int at = 2 * rank;
    int inner = work[size + rank - 1];
    int innerStep = work[step + rank - 1];
    int mid = rank - 2;
    int midSize = work[size + mid];
    int midStep = work[step + mid];
    for (int r = from; r < to; ) {
      int m = Math.min(to - r, midSize - work[at + mid]);
      run(input, base, innerStep, midStep, output, r * inner, inner, m);
      r += m;
      base += m * midStep;
      work[at + mid] += m;
      if (work[at + mid] == midSize) {
        base -= midStep * midSize;
        work[at + mid] = 0;
        for (int d = mid - 1; d >= 0; d--) {
          base += work[step + d];
          if (++work[at + d] < work[size + d]) {
            break;
          }
          base -= work[step + d] * work[size + d];
          work[at + d] = 0;
        }
      }
    }
  }

  /**
   * {@code out[to + j * n + k] = in[from + j * rowStep + k * step]} for {@code j < m}, {@code k <
   * n}: {@code m} rows of {@code n}, any primitive array type.
   */
  private static void run(
      Object in, int from, int step, int rowStep, Object out, int to, int n, int m) {
    if (in instanceof byte[] a) {
      byte[] b = (byte[]) out;
      for (int k = 0; k < n; k++) {
        for (int j = 0, src = from + k * step, dst = to + k; j < m; j++, src += rowStep, dst += n) {
          b[dst] = a[src];
        }
      }
    } else if (in instanceof float[] a) {
      float[] b = (float[]) out;
      for (int k = 0; k < n; k++) {
        for (int j = 0, src = from + k * step, dst = to + k; j < m; j++, src += rowStep, dst += n) {
          b[dst] = a[src];
        }
      }
    } else if (in instanceof int[] a) {
      int[] b = (int[]) out;
      for (int k = 0; k < n; k++) {
        for (int j = 0, src = from + k * step, dst = to + k; j < m; j++, src += rowStep, dst += n) {
          b[dst] = a[src];
        }
      }
    } else {
      for (int j = 0; j < m; j++) {
        copy(in, from + j * rowStep, step, out, to + j * n, n);
      }
    }
  }

  /** {@code out[to + k] = in[from + k * step]} for {@code k < n}, any primitive array type. */
  private static void copy(Object in, int from, int step, Object out, int to, int n) {
    if (step == 1 && n >= SHORT_ROW) {
      System.arraycopy(in, from, out, to, n);
    } else if (in instanceof byte[] a) {
      byte[] b = (byte[]) out;
      for (int k = 0; k < n; k++) {
        b[to + k] = a[from + k * step];
      }
    } else if (in instanceof float[] a) {
      float[] b = (float[]) out;
      for (int k = 0; k < n; k++) {
        b[to + k] = a[from + k * step];
      }
    } else if (in instanceof int[] a) {
      int[] b = (int[]) out;
      for (int k = 0; k < n; k++) {
        b[to + k] = a[from + k * step];
      }
    } else {
      for (int k = 0; k < n; k++) {
        System.arraycopy(in, from + k * step, out, to + k, 1);
      }
    }
  }
}
