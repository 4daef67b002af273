package io.edgeinfer.lite.kernels;

/**
 * ARG_MAX along one axis: the index of the largest value, the first one on ties (as TFLite). For
 * int8 inputs the raw integers are compared: dequantizing with a positive scale keeps the order.
 * Output indices are int32 or int64.
 */
public final class ArgMax {
  private final int axis;

  public ArgMax(int axis) {
    this.axis = axis;
  }

  private int resolve(int rank) {
    int resolved = axis < 0 ? axis + rank : axis;
    if (resolved < 0 || resolved >= rank) {
      throw new IllegalArgumentException(
          "expected an axis in [" + -rank + ", " + rank + "), found " + axis);
    }
    return resolved;
  }

  /** The input's shape without the reduced axis. */
  public int[] outputShape(int[] shape) {
    int a = resolve(shape.length);
    int[] out = new int[shape.length - 1];
    for (int d = 0, k = 0; d < shape.length; d++) {
      if (d != a) {
        out[k++] = shape[d];
      }
    }
    return out;
  }

  /**
   * @param input float[] or byte[]
   * @param output int[] or long[]
   */
  public void run(Object input, int[] shape, Object output) {
    int a = resolve(shape.length);
    int outer = 1;
    for (int d = 0; d < a; d++) {
      outer *= shape[d];
    }
    int inner = 1;
    for (int d = a + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    int length = shape[a];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int base = o * length * inner + i;
        int best = 0;
        for (int k = 1; k < length; k++) {
          if (value(input, base + k * inner) > value(input, base + best * inner)) {
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

  private static float value(Object input, int index) {
    return input instanceof float[] floats ? floats[index] : ((byte[]) input)[index];
  }
}
