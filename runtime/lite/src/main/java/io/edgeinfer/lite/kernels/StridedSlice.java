package io.edgeinfer.lite.kernels;

import java.util.Arrays;

/**
 * STRIDED_SLICE of any type, as TFLite defines it: begin, end and strides per axis; bit i of
 * begin_mask / end_mask ignores begin[i] / end[i] (the whole axis); shrink_axis_mask takes the one
 * element at begin[i] and drops the axis; an ellipsis stands for as many whole axes as the spec
 * leaves out; new_axis_mask inserts an axis of 1; {@code offset} makes end relative to begin.
 * Negative indices count from the end; out-of-range ones are clamped as TFLite clamps them.
 */
public final class StridedSlice {
  private final int[] begin;
  private final int[] end;
  private final int[] strides;
  private final int beginMask;
  private final int endMask;
  private final int ellipsisMask;
  private final int newAxisMask;
  private final int shrinkMask;
  private final boolean offset;

  public StridedSlice(
      int[] begin,
      int[] end,
      int[] strides,
      int beginMask,
      int endMask,
      int ellipsisMask,
      int newAxisMask,
      int shrinkMask,
      boolean offset) {
    if (begin.length != end.length || begin.length != strides.length) {
      throw new IllegalArgumentException(
          "expected begin, end and strides of one length, found "
              + begin.length
              + ", "
              + end.length
              + ", "
              + strides.length);
    }
    for (int s : strides) {
      if (s == 0) {
        throw new IllegalArgumentException("expected non-zero strides, found 0");
      }
    }
    if (Integer.bitCount(ellipsisMask & ((1 << begin.length) - 1)) > 1) {
      throw new IllegalArgumentException("expected at most one ellipsis");
    }
    this.begin = begin.clone();
    this.end = end.clone();
    this.strides = strides.clone();
    this.beginMask = beginMask;
    this.endMask = endMask;
    this.ellipsisMask = ellipsisMask;
    this.newAxisMask = newAxisMask;
    this.shrinkMask = shrinkMask;
    this.offset = offset;
  }

  /**
   * The slice along each input axis: start, stride and count; plus which output dims are kept.
   *
   * @param start first input index per input axis
   * @param step stride per input axis
   * @param count elements taken per input axis
   * @param outputShape the output's shape (new axes as 1, shrunk axes dropped)
   * @param inputShape the shape planned for
   * @param inputStrides elements between neighbours along each input axis
   */
  record Plan(
      int[] inputShape,
      int[] inputStrides,
      int[] start,
      int[] step,
      int[] count,
      int[] outputShape) {}

  /** The plan for the last input shape (plans are immutable; a stale read only replans). */
  private volatile Plan cached;

  Plan plan(int[] inputShape) {
    int rank = inputShape.length;
    int n = begin.length;
    int specAxes = 0; // spec entries that consume an input axis
    for (int i = 0; i < n; i++) {
      if (!bit(ellipsisMask, i) && !bit(newAxisMask, i)) {
        specAxes++;
      }
    }
    boolean hasEllipsis = Integer.bitCount(ellipsisMask & ((1 << n) - 1)) == 1;
    if (specAxes > rank) {
      throw new IllegalArgumentException(
          "expected at most " + rank + " sliced axes, found " + specAxes);
    }
    int[] start = new int[rank];
    int[] step = new int[rank];
    int[] count = new int[rank];
    int[] out = new int[rank + n];
    int outRank = 0;
    int axis = 0;
    for (int i = 0; i < n; i++) {
      if (bit(ellipsisMask, i)) {
        for (int k = 0; k < rank - specAxes; k++, axis++) {
          whole(inputShape, axis, start, step, count);
          out[outRank++] = count[axis];
        }
      } else if (bit(newAxisMask, i)) {
        out[outRank++] = 1;
      } else {
        slice(i, inputShape[axis], axis, start, step, count);
        if (!bit(shrinkMask, i)) {
          out[outRank++] = count[axis];
        }
        axis++;
      }
    }
    if (!hasEllipsis) {
      for (; axis < rank; axis++) {
        whole(inputShape, axis, start, step, count);
        out[outRank++] = count[axis];
      }
    }
    int[] inputStrides = new int[rank];
    for (int a = rank - 1, stride = 1; a >= 0; a--) {
      inputStrides[a] = stride;
      stride *= inputShape[a];
    }
    return new Plan(
        inputShape.clone(), inputStrides, start, step, count, Arrays.copyOf(out, outRank));
  }

  private static void whole(int[] shape, int axis, int[] start, int[] step, int[] count) {
    start[axis] = 0;
    step[axis] = 1;
    count[axis] = shape[axis];
  }

  private void slice(int i, int size, int axis, int[] start, int[] step, int[] count) {
    int stride = strides[i];
    int s = begin[i];
    if (s < 0) {
      s += size;
    }
    s = stride > 0 ? clamp(s, 0, size) : clamp(s, -1, size - 1);
    if (bit(beginMask, i)) {
      s = stride > 0 ? 0 : size - 1;
    }
    int e;
    if (bit(shrinkMask, i)) {
      e = s >= size ? s : s + 1;
      stride = 1;
    } else {
      e = end[i];
      if (offset) {
        e += s;
      }
      if (e < 0) {
        e += size;
      }
      e = stride > 0 ? clamp(e, 0, size) : clamp(e, -1, size - 1);
      if (bit(endMask, i)) {
        e = stride > 0 ? size : -1;
      }
    }
    int n = stride > 0 ? (e - s + stride - 1) / stride : (s - e - stride - 1) / -stride;
    start[axis] = s;
    step[axis] = stride;
    count[axis] = Math.max(0, n);
  }

  private static int clamp(int v, int lo, int hi) {
    return v < lo ? lo : (v > hi ? hi : v);
  }

  private static boolean bit(int mask, int i) {
    return (mask & (1 << i)) != 0;
  }

  public int[] outputShape(int[] inputShape) {
    return plan(inputShape).outputShape();
  }

  /** Copies the slice of {@code input} (any array type) into {@code output} of the same type. */
  public void run(Object input, int[] inputShape, Object output) {
    Plan p = cached;
    if (!Arrays.equals(p == null ? null : p.inputShape(), inputShape)) {
      p = plan(inputShape);
      cached = p;
    }
    int rank = inputShape.length;
    int total = 1;
    for (int c : p.count()) {
      total *= c;
    }
    for (int o = 0; o < total; o++) {
      int from = 0;
      int rest = o;
      for (int a = rank - 1; a >= 0; a--) {
        int count = p.count()[a];
        from += (p.start()[a] + rest % count * p.step()[a]) * p.inputStrides()[a];
        rest /= count;
      }
      System.arraycopy(input, from, output, o, 1);
    }
  }
}
