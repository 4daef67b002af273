package io.edgeinfer.examples.bench;

import io.edgeinfer.core.InputValidator;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Signatures;
import io.edgeinfer.core.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model in plain Java that answers with its input: same inputs as the model it stands beside
 * (e.g. {@code features} float [-1, 32]), and the same tensors back as outputs. Served through the
 * same pipeline, it costs everything a real relay costs — Paho, decoding, validation, batching,
 * encoding, publishing — except the inference.
 */
final class EchoModel implements Model {
  private final Signature signature;

  /** An echo of {@code like}'s inputs, under {@code like}'s signature name. */
  EchoModel(Signature like) {
    this.signature = new Signature(like.name(), like.inputs(), like.inputs());
  }

  Signature signature() {
    return signature;
  }

  @Override
  public Path path() {
    return Path.of("echo");
  }

  @Override
  public String engine() {
    return "java";
  }

  @Override
  public List<Signature> signatures() {
    return List.of(signature);
  }

  @Override
  public Map<String, String> metadata() {
    return Map.of();
  }

  @Override
  public Predictor predictor(String name) throws ModelException {
    Signatures.pick(signatures(), name);
    return new Predictor() {
      @Override
      public Signature signature() {
        return signature;
      }

      @Override
      public Map<String, Tensor> predict(Map<String, Tensor> inputs) {
        // The tensorflow engine validates too; so does the echo, to cost the same.
        InputValidator.validate(signature, inputs);
        return new LinkedHashMap<>(inputs);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}
}
