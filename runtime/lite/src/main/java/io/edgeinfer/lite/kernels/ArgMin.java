package io.edgeinfer.lite.kernels;

/**
 * ARG_MIN along one axis: the index of the smallest value, the first one on ties (as TFLite).
 * Quantized 8-bit values are compared raw (a positive scale keeps the order); output int32 or
 * int64.
 */
public final class ArgMin {
  private final ArgMax shape;
  private final int axis;

  public ArgMin(int axis) {
    this.shape = new ArgMax(axis);
    this.axis = axis;
  }

  public int[] outputShape(int[] in) {
    return shape.outputShape(in);
  }

  /**
   * @param input float[], byte[], int[] or long[]
   * @param output int[] or long[]
   */
  public void run(Object input, int[] in, Object output) {
    int a = axis < 0 ? axis + in.length : axis;
    int outer = Gather.product(in, 0, a);
    int inner = Gather.product(in, a + 1, in.length);
    int length = in[a];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * length * inner + i;
        int best = 0;
        for (int k = 1; k < length; k++) {
          if (value(input, base + k * inner) < value(input, base + best * inner)) {
            best = k;
          }
        }
        int at = o * inner + i;
        if (output instanceof int[] ints) {
          ints[at] = best;
        } else {
          ((long[]) output)[at] = best;
        }
      }
    }
  }

  private static double value(Object input, int i) {
    if (input instanceof float[] f) {
      return f[i];
    }
    if (input instanceof byte[] b) {
      return b[i];
    }
    if (input instanceof int[] n) {
      return n[i];
    }
    return ((long[]) input)[i];
  }
}
