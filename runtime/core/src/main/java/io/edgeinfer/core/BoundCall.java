package io.edgeinfer.core;

/**
 * A prediction bound once to fixed input shapes and to the caller's own float arrays ({@link
 * Predictor#bind}): each {@link #run} reads the inputs from those arrays and writes the outputs
 * into them, with no lookup by name, no tensor and nothing allocated. For the smallest models the
 * call then costs little more than the arithmetic.
 *
 * <p>An array is used in place, without a copy, when it fits the tensor: the engine holds the
 * tensor as float32 and the array has exactly its element count. A quantized tensor is converted
 * from or into the array at each run. The engine's kernels read the input arrays during a run, so
 * fill them before calling {@link #run} and leave them alone until it returns. Not thread-safe: one
 * bound call per thread.
 */
public interface BoundCall extends AutoCloseable {
  /**
   * Takes {@code values} as the input {@code name} from now on.
   *
   * @throws IllegalArgumentException for an unknown name, a tensor that is neither float32 nor
   *     quantized, or an array whose length is not the input's element count
   */
  BoundCall input(String name, float[] values);

  /**
   * Takes {@code values} for the output {@code name}: each run leaves that output there. Outputs
   * left unbound are not read, and an engine may skip what only they need.
   *
   * @throws IllegalArgumentException for an unknown name, a tensor that is neither float32 nor
   *     quantized, or an array whose length is not the output's element count
   */
  BoundCall output(String name, float[] values);

  /**
   * The shape of the output {@code name} under the bound input shapes (to size its array).
   *
   * @throws IllegalArgumentException for an unknown name
   */
  Shape outputShape(String name);

  /**
   * Runs the model once on the bound arrays.
   *
   * @throws IllegalStateException when an input has no array yet
   * @throws ModelException when the engine fails to run the model
   */
  void run() throws ModelException;

  @Override
  void close();
}
