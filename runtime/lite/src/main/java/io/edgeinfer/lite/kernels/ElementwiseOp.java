package io.edgeinfer.lite.kernels;

import java.lang.reflect.Array;

/** An operation that maps each input element to the output element at the same index. */
abstract class ElementwiseOp<I, O> implements UnaryOp<I, O> {
  @Override
  public int[] outputShape(int[] inputShape) {
    return inputShape.clone();
  }

  @Override
  public final void run(I input, int[] inputShape, O output, Scratch scratch) {
    int size = Shapes.size(inputShape);
    Shapes.checkLength("input", size, Array.getLength(input));
    Shapes.checkLength("output", size, Array.getLength(output));
    apply(input, output, size);
  }

  /** Computes the first {@code size} outputs. */
  abstract void apply(I input, O output, int size);
}
