package io.edgeinfer.core.codec;

import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Output tensors in the signature's order, and the batch they share. */
final class Outputs {
  private Outputs() {}

  /** The signature's outputs that are present, in its order, then any others it does not list. */
  static Map<String, Tensor> ordered(Map<String, Tensor> outputs, Signature signature) {
    Map<String, Tensor> ordered = new LinkedHashMap<>();
    for (TensorSpec spec : signature.outputs()) {
      Tensor tensor = outputs.get(spec.name());
      if (tensor != null) {
        ordered.put(spec.name(), tensor);
      }
    }
    outputs.forEach(ordered::putIfAbsent);
    return ordered;
  }

  /** The instances in a tensor: its first dimension, or 1 for a scalar. */
  static int instances(Tensor tensor) {
    return tensor.shape().rank() == 0 ? 1 : tensor.shape().dim(0);
  }

  /** Elements per instance: the product of the dimensions after the first. */
  static int instanceSize(Tensor tensor) {
    int[] dims = tensor.shape().dims();
    int size = 1;
    for (int i = 1; i < dims.length; i++) {
      size = Math.multiplyExact(size, dims[i]);
    }
    return size;
  }

  /** The batch all outputs share, for the forms that write one row per instance. */
  static int batch(Map<String, Tensor> ordered) {
    int batch = -1;
    String first = null;
    for (Map.Entry<String, Tensor> entry : ordered.entrySet()) {
      int instances = instances(entry.getValue());
      if (first == null) {
        batch = instances;
        first = entry.getKey();
      } else if (instances != batch) {
        throw new IllegalArgumentException(
            "expected every output to have a batch of "
                + batch
                + " like '"
                + first
                + "', found "
                + instances
                + " for '"
                + entry.getKey()
                + "': use the columnar form");
      }
    }
    return Math.max(batch, 0);
  }
}
