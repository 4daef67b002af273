package io.edgeinfer.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a batch through a signature that declares a fixed batch size (a first dimension such as 1,
 * common in TF2 and TFLite exports) one declared batch at a time, so that callers can always send
 * many instances at once while the model only ever sees the shapes it declared.
 */
public final class FixedBatch {
  private FixedBatch() {}

  /** A predictor's raw call, before any splitting. */
  @FunctionalInterface
  public interface Call {
    Map<String, Tensor> predict(Map<String, Tensor> inputs) throws ModelException;
  }

  /**
   * Predicts {@code inputs}, split into the declared batch size when every input declares a fixed
   * first dimension B, all inputs hold the same N rows, and N is a multiple of B other than B;
   * otherwise the inputs go through unchanged (and are validated as they are).
   */
  public static Map<String, Tensor> predict(
      Signature signature, Map<String, Tensor> inputs, Call call) throws ModelException {
    int declared = declaredBatch(signature, inputs);
    if (declared <= 0) {
      return call.predict(inputs);
    }
    int rows = inputs.values().iterator().next().shape().dim(0);
    List<Map<String, Tensor>> results = new ArrayList<>();
    for (int from = 0; from < rows; from += declared) {
      Map<String, Tensor> chunk = new LinkedHashMap<>();
      for (Map.Entry<String, Tensor> entry : inputs.entrySet()) {
        chunk.put(entry.getKey(), entry.getValue().slice(from, from + declared));
      }
      results.add(call.predict(chunk));
    }
    return join(results, declared, rows);
  }

  /** The fixed batch size to split into, or 0 when the inputs should go through as they are. */
  private static int declaredBatch(Signature signature, Map<String, Tensor> inputs) {
    if (inputs.isEmpty() || inputs.size() != signature.inputs().size()) {
      return 0;
    }
    int declared = 0;
    int rows = -1;
    for (TensorSpec spec : signature.inputs()) {
      Tensor tensor = inputs.get(spec.name());
      if (tensor == null
          || spec.shape().isUnknownRank()
          || spec.shape().rank() == 0
          || tensor.shape().rank() != spec.shape().rank()
          || spec.shape().dim(0) <= 0) {
        return 0;
      }
      int b = spec.shape().dim(0);
      int n = tensor.shape().dim(0);
      if ((declared != 0 && b != declared) || (rows >= 0 && n != rows)) {
        return 0;
      }
      declared = b;
      rows = n;
    }
    return rows != declared && rows > 0 && rows % declared == 0 ? declared : 0;
  }

  private static Map<String, Tensor> join(
      List<Map<String, Tensor>> results, int declared, int rows) {
    Map<String, Tensor> joined = new LinkedHashMap<>();
    for (String name : results.get(0).keySet()) {
      List<Tensor> parts = new ArrayList<>(results.size());
      for (Map<String, Tensor> result : results) {
        Tensor part = result.get(name);
        if (part.shape().rank() == 0 || part.shape().dim(0) != declared) {
          throw new IllegalArgumentException(
              "expected a batch of "
                  + declared
                  + " (the model's fixed batch size), found "
                  + rows
                  + ": output '"
                  + name
                  + "' has shape "
                  + part.shape()
                  + " and cannot be joined");
        }
        parts.add(part);
      }
      joined.put(name, Tensor.concat(parts));
    }
    return joined;
  }
}
