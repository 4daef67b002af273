package io.edgeinfer.lite.kernels;

import java.util.Arrays;

/**
 * Shape arithmetic shared by the kernels and the planner: element counts, NumPy-style broadcasting
 * (as TFLite's {@code CalculateShapeForBroadcast}), reductions and argument checks.
 */
public final class Shapes {
  private Shapes() {}

  /** The number of elements (1 for a scalar). */
  public static int size(int[] shape) {
    long size = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException(
            "expected dimensions >= 0, found " + Arrays.toString(shape));
      }
      size *= d;
      if (size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "expected fewer than 2^31 elements, found " + Arrays.toString(shape));
      }
    }
    return (int) size;
  }

  /** The shape two broadcast operands produce; dimensions must match or be 1. */
  public static int[] broadcast(int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int axis = 0; axis < rank; axis++) {
      int da = dim(a, rank, axis);
      int db = dim(b, rank, axis);
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException(
            "expected broadcastable shapes, found "
                + Arrays.toString(a)
                + " and "
                + Arrays.toString(b));
      }
      out[axis] = da == 1 ? db : da;
    }
    return out;
  }

  /**
   * The shape of a reduction over {@code axes} (negative axes count from the end; repeats are
   * ignored), as TFLite's MEAN computes it.
   */
  public static int[] reduce(int[] shape, int[] axes, boolean keepDims) {
    int reduced = reducedAxes(shape.length, axes);
    int[] out = new int[keepDims ? shape.length : shape.length - Integer.bitCount(reduced)];
    for (int axis = 0, o = 0; axis < shape.length; axis++) {
      boolean isReduced = (reduced & (1 << axis)) != 0;
      if (keepDims) {
        out[axis] = isReduced ? 1 : shape[axis];
      } else if (!isReduced) {
        out[o++] = shape[axis];
      }
    }
    return out;
  }

  /** The axes of a rank-{@code rank} shape that {@code axes} reduce, as a bit mask. */
  static int reducedAxes(int rank, int[] axes) {
    if (rank > 31) {
      throw new IllegalArgumentException("expected a rank below 32, found " + rank);
    }
    int reduced = 0;
    for (int axis : axes) {
      int resolved = axis < 0 ? axis + rank : axis;
      if (resolved < 0 || resolved >= rank) {
        throw new IllegalArgumentException(
            "expected axes in [" + -rank + ", " + rank + "), found " + Arrays.toString(axes));
      }
      reduced |= 1 << resolved;
    }
    return reduced;
  }

  /** Dimension {@code axis} of {@code shape} seen as rank {@code rank} (leading 1s added). */
  static int dim(int[] shape, int rank, int axis) {
    int i = axis - (rank - shape.length);
    return i < 0 ? 1 : shape[i];
  }

  static void checkRank(String what, int[] shape, int rank) {
    if (shape.length != rank) {
      throw new IllegalArgumentException(
          "expected a rank-" + rank + " " + what + ", found " + Arrays.toString(shape));
    }
  }

  /** An array must hold at least {@code needed} elements (arena buffers may be longer). */
  static void checkLength(String what, int needed, int length) {
    if (length < needed) {
      throw new IllegalArgumentException(
          "expected at least " + needed + " elements in the " + what + ", found " + length);
    }
  }

  static void checkEqual(String what, int expected, int found) {
    if (expected != found) {
      throw new IllegalArgumentException("expected " + what + " " + expected + ", found " + found);
    }
  }
}
