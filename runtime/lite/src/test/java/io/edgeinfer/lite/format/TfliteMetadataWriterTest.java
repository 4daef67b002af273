package io.edgeinfer.lite.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelCard;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.LiteEngine;
import io.edgeinfer.lite.conformance.TensorFlowLite;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TFLite's standard metadata as edgeinfer writes it: read back by our reader, by java.util.zip (the
 * label file), by our engine (class labels), by TensorFlow Lite 2.6.2 (the model still runs), and
 * Google's own file read by the same code.
 */
class TfliteMetadataWriterTest {
  private static final List<String> LABELS = List.of("cat", "dog", "bird");

  private static final TfliteMetadata METADATA =
      new TfliteMetadata(
          "three scores",
          "x times W plus b",
          "1.2",
          "edgeinfer test",
          "Apache-2.0",
          "1.0.0",
          List.of(
              new TfliteMetadata.TensorInfo(
                  "features", "two numbers", List.of(0.5f, 1f), List.of(2f, 4f), List.of())),
          List.of(
              new TfliteMetadata.TensorInfo(
                  "scores",
                  "one per class",
                  List.of(),
                  List.of(),
                  List.of(
                      new TfliteMetadata.AssociatedFile(
                          "labels.txt", "class names", "TENSOR_AXIS_LABELS")))),
          List.of(new TfliteMetadata.AssociatedFile("notes.txt", "", "DESCRIPTIONS")));

