package io.edgeinfer.core;

import java.util.Map;

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

  @Override
  void close();
}
