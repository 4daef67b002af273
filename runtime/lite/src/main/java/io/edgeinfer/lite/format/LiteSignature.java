package io.edgeinfer.lite.format;

import java.util.List;
import java.util.Objects;

/**
 * A signature ({@code SignatureDef}): the SavedModel signature the model was converted from, with
 * its inputs and outputs named as in TensorFlow.
 *
 * @param key e.g. {@code serving_default}
 * @param subgraphIndex the subgraph that computes it
 */
public record LiteSignature(
    String key, int subgraphIndex, List<SignatureTensor> inputs, List<SignatureTensor> outputs) {
  public LiteSignature {
    Objects.requireNonNull(key, "key");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    if (subgraphIndex < 0) {
      throw new IllegalArgumentException(
          "expected a subgraph index >= 0, found " + Integer.toUnsignedString(subgraphIndex));
    }
  }
}
