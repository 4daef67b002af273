package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.ModelSummary;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.LiteOpCode;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect's view of .tflite files: runnable or not, Google's and the writer's. */
class LiteDescriptionTest {

  private static Path zoo(String name) {
    Path root = Path.of(System.getProperty("edgeinfer.shared", "../shared"));
    Path path = root.resolve("models").resolve("zoo").resolve(name);
    assumeTrue(Files.exists(path), "skipped: " + path + " is absent (the model zoo is not here)");
    return path;
  }

  private static Map<String, String> describe(Path file) throws Exception {
    ModelSummary summary = Engines.describe(file, null, LoadOptions.DEFAULTS);
    assertEquals("lite", summary.engine());
    return summary.metadata();
  }

  @Test
  void mobileNetShowsItsMetadataNormalizationLabelsAndArena() throws Exception {
    Map<String, String> m = describe(zoo("mobilenet_v1_0.25_224_1_metadata_1.tflite"));
    assertEquals("MobileNetV1 image classifier", m.get("tflite_metadata.name"));
    assertEquals("mean [127.5] std [127.5]", m.get("tflite_metadata.input.image.normalization"));
    assertEquals(
        "labels.txt (TENSOR_AXIS_LABELS, 1001 lines)",
        m.get("tflite_metadata.output.probability.files"));
    assertEquals("15 (v1)", m.get("op.CONV_2D"));
    assertEquals("13 (v1)", m.get("op.DEPTHWISE_CONV_2D"));
    assertEquals("88 tensors (float32 88), 31 operators", m.get("subgraph.0"));
    assertEquals("1404928", m.get("arena_bytes"));
    assertEquals("5657836", m.get("arena_bytes_one_array_per_tensor"));
    assertFalse(m.containsKey("not_runnable_here"), m.toString());
  }

  @Test
  void yamNetIsDescribedWithItsComplexTensors() throws Exception {
    ModelSummary summary =
        Engines.describe(
            zoo("yamnet_wavin_quantized_mel_relu6.tflite"), null, LoadOptions.DEFAULTS);
    Map<String, String> m = summary.metadata();
    assertEquals("2.5.0", m.get("min_runtime_version"));
    assertEquals(
        "'main': 121 tensors (complex64 2, float32 16, int32 42, int8 61), 47 operators",
        m.get("subgraph.0"));
    assertEquals("1 (v1)", m.get("op.RFFT2D"));
    assertEquals("waveform_binary", summary.signatures().get(0).inputs().get(0).name());
  }

  @Test
  void ssdWithItsCustomPostProcessingRunsAndGetsAnArena() throws Exception {
    Map<String, String> m = describe(zoo("ssd_mobilenet_v1.tflite"));
    assertFalse(m.containsKey("not_runnable_here"), m.toString());
    assertTrue(Long.parseLong(m.get("arena_bytes")) > 0, m.toString());
  }

  @Test
  void writerModelShowsOpsTypesAndArena(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mlp.tflite");
    TfliteWriter.write(TinyMlp.model(), file);
    Map<String, String> m = describe(file);
    assertEquals("'main': 7 tensors (float32 7), 2 operators", m.get("subgraph.0"));
    assertEquals("2 (v1)", m.get("op.FULLY_CONNECTED"));
    // h [1,3] has its own array; x [1,2] and y [1,1] take turns in one: 12 + 8 bytes.
    assertEquals("20", m.get("arena_bytes"));
    assertEquals("24", m.get("arena_bytes_one_array_per_tensor"));
  }

  @Test
  void unsupportedOperatorsAreListedOnceWithoutRefusingTheFile(@TempDir Path dir) throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 1, 4);
    int a = g.tensor("a", DataType.FLOAT32, 1, 4);
    int c = g.tensor("c", DataType.FLOAT32, 1, 4);
    int y = g.tensor("y", DataType.FLOAT32, 1, 4);
    g.operator(LiteOpCode.custom("Foo"), new OperatorOptions.None(), new int[] {x}, a);
    g.operator(BuiltinOperator.FLOOR, new OperatorOptions.None(), new int[] {a}, c);
    g.operator(BuiltinOperator.FLOOR, new OperatorOptions.None(), new int[] {c}, y);
    g.inputs(x).outputs(y);
    b.metadata("TFLITE_METADATA", LiteBuffer.of(new byte[] {8, 0, 0, 0, 'M', '0', '0', '1'}));
    Path file = dir.resolve("custom.tflite");
    TfliteWriter.write(b.build(), file);
    ModelSummary summary = Engines.describe(file, null, LoadOptions.DEFAULTS);
    Map<String, String> m = summary.metadata();
    assertEquals("CUSTOM 'Foo', FLOOR", m.get("not_runnable_here"));
    assertEquals("2 (v1)", m.get("op.FLOOR"));
    assertEquals("1 (v1)", m.get("op.CUSTOM 'Foo'"));
    assertEquals(Shape.of(1, 4), summary.signatures().get(0).inputs().get(0).shape());
    assertTrue(
        m.get("tflite_metadata.error").startsWith("TFLITE_METADATA: expected"), m.toString());
  }
}
