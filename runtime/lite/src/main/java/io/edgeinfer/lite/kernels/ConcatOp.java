package io.edgeinfer.lite.kernels;

/**
 * A prepared CONCATENATION along one axis. Immutable and thread-safe; {@code run} allocates
 * nothing.
 *
 * @param <T> the array type of inputs and output ({@code float[]} or {@code byte[]})
 */
public interface ConcatOp<T> {
  /** The output shape: the inputs' shapes with the axis dimensions summed. */
  int[] outputShape(int[][] inputShapes);

  /** Copies the inputs, in order, into {@code output}. */
  void run(T[] inputs, int[][] inputShapes, T output);
}
