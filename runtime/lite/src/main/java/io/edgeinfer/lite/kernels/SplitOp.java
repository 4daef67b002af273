package io.edgeinfer.lite.kernels;

/**
 * An operation whose work is cut into units that can be computed apart, and so on several threads
 * at once: output rows, output pixels, output channels or elements, as the kernel chooses for the
 * input shape. A range of units reads what it needs of the input and writes only its own outputs,
 * with the arithmetic of a whole run, so any cut gives the same bits.
 */
public interface SplitOp<I, O> extends UnaryOp<I, O> {
  /** Units of one whole run for an input shape (at least 1). */
  int units(int[] inputShape);

  /**
   * The cost of one whole run, to judge whether splitting pays: its multiply-adds, or for kernels
   * that do none (copies, elementwise arithmetic), about as many as take the same time (see {@link
   * Work}).
   */
  long work(int[] inputShape);

  /** Computes units {@code [from, to)} only, with the calling thread's scratch. */
  void runUnits(I input, int[] inputShape, O output, Scratch scratch, int from, int to);

  @Override
  default void run(I input, int[] inputShape, O output, Scratch scratch) {
    runUnits(input, inputShape, output, scratch, 0, units(inputShape));
  }
}
