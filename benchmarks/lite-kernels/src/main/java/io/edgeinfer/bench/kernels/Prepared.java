package io.edgeinfer.bench.kernels;

import io.edgeinfer.lite.kernels.Scratch;
import io.edgeinfer.lite.kernels.UnaryOp;
import java.util.List;

/** A layer or a stack of layers, prepared by one kernel set and bound to its arrays and scratch. */
@FunctionalInterface
public interface Prepared {
  /** Runs once; returns the output array (JMH consumes it, so the work cannot be dropped). */
  Object run();

  /** One operation on one input. */
  static <I, O> Prepared single(UnaryOp<I, O> op, I input, int[] inputShape, O output) {
    Scratch scratch = new Scratch();
    return () -> {
      op.run(input, inputShape, output, scratch);
      return output;
    };
  }

  /**
   * Operations run in turn, each from {@code activations[l]} of shape {@code shapes[l]} into {@code
   * activations[l + 1]}; returns the last.
   */
  static <T> Prepared chain(List<UnaryOp<T, T>> ops, List<T> activations, int[][] shapes) {
    if (activations.size() != ops.size() + 1 || shapes.length != ops.size()) {
      throw new IllegalArgumentException(
          "expected one more activation than the "
              + ops.size()
              + " operations and one shape each, found "
              + activations.size()
              + " activations and "
              + shapes.length
              + " shapes");
    }
    Scratch scratch = new Scratch();
    int layers = ops.size();
    return () -> {
      for (int l = 0; l < layers; l++) {
        ops.get(l).run(activations.get(l), shapes[l], activations.get(l + 1), scratch);
      }
      return activations.get(layers);
    };
  }
}
