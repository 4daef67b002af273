package io.edgeinfer.lite.format;

import java.util.Objects;

/**
 * A named input or output of a signature ({@code TensorMap}): the name users see, and the tensor of
 * the signature's subgraph it stands for.
 */
public record SignatureTensor(String name, int tensorIndex) {
  public SignatureTensor {
    Objects.requireNonNull(name, "name");
    if (tensorIndex < 0) {
      throw new IllegalArgumentException(
          "expected a tensor index >= 0, found " + Integer.toUnsignedString(tensorIndex));
    }
  }
}
