package io.edgeinfer.core;

import java.util.Map;

/**
 * Checks inputs against a signature before an engine sees them: engines such as TensorFlow do not
 * enforce declared shapes, and their errors name internal nodes rather than what the user sent.
 */
public final class InputValidator {
  private InputValidator() {}

  /**
   * @throws IllegalArgumentException naming what was expected and what was found
   */
  public static void validate(Signature signature, Map<String, Tensor> inputs) {
    for (String name : inputs.keySet()) {
      if (signature.input(name).isEmpty()) {
        throw new IllegalArgumentException(
            "unknown input '"
                + name
                + "' for signature '"
                + signature.name()
                + "': expected "
                + String.join(", ", signature.inputNames()));
      }
    }
    Integer batch = null;
    String batchInput = null;
    for (TensorSpec spec : signature.inputs()) {
      Tensor tensor = inputs.get(spec.name());
      if (tensor == null) {
        throw new IllegalArgumentException(
            "missing input '"
                + spec.name()
                + "' for signature '"
                + signature.name()
                + "': expected "
                + String.join(", ", signature.inputNames())
                + ", found "
                + (inputs.isEmpty() ? "none" : String.join(", ", inputs.keySet())));
      }
      if (tensor.dataType() != spec.dataType()) {
        throw new IllegalArgumentException(
            "input '"
                + spec.name()
                + "': expected "
                + spec.dataType().label()
                + ", found "
                + tensor.dataType().label());
      }
      if (!spec.shape().accepts(tensor.shape())) {
        throw new IllegalArgumentException(
            "input '"
                + spec.name()
                + "': expected shape "
                + spec.shape()
                + ", found "
                + tensor.shape());
      }
      boolean batched =
          !spec.shape().isUnknownRank()
              && spec.shape().rank() > 0
              && spec.shape().dim(0) == Shape.UNKNOWN;
      if (batched) {
        int rows = tensor.shape().dim(0);
        if (batch == null) {
          batch = rows;
          batchInput = spec.name();
        } else if (batch != rows) {
          throw new IllegalArgumentException(
              "input '"
                  + spec.name()
                  + "': expected a batch of "
                  + batch
                  + " like input '"
                  + batchInput
                  + "', found "
                  + rows);
        }
      }
    }
  }
}
