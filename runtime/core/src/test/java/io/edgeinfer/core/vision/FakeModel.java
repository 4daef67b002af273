package io.edgeinfer.core.vision;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorMetadata;
import io.edgeinfer.core.TensorSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A model and its predictor in one, whose outputs a function of the inputs gives: what the vision
 * pipeline sees of an engine, with the input it was fed kept for the test to read.
 */
final class FakeModel implements Model, Predictor {
  private final Signature signature;
  private final Function<Map<String, Tensor>, Map<String, Tensor>> outputs;
  private final Map<String, DataType> raw = new HashMap<>();
  private final Map<String, TensorMetadata> inputMetadata = new HashMap<>();
  private final Map<String, TensorMetadata> outputMetadata = new HashMap<>();
  private final Map<String, byte[]> packed = new HashMap<>();
  private final Map<String, String> metadata = new HashMap<>();
  Map<String, Tensor> lastInputs;

  FakeModel(
      List<TensorSpec> inputs,
      List<TensorSpec> outputSpecs,
      Function<Map<String, Tensor>, Map<String, Tensor>> outputs) {
    this.signature = new Signature(Signature.DEFAULT_NAME, inputs, outputSpecs);
    this.outputs = outputs;
  }

  /** An image input {@code [1, h, w, c]} of {@code type} named {@code image}. */
  static TensorSpec image(DataType type, int... dims) {
    return new TensorSpec("image", type, Shape.of(dims));
  }

  static TensorSpec output(String name, int... dims) {
    return new TensorSpec(name, DataType.FLOAT32, Shape.of(dims));
  }

  FakeModel rawInput(DataType type) {
    raw.put(signature.inputs().get(0).name(), type);
    return this;
  }

  FakeModel normalization(float mean, float std) {
    inputMetadata.put(
        signature.inputs().get(0).name(),
        new TensorMetadata("image", "", List.of(mean), List.of(std), List.of(), List.of()));
    return this;
  }

  FakeModel labels(String output, String file, String... lines) {
    outputMetadata.put(
        output, new TensorMetadata(output, "", List.of(), List.of(), List.of(file), List.of()));
    packed.put(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    return this;
  }

  FakeModel metadata(String key, String value) {
    metadata.put(key, value);
    return this;
  }

  @Override
  public Path path() {
    return Path.of("fake.tflite");
  }

  @Override
  public String engine() {
    return "fake";
  }

  @Override
  public List<Signature> signatures() {
    return List.of(signature);
  }

  @Override
  public Map<String, String> metadata() {
    return metadata;
  }

  @Override
  public Predictor predictor(String name) {
    return this;
  }

  @Override
  public Optional<TensorMetadata> inputMetadata(String sig, String input) {
    return Optional.ofNullable(inputMetadata.get(input));
  }

  @Override
  public Optional<TensorMetadata> outputMetadata(String sig, String output) {
    return Optional.ofNullable(outputMetadata.get(output));
  }

  @Override
  public Optional<byte[]> packedFile(String name) {
    return Optional.ofNullable(packed.get(name));
  }

  @Override
  public Signature signature() {
    return signature;
  }

  @Override
  public Map<String, Tensor> predict(Map<String, Tensor> inputs) {
    lastInputs = inputs;
    return outputs.apply(inputs);
  }

  @Override
  public Map<String, DataType> rawInputTypes() {
    return raw;
  }

  @Override
  public void close() {}
}
