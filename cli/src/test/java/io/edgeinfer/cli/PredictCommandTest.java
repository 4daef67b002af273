package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.tensorflow.testing.SharedModels;
import io.edgeinfer.tensorflow.testing.TestSavedModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PredictCommandTest {
  @TempDir static Path dir;
  static Path affine;

  @BeforeAll
  static void makeModel() throws Exception {
    affine = TestSavedModels.affine(dir.resolve("affine"));
  }

  private static Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void predictsRowJsonAsOneLinePerInput() throws IOException {
    Path input = write("rows.json", "{\"instances\": [[1, 0, 0], [1, 1, 1]]}");
    Cli cli = Cli.run("predict", "--model", affine.toString(), "--input", input.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode line = Json.lines(cli.out()).get(0);
    assertEquals(input.toString(), line.get("input").asText());
    JsonNode predictions = line.get("predictions");
    assertEquals(2, predictions.size());
    assertEquals(List.of(1.5, 1.0), Json.numbers(predictions.get(0).get("y")));
    assertEquals(20.5, predictions.get(1).get("total").asDouble());
  }

  @Test
  void predictsColumnarJsonAsOutputs() throws IOException {
    Path input = write("columns.json", "{\"inputs\": {\"x\": [[0, 0, 1]]}}");
    Cli cli = Cli.run("predict", "-m", affine.toString(), "-i", input.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode outputs = Json.lines(cli.out()).get(0).get("outputs");
    assertEquals(List.of(5.5, 5.0), Json.numbers(outputs.get("y")));
    assertEquals(List.of(10.5), Json.numbers(outputs.get("total")));
  }

  @Test
  void predictsCsvAndWritesCsv() throws IOException {
    Path input = write("rows.csv", "a,b,c\n1,0,0\n1,1,1\n");
    Path output = dir.resolve("out.csv");
    Cli cli =
        Cli.run(
            "predict", "-m", affine.toString(), "-i", input.toString(), "-o", output.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    List<String> lines = Files.readAllLines(output);
    assertEquals("input,instance,total,y_0,y_1", lines.get(0));
    assertEquals(input + ",0,2.5,1.5,1.0", lines.get(1));
    assertEquals(input + ",1,20.5,9.5,11.0", lines.get(2));
  }

  @Test
  void predictsNpyAndEveryFileOfADirectory() throws IOException {
    Path inputs = Files.createDirectories(dir.resolve("inputs"));
    Files.write(
        inputs.resolve("a.npy"),
        NpyCodec.write(Tensor.ofFloats(new float[][] {{0, 1, 0}, {2, 0, 0}})));
    Files.writeString(inputs.resolve("b.json"), "[[0, 0, 0]]");
    Cli cli = Cli.run("predict", "-m", affine.toString(), "-i", inputs.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    List<JsonNode> lines = Json.lines(cli.out());
    assertEquals(2, lines.size());
    assertEquals(inputs.resolve("a.npy").toString(), lines.get(0).get("input").asText());
    assertEquals(List.of(3.5, 3.0, 2.5, 3.0), flattenY(lines.get(0)));
    assertEquals(List.of(0.5, -1.0), flattenY(lines.get(1)));
  }

  private static List<Double> flattenY(JsonNode line) {
    List<Double> values = new java.util.ArrayList<>();
    line.get("predictions").forEach(p -> values.addAll(Json.numbers(p.get("y"))));
    return values;
  }

  @Test
  void readsStdinAndRunsANamedSignature() {
    Cli cli =
        Cli.runWithStdin(
            "{\"instances\": [[1, 2, 3]]}".getBytes(StandardCharsets.UTF_8),
            "predict",
            "-m",
            affine.toString(),
            "--signature",
            "double");
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode line = Json.lines(cli.out()).get(0);
    assertEquals("-", line.get("input").asText());
    assertEquals(List.of(2.0, 4.0, 6.0), Json.numbers(line.get("predictions")));
  }

  @Test
  void takesTheSignatureNamedInThePayload() {
    Cli cli =
        Cli.runWithStdin(
            "{\"signature_name\": \"double\", \"instances\": [[1, 2, 3]]}"
                .getBytes(StandardCharsets.UTF_8),
            "predict",
            "-m",
            affine.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals(
        List.of(2.0, 4.0, 6.0), Json.numbers(Json.lines(cli.out()).get(0).get("predictions")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"half_plus_two_tf1", "half_plus_two_tf2"})
  void halfPlusTwoFromJsonCsvAndNpy(String name) throws IOException {
    Path model = SharedModels.require("savedmodel/" + name);
    Path json = write(name + ".json", "{\"instances\": [1.0, 2.0, 5.0]}");
    Path csv = write(name + ".csv", "1\n2\n5\n");
    Path npy =
        Files.write(
            dir.resolve(name + ".npy"), NpyCodec.write(Tensor.ofFloats(new float[] {1, 2, 5})));
    Cli cli =
        Cli.run(
            "predict",
            "-m",
            model.toString(),
            "-i",
            json.toString(),
            "-i",
            csv.toString(),
            "-i",
            npy.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    List<JsonNode> lines = Json.lines(cli.out());
    assertEquals(3, lines.size(), cli.toString());
    for (JsonNode line : lines) {
      assertEquals(List.of(2.5, 3.0, 4.5), Json.numbers(line.get("predictions")), cli.toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"half_plus_two_tf1", "half_plus_two_tf2"})
  void regressXToY2TakesTfExamples(String name) throws IOException {
    Path model = SharedModels.require("savedmodel/" + name);
    Path json =
        write(
            name + "-examples.json", "{\"examples\": [{\"x\": 1.0}, {\"x\": 2.0}, {\"x\": 5.0}]}");
    Cli cli =
        Cli.run(
            "predict",
            "-m",
            model.toString(),
            "--signature",
            "regress_x_to_y2",
            "-i",
            json.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals(
        List.of(3.5, 4.0, 5.5), Json.numbers(Json.lines(cli.out()).get(0).get("predictions")));
  }

  @Test
  void theLiteEngineRunsTfliteFiles() throws IOException {
    Path model = SharedModels.require("tflite/hello_world_int8.tflite");
    Path input = write("sin.json", "{\"instances\": [[0.77], [1.57], [2.3], [3.14]]}");
    Cli cli = Cli.run("predict", "-m", model.toString(), "-i", input.toString());
    assertEquals(0, cli.exitCode(), cli.toString());
    List<Double> predicted = Json.numbers(Json.lines(cli.out()).get(0).get("predictions"));
    double[] x = {0.77, 1.57, 2.3, 3.14};
    for (int i = 0; i < x.length; i++) {
      assertEquals(Math.sin(x[i]), predicted.get(i), 0.05, "sin(" + x[i] + ")");
    }
  }

  @Test
  void rawOutputsGiveTheInt8IntegersBehindTheFloats() throws IOException {
    Path model = SharedModels.require("tflite/hello_world_int8.tflite");
    Path input = write("sin3.json", "{\"instances\": [[0.5], [1.57], [2.3], [4.0]]}");
    Cli floats = Cli.run("predict", "-m", model.toString(), "-i", input.toString());
    Cli raw = Cli.run("predict", "-m", model.toString(), "-i", input.toString(), "--raw-outputs");
    assertEquals(0, raw.exitCode(), raw.toString());
    List<Double> f = Json.numbers(Json.lines(floats.out()).get(0).get("predictions"));
    List<Double> q = Json.numbers(Json.lines(raw.out()).get(0).get("predictions"));
    // Integers in int8's range, and the floats are one affine map of them: scale * (q - zp).
    for (double v : q) {
      assertEquals(Math.rint(v), v, "an integer: " + q);
      assertTrue(v >= -128 && v <= 127, "int8: " + q);
    }
    double scale = (f.get(1) - f.get(3)) / (q.get(1) - q.get(3));
    for (int i = 0; i < q.size(); i++) {
      assertEquals(f.get(i), f.get(1) + scale * (q.get(i) - q.get(1)), 1e-6, "row " + i);
    }
  }

  @Test
  void anInt8NpyIsFedRawToAnInt8Model() throws IOException {
    Path model = SharedModels.require("tflite/hello_world_int8.tflite");
    // x = {0, 0.5, 1, 3, 5} quantized by hand; TFLite and TFLite Micro answer {4, 60, 104, 18,
    // -112}.
    byte[] npy =
        NpyCodec.write(Tensor.ofBytes(DataType.INT8, new byte[] {-128, -108, -87, -5, 76}, 5, 1));
    Path input = Files.write(dir.resolve("x-int8.npy"), npy);
    Cli cli = Cli.run("predict", "-m", model.toString(), "-i", input.toString(), "--raw-outputs");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertEquals(
        List.of(4.0, 60.0, 104.0, 18.0, -112.0),
        Json.numbers(Json.lines(cli.out()).get(0).get("predictions")));
  }
}
