package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.tensorflow.testing.SharedModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect on .tflite files: what the lite engine runs, and what it cannot run yet. */
class InspectTfliteTest {
  @TempDir Path dir;

  @Test
  void describesAModelItCannotRunAndNamesWhatIsMissing() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 1, 4);
    int y = g.tensor("y", DataType.FLOAT32, 1, 4);
    g.operator(BuiltinOperator.FLOOR, new OperatorOptions.None(), new int[] {x}, y);
    g.inputs(x).outputs(y);
    Path file = dir.resolve("floor.tflite");
    TfliteWriter.write(b.build(), file);
    Cli cli = Cli.run("inspect", file.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().contains("not_runnable_here: FLOOR\n"), cli.toString());
    assertTrue(cli.out().contains("op.FLOOR: 1 (v1)\n"), cli.toString());
    assertTrue(cli.out().matches("(?s).*\n +x +float32 +\\[1, 4\\].*"), cli.toString());
    Cli predict = Cli.run("predict", "--model", file.toString(), "--input", "-");
    assertEquals(1, predict.exitCode(), predict.toString());
  }

  @Test
  void showsTheArenaOfARunnableModel() throws Exception {
    Path file = TinyModels.affine(dir.resolve("affine.tflite"));
    Cli cli = Cli.run("inspect", file.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    // x [1,1] and y [1,1]: both live throughout (input read by the only step, output read back).
    assertTrue(cli.out().contains("arena_bytes: 8\n"), cli.toString());
    assertTrue(cli.out().contains("op.FULLY_CONNECTED: 1 (v1)\n"), cli.toString());
  }

  @Test
  void showsTfliteModelMetadata() {
    Path model = SharedModels.require("zoo/mobilenet_v1_0.25_224_1_metadata_1.tflite");
    Cli cli = Cli.run("inspect", model.toString(), "--json");
    assertEquals(0, cli.exitCode(), cli.toString());
    var metadata = Json.parse(cli.out()).get("metadata");
    assertEquals(
        "mean [127.5] std [127.5]",
        metadata.get("tflite_metadata.input.image.normalization").asText());
    assertEquals(
        "labels.txt (TENSOR_AXIS_LABELS, 1001 lines)",
        metadata.get("tflite_metadata.output.probability.files").asText());
    assertEquals("1404928", metadata.get("arena_bytes").asText());
  }
}
