package io.edgeinfer.lite.kernels;

/**
 * LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, EQUAL and NOT_EQUAL with broadcasting, to bool. int8
 * (and held uint8) operands must share their quantization, so the raw values order as the real ones
 * do.
 */
public enum Comparison {
  LESS,
  LESS_EQUAL,
  GREATER,
  GREATER_EQUAL,
  EQUAL,
  NOT_EQUAL;

  /** Whether the comparison holds for operands whose order is {@code order} (as compareTo). */
  public boolean holds(int order) {
    return switch (this) {
      case LESS -> order < 0;
      case LESS_EQUAL -> order <= 0;
      case GREATER -> order > 0;
      case GREATER_EQUAL -> order >= 0;
      case EQUAL -> order == 0;
      case NOT_EQUAL -> order != 0;
    };
  }

  /** Float comparisons as C's operators, so NaN is unequal to everything. */
  private boolean test(float a, float b) {
    return switch (this) {
      case LESS -> a < b;
      case LESS_EQUAL -> a <= b;
      case GREATER -> a > b;
      case GREATER_EQUAL -> a >= b;
      case EQUAL -> a == b;
      case NOT_EQUAL -> a != b;
    };
  }

  /** Compares arrays of one kind: float[], byte[], short[], int[], long[] or boolean[]. */
  public void run(Object a, int[] sa, Object b, int[] sb, boolean[] out, int[] outShape) {
    int[][] shapes = {sa, sb};
    if (a instanceof float[] fa) {
      float[] fb = (float[]) b;
      Broadcast.forEach(outShape, shapes, (o, at) -> out[o] = test(fa[at[0]], fb[at[1]]));
    } else if (a instanceof long[] la) {
      long[] lb = (long[]) b;
      Broadcast.forEach(
          outShape, shapes, (o, at) -> out[o] = holds(Long.compare(la[at[0]], lb[at[1]])));
    } else {
      Broadcast.forEach(
          outShape,
          shapes,
          (o, at) -> out[o] = holds(Long.compare(value(a, at[0]), value(b, at[1]))));
    }
  }

  private static long value(Object array, int i) {
    if (array instanceof int[] v) {
      return v[i];
    }
    if (array instanceof byte[] v) {
      return v[i];
    }
    if (array instanceof short[] v) {
      return v[i];
    }
    return ((boolean[]) array)[i] ? 1 : 0;
  }
}
