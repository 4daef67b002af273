package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.kernels.Scratch;

/**
 * One operator of a subgraph, prepared: how its output shapes follow from its inputs' shapes (at
 * plan time), and how it runs on the plan's buffers (per inference, allocating nothing).
 *
 * @param op the operator's display name, for messages
 * @param inputs tensor indices it reads (activations only; weights live in the kernel)
 * @param outputs tensor indices it writes, in the operator's output order
 */
public record Step(String op, int[] inputs, int[] outputs, Shaper shaper, Runner runner) {

  /** A step with one output whose shape one function gives. */
  public static Step single(String op, int[] inputs, int output, SingleShaper shaper, Runner run) {
    return new Step(op, inputs, new int[] {output}, s -> new int[][] {shaper.shape(s)}, run);
  }

  /** Computes the output shapes (one per output) from the shapes of every tensor planned so far. */
  @FunctionalInterface
  public interface Shaper {
    int[][] shapes(int[][] shapes);

    /**
     * The same, also given the values known when planning ({@code known[t]}: a constant, or shape
     * arithmetic folded for the plan's input shapes; else null). A step whose output size depends
     * on such values (paddings computed from SHAPE) overrides this one.
     */
    default int[][] shapes(int[][] shapes, Object[] known) {
      return shapes(shapes);
    }
  }

  /** A shaper that needs the values of some inputs, known when planning. */
  @FunctionalInterface
  public interface ValueShaper extends Shaper {
    @Override
    int[][] shapes(int[][] shapes, Object[] known);

    @Override
    default int[][] shapes(int[][] shapes) {
      return shapes(shapes, new Object[shapes.length]);
    }
  }

  /** Computes the one output shape from the shapes of every tensor planned so far. */
  @FunctionalInterface
  public interface SingleShaper {
    int[] shape(int[][] shapes);
  }

  /**
   * Runs the operator on the plan's buffers: one Java array per tensor, of the kind {@link Buffers}
   * gives its type.
   */
  @FunctionalInterface
  public interface Runner {
    void run(Object[] buffers, int[][] shapes, Scratch scratch);
  }
}
