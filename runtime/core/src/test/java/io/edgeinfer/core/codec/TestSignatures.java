package io.edgeinfer.core.codec;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.TensorSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small signatures for the codec tests. */
final class TestSignatures {
  private TestSignatures() {}

  static TensorSpec spec(String name, DataType type, int... dims) {
    return new TensorSpec(name, type, Shape.of(dims));
  }

  static Signature inputs(TensorSpec... inputs) {
    return new Signature(Signature.DEFAULT_NAME, List.of(inputs), List.of());
  }

  static Signature one(String name, DataType type, int... dims) {
    return inputs(spec(name, type, dims));
  }

  static Signature outputs(TensorSpec... outputs) {
    return new Signature(Signature.DEFAULT_NAME, List.of(), List.of(outputs));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
