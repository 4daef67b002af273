package io.edgeinfer.lite.kernels;

/**
 * Elementwise int32 and int64 arithmetic with broadcasting: ADD, SUB, MUL (wrapping, as TFLite's
 * integer kernels), MAXIMUM, MINIMUM, FLOOR_MOD and FLOOR_DIV (rounding towards minus infinity), as
 * TFLite defines them; a zero divisor is refused.
 */
public enum IntMath {
  ADD,
  SUB,
  MUL,
  MAXIMUM,
  MINIMUM,
  FLOOR_MOD,
  FLOOR_DIV;

  public long apply(long a, long b) {
    return switch (this) {
      case ADD -> a + b;
      case SUB -> a - b;
      case MUL -> a * b;
      case MAXIMUM -> Math.max(a, b);
      case MINIMUM -> Math.min(a, b);
      case FLOOR_MOD -> {
        if (b == 0) {
          throw new IllegalArgumentException("FLOOR_MOD: expected a non-zero divisor, found 0");
        }
        long mod = a % b;
        yield mod != 0 && (b < 0) != (mod < 0) ? mod + b : mod;
      }
      case FLOOR_DIV -> {
        if (b == 0) {
          throw new IllegalArgumentException("FLOOR_DIV: expected a non-zero divisor, found 0");
        }
        yield Math.floorDiv(a, b);
      }
    };
  }

  public void run(int[] a, int[] sa, int[] b, int[] sb, int[] out, int[] outShape) {
    Broadcast.forEach(
        outShape, new int[][] {sa, sb}, (o, at) -> out[o] = (int) apply(a[at[0]], b[at[1]]));
  }

  public void run(long[] a, int[] sa, long[] b, int[] sb, long[] out, int[] outShape) {
    Broadcast.forEach(
        outShape, new int[][] {sa, sb}, (o, at) -> out[o] = apply(a[at[0]], b[at[1]]));
  }

  /** int8 (or held uint8) MAXIMUM and MINIMUM of equally quantized operands: on the raw values. */
  public void run(byte[] a, int[] sa, byte[] b, int[] sb, byte[] out, int[] outShape) {
    Broadcast.forEach(
        outShape, new int[][] {sa, sb}, (o, at) -> out[o] = (byte) apply(a[at[0]], b[at[1]]));
  }
}
