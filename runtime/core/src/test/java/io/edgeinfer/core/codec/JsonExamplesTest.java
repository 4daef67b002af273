package io.edgeinfer.core.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.core.codec.TfExampleEncoder.Feature;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonExamplesTest {
  private static final Signature REGRESS =
      new Signature(
          "regress",
          List.of(new TensorSpec("inputs", DataType.STRING, Shape.of(-1))),
          List.of(new TensorSpec("outputs", DataType.FLOAT32, Shape.of(-1, 1))));

  private static DecodedInput decode(String json, Signature signature) {
    return InputDecoder.decode(Format.JSON, json.getBytes(StandardCharsets.UTF_8), signature);
  }

  @Test
  void examplesBecomeSerializedTfExamples() {
    DecodedInput decoded =
        decode(
            "{\"signature_name\": \"regress\", \"examples\": [{\"x\": 1.5}, {\"x\": [2.0, 3e0],"
                + " \"id\": 7, \"tag\": \"a\"}]}",
            REGRESS);
    Tensor inputs = decoded.inputs().get("inputs");
    assertEquals(Shape.of(2), inputs.shape());
    assertEquals("regress", decoded.signatureName());
    assertArrayEquals(
        TfExampleEncoder.encode(Map.of("x", new Feature.Floats(new float[] {1.5f}))),
        inputs.strings().get(0));
    Map<String, Feature> second = new LinkedHashMap<>();
    second.put("x", new Feature.Floats(new float[] {2f, 3f}));
    second.put("id", new Feature.Int64s(new long[] {7}));
    second.put("tag", new Feature.Bytes(List.of("a".getBytes(StandardCharsets.UTF_8))));
    assertArrayEquals(TfExampleEncoder.encode(second), inputs.strings().get(1));
  }

  @Test
  void examplesNeedAStringInput() {
    Signature floats =
        new Signature("s", List.of(new TensorSpec("x", DataType.FLOAT32, Shape.of(-1))), List.of());
    MalformedInputException e =
        assertThrows(
            MalformedInputException.class, () -> decode("{\"examples\": [{\"x\": 1.0}]}", floats));
    assertEquals(
        "expected \"examples\" only for a signature that takes serialized tf.Example strings,"
            + " found input 'x' of float32 at line 1, column 14",
        e.getMessage());
  }

  @Test
  void mixedFeatureKindsAreRefused() {
    MalformedInputException e =
        assertThrows(
            MalformedInputException.class,
            () -> decode("{\"examples\": [{\"x\": [1.0, \"a\"]}]}", REGRESS));
    assertEquals(
        "feature 'x': expected values of one kind (floats, integers or strings) at line 1,"
            + " column 30",
        e.getMessage());
  }

  @Test
  void anIdIsKeptAsWritten() {
    Signature floats =
        new Signature("s", List.of(new TensorSpec("x", DataType.FLOAT32, Shape.of(-1))), List.of());
    assertEquals(
        RequestId.ofString("req-7"),
        decode("{\"id\": \"req-7\", \"instances\": [1]}", floats).id());
    assertEquals(
        RequestId.ofNumber("1e3"), decode("{\"instances\": [1], \"id\": 1e3}", floats).id());
    assertEquals(
        RequestId.ofString("42"), decode("{\"instances\": [1], \"id\": \"42\"}", floats).id());
    assertEquals(null, decode("[1]", floats).id());
    MalformedInputException e =
        assertThrows(
            MalformedInputException.class,
            () -> decode("{\"id\": [1], \"instances\": [1]}", floats));
    assertEquals(
        "expected a string or a number for \"id\", found a list at line 1, column 8",
        e.getMessage());
  }
}
