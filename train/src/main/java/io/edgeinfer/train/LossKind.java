package io.edgeinfer.train;

import java.util.Locale;

/**
 * The loss to minimise. Both cross-entropies compute the same number; they differ in how labels
 * reach the graph: class ids (sparse, one-hot encoded inside the graph, since TF Java 1.1.0 has no
 * gradient for the sparse op) or one-hot rows fed from Java.
 */
public enum LossKind {
  AUTO,
  SPARSE_CROSS_ENTROPY,
  CROSS_ENTROPY,
  MSE;

  public static LossKind parse(String text) {
    for (LossKind kind : values()) {
      if (kind.label().equals(text.toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "expected a loss of auto, sparse-cross-entropy, cross-entropy or mse, found '"
            + text
            + "'");
  }

  /** The loss {@code auto} stands for. */
  public LossKind resolve(Task task) {
    if (this != AUTO) {
      return this;
    }
    return task == Task.CLASSIFICATION ? SPARSE_CROSS_ENTROPY : MSE;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
