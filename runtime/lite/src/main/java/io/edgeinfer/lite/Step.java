package io.edgeinfer.lite;

import io.edgeinfer.lite.kernels.Scratch;

/**
 * One operator of a subgraph, prepared: how its output shape follows from its inputs' shapes (at
 * plan time), and how it runs on the plan's buffers (per inference, allocating nothing).
 *
 * @param op the operator's display name, for messages
 * @param inputs tensor indices it reads (activations only; weights live in the kernel)
 * @param output the tensor index it writes
 */
record Step(String op, int[] inputs, int output, Shaper shaper, Runner runner) {

  /** Computes the output shape from the shapes of every tensor planned so far. */
  @FunctionalInterface
  interface Shaper {
    int[] shape(int[][] shapes);
  }

  /** Runs the operator on the plan's buffers (float[] or byte[] per tensor). */
  @FunctionalInterface
  interface Runner {
    void run(Object[] buffers, int[][] shapes, Scratch scratch);
  }
}
