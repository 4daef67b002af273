package io.edgeinfer.lite.kernels;

/**
 * A prepared operation with one input and one output: weights repacked, multipliers and lookup
 * tables computed, once at load. Immutable and safe to share between threads; each thread brings
 * its own {@link Scratch}. {@code run} allocates nothing once the scratch has grown.
 *
 * <p>Arrays hold row-major (NHWC for images) data from index 0 and may be longer than the shape
 * needs, so an interpreter can reuse arena buffers.
 *
 * @param <I> the input array type ({@code float[]} or {@code byte[]})
 * @param <O> the output array type
 */
public interface UnaryOp<I, O> {
  /** The output shape for an input shape (at plan time; allocates). */
  int[] outputShape(int[] inputShape);

  /** Computes {@code output} from {@code input} of shape {@code inputShape}. */
  void run(I input, int[] inputShape, O output, Scratch scratch);
}