  /** One FULLY_CONNECTED: [x0, x1] -> [x0, x1, x0 + x1 + 0.5]. */
  private static LiteModel scores() {
    LiteModelBuilder builder = new LiteModelBuilder().description("metadata test");
    LiteModelBuilder.Graph g = builder.graph("main");
    int x = g.tensor("features", DataType.FLOAT32, -1, 2);
    int w =
        g.constant("w", DataType.FLOAT32, Shape.of(3, 2), LiteBuffer.ofFloats(1, 0, 0, 1, 1, 1));
    int b = g.constant("b", DataType.FLOAT32, Shape.of(3), LiteBuffer.ofFloats(0, 0, 0.5f));
    int y = g.tensor("scores", DataType.FLOAT32, -1, 3);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {x, w, b},
        y);
    g.inputs(x).outputs(y);
    builder.signature("serving_default", g, Map.of("features", x), Map.of("scores", y));
    return OpVersions.apply(builder.build());
  }

  private static Path written(Path dir) throws Exception {
    Path file = dir.resolve("scores.tflite");
    TfliteWriter.write(
        TfliteMetadataWriter.attach(scores(), METADATA),
        Map.of(
            "labels.txt", "cat\ndog\nbird\n".getBytes(StandardCharsets.UTF_8),
            "notes.txt", "made for a test".getBytes(StandardCharsets.UTF_8)),
        file);
    return file;
  }

  @Test
  void ourReaderReadsBackWhatWasWritten() throws Exception {
    byte[] bytes = TfliteMetadataWriter.toBytes(METADATA);
    assertEquals("M001", new String(bytes, 4, 4, StandardCharsets.US_ASCII));
    assertEquals(METADATA, TfliteMetadata.read(ByteBuffer.wrap(bytes)));
  }

  @Test
  void theFileIsTheModelThenAZipThatJavaFindsTheLabelsIn(@TempDir Path dir) throws Exception {
    Path file = written(dir);
    byte[] model = TfliteWriter.toBytes(TfliteMetadataWriter.attach(scores(), METADATA));
    byte[] all = Files.readAllBytes(file);
    // The model's bytes come first, unchanged; the zip follows.
    assertArrayEquals(model, java.util.Arrays.copyOf(all, model.length));
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry labels = zip.getEntry("labels.txt");
      assertEquals(ZipEntry.STORED, labels.getMethod());
      assertEquals(
          "cat\ndog\nbird\n",
          new String(zip.getInputStream(labels).readAllBytes(), StandardCharsets.UTF_8));
      assertEquals(2, zip.size());
    }
    // Per entry 30 + 46 bytes of headers, its name twice and its bytes; 22 of directory end.
    long zipBytes = 2 * (30 + 46) + 2 * ("labels.txt".length() + "notes.txt".length()) + 13 + 15;
    zipBytes += 22;
    assertEquals(model.length + zipBytes, all.length);
    assertEquals(Map.of("labels.txt", 3L, "notes.txt", 1L), PackedFiles.lineCounts(file));
    LiteModel read = TfliteFile.open(file);
    assertEquals(METADATA, TfliteMetadata.read(read.metadata(TfliteMetadata.ENTRY).orElseThrow()));
    assertEquals(LABELS, MetadataLabels.read(read, file));
  }

  @Test
  void theEngineNamesTheClassesFromTheStandardMetadata(@TempDir Path dir) throws Exception {
    try (Model model = new LiteEngine().load(written(dir), LoadOptions.DEFAULTS)) {
      assertEquals(LABELS, ModelCard.of(model).orElseThrow().classLabels());
    }
  }

  @Test
  void tensorFlowLiteRunsTheFileUnchanged(@TempDir Path dir) throws Exception {
    TensorFlowLite.require();
    ByteBuffer in = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    in.putFloat(1).putFloat(2).putFloat(-3).putFloat(0.25f);
    byte[][] out = TensorFlowLite.run(written(dir), in.array(), new int[] {2, 2});
    float[] scores = new float[6];
    ByteBuffer.wrap(out[0]).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(scores);
    assertArrayEquals(new float[] {1, 2, 3.5f, -3, 0.25f, -2.25f}, scores);
  }

  @Test
  void googlesFileIsReadByTheSameCode() throws Exception {
    Path root = Path.of(System.getProperty("edgeinfer.shared", "../shared"));
    Path file = root.resolve("models/zoo/mobilenet_v1_0.25_224_1_metadata_1.tflite");
    assumeTrue(Files.exists(file), "skipped: " + file + " is absent (the team's shared zoo)");
    LiteModel model = TfliteFile.open(file);
    TfliteMetadata metadata =
        TfliteMetadata.read(model.metadata(TfliteMetadata.ENTRY).orElseThrow());
    assertEquals("MobileNetV1 image classifier", metadata.name());
    assertEquals(List.of(127.5f), metadata.inputs().get(0).mean());
    assertEquals("labels.txt", metadata.axisLabelsFile().orElseThrow());
    List<String> labels = MetadataLabels.read(model, file);
    assertEquals(1001, labels.size());
    assertEquals(List.of("background", "tench", "goldfish"), labels.subList(0, 3));
    // The engine names Google's 1,001 classes from them (what serve's replies use).
    try (Model loaded = new LiteEngine().load(file, LoadOptions.DEFAULTS)) {
      assertEquals(labels, ModelCard.of(loaded).orElseThrow().classLabels());
    }
    // And writing Google's metadata again gives what was read.
    assertEquals(
        metadata, TfliteMetadata.read(ByteBuffer.wrap(TfliteMetadataWriter.toBytes(metadata))));
  }

  @Test
  void anUnknownFileTypeIsRefused() {
    TfliteMetadata bad =
        new TfliteMetadata(
            "m",
            "",
            "",
            "",
            "",
            "",
            List.of(),
            List.of(),
            List.of(new TfliteMetadata.AssociatedFile("a", "", "LABELS")));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TfliteMetadataWriter.toBytes(bad));
    assertEquals(
        "expected an associated file type among [UNKNOWN, DESCRIPTIONS, TENSOR_AXIS_LABELS,"
            + " TENSOR_VALUE_LABELS, TENSOR_AXIS_SCORE_CALIBRATION, VOCABULARY, SCANN_INDEX_FILE],"
            + " found LABELS",
        e.getMessage());
  }
}
