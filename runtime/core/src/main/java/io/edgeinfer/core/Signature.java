package io.edgeinfer.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named entry point of a model: its inputs and outputs, in the model's order. {@code method} is
 * the SavedModel method name (e.g. {@code tensorflow/serving/predict}) when the format has one.
 */
public record Signature(
    String name, List<TensorSpec> inputs, List<TensorSpec> outputs, String method) {

  /** The signature a model is served under unless another is named. */
  public static final String DEFAULT_NAME = "serving_default";

  public Signature {
    Objects.requireNonNull(name, "name");
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    method = method == null ? "" : method;
  }

  public Signature(String name, List<TensorSpec> inputs, List<TensorSpec> outputs) {
    this(name, inputs, outputs, "");
  }

  public Optional<TensorSpec> input(String inputName) {
    return inputs.stream().filter(s -> s.name().equals(inputName)).findFirst();
  }

  public Optional<TensorSpec> output(String outputName) {
    return outputs.stream().filter(s -> s.name().equals(outputName)).findFirst();
  }

  public List<String> inputNames() {
    return names(inputs);
  }

  public List<String> outputNames() {
    return names(outputs);
  }

  private static List<String> names(List<TensorSpec> specs) {
    List<String> names = new ArrayList<>(specs.size());
    for (TensorSpec spec : specs) {
      names.add(spec.name());
    }
    return names;
  }
}
