package io.edgeinfer.lite.kernels;

/**
 * An operation whose output rows (NHWC: batch times output height) can be computed apart, and so on
 * several threads at once: a range of rows reads the whole input and writes only its own rows, with
 * the arithmetic of a whole run, so any split gives the same bits.
 */
public interface RowSplit<I, O> extends UnaryOp<I, O> {
  /** Output rows (batch times output height) for an input shape. */
  int rows(int[] inputShape);

  /** Multiply-adds of one whole run, to judge whether splitting pays. */
  long work(int[] inputShape);

  /** Computes output rows {@code [from, to)} only, with the calling thread's scratch. */
  void runRows(I input, int[] inputShape, O output, Scratch scratch, int from, int to);

  @Override
  default void run(I input, int[] inputShape, O output, Scratch scratch) {
    runRows(input, inputShape, output, scratch, 0, rows(inputShape));
  }
}
