package io.edgeinfer.lite.kernels;

/**
 * A prepared elementwise operation on two operands that broadcast against each other as in NumPy
 * (dimensions aligned from the end; each equal or 1). Immutable and thread-safe; {@code run}
 * allocates nothing.
 *
 * @param <T> the array type of operands and output ({@code float[]} or {@code byte[]})
 */
public interface BinaryOp<T> {
  /** The output shape: the broadcast of the operand shapes. */
  default int[] outputShape(int[] aShape, int[] bShape) {
    return Shapes.broadcast(aShape, bShape);
  }

  /** Computes {@code output} (shape {@link #outputShape}) from {@code a} and {@code b}. */
  void run(T a, int[] aShape, T b, int[] bShape, T output);
}
