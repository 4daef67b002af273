package io.edgeinfer.core;

import java.util.Map;
import java.util.Optional;

/**
 * Runs one signature of a loaded model. Inputs are batched along their first dimension; outputs
 * come back in the same batch order. Closing releases whatever the engine holds for it.
 */
public interface Predictor extends AutoCloseable {
  Signature signature();

  /**
   * Predicts for a batch.
   *
   * @throws IllegalArgumentException when the inputs do not match the signature (a name, a type or
   *     a shape), saying what was expected and what was found
   * @throws ModelException when the engine fails to run the model
   */
  Map<String, Tensor> predict(Map<String, Tensor> inputs) throws ModelException;

  /**
   * Inputs this predictor also takes as raw integers, by name, with the type they must have: a
   * quantized input of a {@code .tflite} model, float32 in the signature, accepts its own int8,
   * uint8 or int16 values as they are (no quantization). Empty for most predictors.
   */
  default Map<String, DataType> rawInputTypes() {
    return Map.of();
  }

  /**
   * Binds a call to fixed input shapes (by input name), for callers that run the same shapes many
   * times from their own arrays (see {@link BoundCall}).
   *
   * @throws IllegalArgumentException when a shape is missing or does not match the signature
   * @throws UnsupportedOperationException when the engine has no bound calls
   * @throws ModelException when the engine cannot plan the model for these shapes
   */
  default BoundCall bind(Map<String, Shape> inputShapes) throws ModelException {
    throw new UnsupportedOperationException(
        "expected an engine with bound calls (lite), found one without");
  }

  /** Per-operator timing, for engines that run operators one by one; else empty. */
  default Optional<OpTimer> opTimer() {
    return Optional.empty();
  }

  @Override
  void close();
}
