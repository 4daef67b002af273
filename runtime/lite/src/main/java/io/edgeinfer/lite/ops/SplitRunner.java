package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.kernels.Scratch;

/**
 * A step's runner whose work is cut into units that can be computed apart (a {@link
 * io.edgeinfer.lite.kernels.SplitOp}'s, or a step's own: elements of an ADD), so that several
 * threads can share one step. Any cut gives the bits of a whole run.
 */
public interface SplitRunner extends Step.Runner {
  /** Units of the step for the planned shapes (at least 1). */
  int units(int[][] shapes);

  /** Its cost in multiply-adds of a 1x1 convolution ({@link io.edgeinfer.lite.kernels.Work}). */
  long work(int[][] shapes);

  /** Computes units {@code [from, to)} only, with the calling thread's scratch. */
  void runUnits(Object[] buffers, int[][] shapes, Scratch scratch, int from, int to);

  @Override
  default void run(Object[] buffers, int[][] shapes, Scratch scratch) {
    runUnits(buffers, shapes, scratch, 0, units(shapes));
  }
}
