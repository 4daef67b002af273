package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.train.synthetic.Clusters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train, then quantize to int8, then predict with the lite engine: the workstation-to-board path.
 */
class QuantizeCommandTest {
  @TempDir static Path dir;
  static Path data;
  static Path model;

  @BeforeAll
  static void train() throws Exception {
    data = dir.resolve("clusters.npy");
    Files.write(data, NpyCodec.write(Tensor.ofFloats(Clusters.generate(1500, 32, 10, 1.0, 3))));
    model = dir.resolve("model");
    Cli training = Cli.run("train", "--data", data.toString(), "--out", model.toString());
    assertEquals(0, training.exitCode(), training.toString());
  }

  @Test
  void int8WithAReportThenPredictWithLite() throws Exception {
    Path out = dir.resolve("model-int8.tflite");
    Path report = dir.resolve("report.json");
    Cli quantize =
        quantize(
            "--mode",
            "int8",
            "--calibration-data",
            data.toString(),
            "--eval-data",
            data.toString(),
            "--max-accuracy-drop",
            "1",
            "--out",
            out.toString(),
            "--report",
            report.toString());
    assertEquals(0, quantize.exitCode(), quantize.toString());
    assertTrue(quantize.out().contains("argmax agreement"), quantize.out());
    assertTrue(quantize.out().contains("wrote " + out), quantize.out());
    String json = Files.readString(report);
    assertTrue(json.contains("\"mode\" : \"int8\""), json);
    assertTrue(json.contains("\"written\" : true"), json);
    Path input = dir.resolve("row.json");
    Files.writeString(input, "{\"instances\": [[" + "0.5,".repeat(31) + "0.5]]}");
    Cli predict = Cli.run("predict", "--model", out.toString(), "--input", input.toString());
    assertEquals(0, predict.exitCode(), predict.toString());
    assertTrue(predict.out().contains("probabilities"), predict.out());
  }

  @Test
  void aProfileChoosesTheModeItsBudgetAllows() {
    Path roomy = dir.resolve("pi4.tflite");
    Cli pi4 = quantize("--profile", "pi-4-4gb", "--out", roomy.toString());
    assertEquals(0, pi4.exitCode(), pi4.toString());
    assertTrue(
        pi4.out()
            .startsWith(
                "mode float32: the precision the profile pi-4-4gb asks for (float32 needs "),
        pi4.out());
    Path small = dir.resolve("zero.tflite");
    Cli zero =
        quantize(
            "--profile",
            "pi-zero-2w",
            "--calibration-data",
            data.toString(),
            "--out",
            small.toString());
    assertEquals(0, zero.exitCode(), zero.toString());
    assertTrue(
        zero.out()
            .startsWith("mode int8: the precision the profile pi-zero-2w asks for (float32 needs "),
        zero.out());
    assertTrue(Files.isRegularFile(small));
  }

  @Test
  void neitherModeNorProfileIsAUsageError() {
    Cli quantize = quantize("--out", dir.resolve("x.tflite").toString());
    assertEquals(2, quantize.exitCode(), quantize.toString());
    assertTrue(
        quantize.err().contains("expected --mode, or --profile to choose one, found neither"),
        quantize.err());
  }

  @Test
  void aFailedAccuracyGateExitsOneAndWritesNothing() {
    Path out = dir.resolve("gated.tflite");
    Cli quantize =
        quantize(
            "--mode",
            "int8",
            "--calibration-data",
            data.toString(),
            "--eval-data",
            data.toString(),
            "--max-accuracy-drop",
            "-5",
            "--out",
            out.toString());
    assertEquals(1, quantize.exitCode(), quantize.toString());
    assertTrue(quantize.err().contains("more than the allowed -5.00"), quantize.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void int8WithoutCalibrationDataIsAUsageError() {
    Cli quantize = quantize("--mode", "int8", "--out", dir.resolve("x.tflite").toString());
    assertEquals(2, quantize.exitCode(), quantize.toString());
    assertTrue(
        quantize.err().contains("expected --calibration-data for mode int8"), quantize.err());
  }

  @Test
  void anUnknownModeIsAUsageError() {
    Cli quantize = quantize("--mode", "int4", "--out", dir.resolve("x.tflite").toString());
    assertEquals(2, quantize.exitCode(), quantize.toString());
    assertTrue(
        quantize
            .err()
            .contains("expected a mode among [float32, float16, dynamic-int8, int8], found int4"),
        quantize.err());
  }

  @Test
  void anInputShapeThatIsNoNumbersIsAUsageError() {
    Cli quantize =
        quantize(
            "--mode",
            "float32",
            "--input-shape",
            "features=1,x",
            "--out",
            dir.resolve("x.tflite").toString());
    assertEquals(2, quantize.exitCode(), quantize.toString());
    assertTrue(
        quantize
            .err()
            .contains(
                "expected --input-shape NAME=DIMS with whole numbers (e.g. x=1,28,28), found"
                    + " features=1,x"),
        quantize.err());
  }

  @Test
  void anInputShapeOfAnotherRankIsRefused() {
    Cli quantize =
        quantize(
            "--mode",
            "float32",
            "--input-shape",
            "features=1,2,3",
            "--out",
            dir.resolve("x.tflite").toString());
    assertEquals(1, quantize.exitCode(), quantize.toString());
    assertTrue(
        quantize
            .err()
            .contains(
                "--input-shape features=1,2,3 does not fit signature serving_default's declared"
                    + " shape [-1, 32]"),
        quantize.err());
  }

  /** {@code edgeinfer quantize --model MODEL} with {@code args} after it. */
  private static Cli quantize(String... args) {
    String[] command = new String[args.length + 3];
    command[0] = "quantize";
    command[1] = "--model";
    command[2] = model.toString();
    System.arraycopy(args, 0, command, 3, args.length);
    return Cli.run(command);
  }
}
