package io.edgeinfer.core;

import java.util.Objects;

/** The declared name, element type and shape of a model input or output. */
public record TensorSpec(String name, DataType dataType, Shape shape) {
  public TensorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataType, "dataType");
    Objects.requireNonNull(shape, "shape");
  }

  @Override
  public String toString() {
    return name + ": " + dataType.label() + " " + shape;
  }
}
