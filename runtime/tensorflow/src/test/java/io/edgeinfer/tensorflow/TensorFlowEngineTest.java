package io.edgeinfer.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.MalformedModelException;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.tensorflow.testing.TestSavedModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorFlowEngineTest {
  @TempDir static Path dir;
  static Model affine;

  @BeforeAll
  static void load() throws Exception {
    affine = Engines.load(TestSavedModels.affine(dir.resolve("affine")), LoadOptions.DEFAULTS);
  }

  @AfterAll
  static void close() {
    affine.close();
  }

  @Test
  void listsEverySignatureWithTypesAndShapes() {
    assertEquals("tensorflow", affine.engine());
    List<Signature> signatures = affine.signatures();
    assertEquals(
        List.of("double", "serving_default"), signatures.stream().map(Signature::name).toList());
    Signature serving = signatures.get(1);
    assertEquals(List.of(new TensorSpec("x", DataType.FLOAT32, Shape.of(-1, 3))), serving.inputs());
    assertEquals(
        List.of(
            new TensorSpec("total", DataType.FLOAT32, Shape.of(-1)),
            new TensorSpec("y", DataType.FLOAT32, Shape.of(-1, 2))),
        serving.outputs());
    assertEquals("x:0", affine.metadata().get("graph_name.serving_default.input.x"));
  }

  @Test
  void predictsKnownValuesForABatch() throws ModelException {
    try (Predictor predictor = affine.predictor()) {
      Map<String, Tensor> out =
          predictor.predict(Map.of("x", Tensor.ofFloats(new float[][] {{1, 0, 0}, {1, 1, 1}})));
      assertArrayEquals(new float[] {1.5f, 1f, 9.5f, 11f}, out.get("y").toFloatArray());
      assertEquals(Shape.of(2, 2), out.get("y").shape());
      assertArrayEquals(new float[] {2.5f, 20.5f}, out.get("total").toFloatArray());
    }
  }

  @Test
  void runsANamedSignature() throws ModelException {
    try (Predictor predictor = affine.predictor("double")) {
      Map<String, Tensor> out =
          predictor.predict(Map.of("x", Tensor.ofFloats(new float[][] {{1, -2, 3.5f}})));
      assertArrayEquals(new float[] {2, -4, 7}, out.get("z").toFloatArray());
    }
  }

  @Test
  void unknownSignatureListsTheAvailableOnes() {
    ModelException e = assertThrows(ModelException.class, () -> affine.predictor("predict"));
    assertEquals(
        "unknown signature 'predict': expected one of double, serving_default", e.getMessage());
  }

  @Test
  void checksInputsBeforeTensorFlowSeesThem() throws ModelException {
    try (Predictor predictor = affine.predictor()) {
      IllegalArgumentException wrongShape =
          assertThrows(
              IllegalArgumentException.class,
              () -> predictor.predict(Map.of("x", Tensor.ofFloats(new float[] {1, 2}, 1, 2))));
      assertEquals("input 'x': expected shape [-1, 3], found [1, 2]", wrongShape.getMessage());
      IllegalArgumentException wrongType =
          assertThrows(
              IllegalArgumentException.class,
              () -> predictor.predict(Map.of("x", Tensor.ofInts(new int[] {1, 2, 3}, 1, 3))));
      assertEquals("input 'x': expected float32, found int32", wrongType.getMessage());
      IllegalArgumentException wrongName =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  predictor.predict(Map.of("input", Tensor.ofFloats(new float[] {1, 2, 3}, 1, 3))));
      assertEquals(
          "unknown input 'input' for signature 'serving_default': expected x",
          wrongName.getMessage());
    }
  }

  @Test
  void feedsStringsAsBytesAndInt64Exactly() throws Exception {
    try (Model model =
            Engines.load(TestSavedModels.strings(dir.resolve("strings")), LoadOptions.DEFAULTS);
        Predictor predictor = model.predictor()) {
      Map<String, Tensor> out =
          predictor.predict(
              Map.of(
                  "text",
                  Tensor.ofStrings(
                      List.of("héllo".getBytes(StandardCharsets.UTF_8), new byte[] {0, 1, 2}), 2),
                  "count",
                  Tensor.ofLongs(new long[] {9007199254740993L, -1}, 2)));
      assertEquals(DataType.INT32, out.get("length").dataType());
      assertEquals(6, out.get("length").getLong(0));
      assertEquals(3, out.get("length").getLong(1));
      assertEquals(9007199254740994L, out.get("next").getLong(0));
      assertEquals(0, out.get("next").getLong(1));
      IllegalArgumentException ragged =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  predictor.predict(
                      Map.of(
                          "text", Tensor.ofStrings(List.of(new byte[] {1}), 1),
                          "count", Tensor.ofLongs(new long[] {1, 2}, 2))));
      assertEquals(
          "input 'text': expected a batch of 2 like input 'count', found 1", ragged.getMessage());
    }
  }

  @Test
  void truncatedSavedModelIsMalformed() throws IOException {
    Path copy = TestSavedModels.affine(dir.resolve("truncated"));
    Path pb = copy.resolve("saved_model.pb");
    byte[] bytes = Files.readAllBytes(pb);
    Files.write(pb, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    MalformedModelException e =
        assertThrows(MalformedModelException.class, () -> Engines.load(copy, LoadOptions.DEFAULTS));
    assertTrue(e.getMessage().startsWith("truncated or corrupted " + pb), e.getMessage());
  }

  @Test
  void aFolderThatIsNotASavedModelIsRefused() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    MalformedModelException e =
        assertThrows(
            MalformedModelException.class, () -> Engines.load(empty, LoadOptions.DEFAULTS));
    assertEquals(
        "expected a SavedModel directory (with saved_model.pb), found a directory that is neither: "
            + empty,
        e.getMessage());
  }

  @Test
  void aMissingPathIsNamed() {
    Path missing = dir.resolve("nope");
    ModelException e =
        assertThrows(ModelException.class, () -> Engines.load(missing, LoadOptions.DEFAULTS));
    assertEquals("no such file or directory: " + missing, e.getMessage());
  }

  @Test
  void anUnknownTagSetListsTheTagSetsThere() throws IOException {
    Path path = dir.resolve("affine");
    ModelException e =
        assertThrows(
            ModelException.class,
            () -> Engines.load(path, new LoadOptions(1, 1, java.util.Set.of("gpu"))));
    assertEquals(
        "no meta graph tagged [gpu] in " + path + ": expected one of the tag sets [[serve]]",
        e.getMessage());
  }

  @Test
  void aClosedModelRefusesToPredict() throws Exception {
    Model model = Engines.load(dir.resolve("affine"), LoadOptions.DEFAULTS);
    Predictor predictor = model.predictor();
    model.close();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> predictor.predict(Map.of("x", Tensor.ofFloats(new float[] {1, 2, 3}, 1, 3))));
    assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
  }
}
