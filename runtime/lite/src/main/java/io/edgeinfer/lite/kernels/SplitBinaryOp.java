package io.edgeinfer.lite.kernels;

/**
 * A {@link BinaryOp} whose output elements can be computed apart, and so on several threads at
 * once, for the broadcasts it runs as flat loops (same shapes, a scalar, a per-channel vector). A
 * range of elements gives the bits of a whole run.
 */
public interface SplitBinaryOp<T> extends BinaryOp<T> {
  /** Output elements when the operands' broadcast splits, else 1 (run whole). */
  int units(int[] aShape, int[] bShape);

  /** Computes units {@code [from, to)} of the output only. */
  void runUnits(T a, int[] aShape, T b, int[] bShape, T output, int from, int to);
}
