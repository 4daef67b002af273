package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.train.synthetic.Clusters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} then {@code evaluate} and {@code predict} on what it wrote: the exported model must
 * give the classes and the accuracy that training reported.
 */
class TrainCommandTest {
  @TempDir static Path dir;
  static Path data;
  static Path model;
  static Cli training;

  @BeforeAll
  static void train() throws IOException {
    float[][] rows = Clusters.generate(1500, 32, 10, 1.0, 11);
    data = Files.write(dir.resolve("clusters.npy"), NpyCodec.write(Tensor.ofFloats(rows)));
    model = dir.resolve("model");
    training =
        Cli.run(
            "train",
            "--data",
            data.toString(),
            "--out",
            model.toString(),
            "--epochs",
            "10",
            "--early-stopping",
            "0");
  }

  @Test
  void trainsAndSumsUpTheEpochsAndTheTestSplit() {
    assertEquals(0, training.exitCode(), training.toString());
    String out = training.out();
    assertTrue(out.contains("training on " + data + ": 1500 rows, 32 features"), out);
    // Not a terminal: no progress lines, the summary only (history.csv has every epoch).
    assertTrue(!out.contains("epoch  1/10 ["), out);
    assertTrue(out.contains("ran all 10 epochs (best epoch "), out);
    assertTrue(out.contains("900 train, 300 validation, 300 test rows"), out);
    assertTrue(Files.isRegularFile(model.resolve("saved_model.pb")));
    assertTrue(Files.isRegularFile(model.resolve("edgeinfer-model.json")));
    assertTrue(Files.isRegularFile(model.resolve("history.csv")));
    assertTrue(Files.isRegularFile(model.resolve("learning-curves.png")));
  }

  @Test
  void evaluateOnTheTestSplitRepeatsTheTrainingResult() {
    Cli cli =
        Cli.run(
            "evaluate",
            "--model",
            model.toString(),
            "--data",
            model.resolve("test-split.npy").toString(),
            "--json");
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode report = Json.parse(cli.out()).get("report");
    double accuracy = report.get("accuracy").asDouble();
    assertTrue(accuracy > 0.85, "accuracy " + accuracy);
    String trainingAccuracy = String.format(Locale.ROOT, "accuracy  %.4f", accuracy);
    assertTrue(training.out().contains(trainingAccuracy), trainingAccuracy + "\n" + training);
    assertEquals(300, report.get("count").asInt());
    assertEquals(10, report.get("confusion").size());
  }

  @Test
  void predictGivesTheClassesEvaluateCounted() throws IOException {
    Path csv = dir.resolve("test-features.csv");
    Tensor test = NpyCodec.read(Files.readAllBytes(model.resolve("test-split.npy")));
    float[] flat = test.toFloatArray();
    int width = test.shape().dim(1);
    StringBuilder text = new StringBuilder();
    int[] truth = new int[test.shape().dim(0)];
    for (int r = 0; r < truth.length; r++) {
      for (int c = 0; c < width - 1; c++) {
        text.append(c == 0 ? "" : ",").append(flat[r * width + c]);
      }
      text.append('\n');
      truth[r] = (int) flat[r * width + width - 1];
    }
    Files.writeString(csv, text);
    Cli predicted = Cli.run("predict", "-m", model.toString(), "-i", csv.toString());
    assertEquals(0, predicted.exitCode(), predicted.toString());
    JsonNode predictions = Json.lines(predicted.out()).get(0).get("predictions");
    int correct = 0;
    for (int r = 0; r < truth.length; r++) {
      if (predictions.get(r).get("class_id").asInt() == truth[r]) {
        correct++;
      }
    }
    Cli evaluated =
        Cli.run(
            "evaluate",
            "-m",
            model.toString(),
            "--data",
            model.resolve("test-split.npy").toString(),
            "--json");
    double accuracy = Json.parse(evaluated.out()).get("report").get("accuracy").asDouble();
    assertEquals(accuracy, (double) correct / truth.length, 1e-9);
  }

  private static String trainFailure(String csv, String... extra) throws IOException {
    Path file = Files.writeString(dir.resolve("bad-" + Math.abs(csv.hashCode()) + ".csv"), csv);
    List<String> args =
        new java.util.ArrayList<>(
            List.of("train", "--data", file.toString(), "--out", dir.resolve("never").toString()));
    args.addAll(List.of(extra));
    Cli cli = Cli.run(args.toArray(new String[0]));
    assertEquals(1, cli.exitCode(), cli.toString());
    assertEquals(1, cli.err().strip().lines().count(), cli.toString());
    assertTrue(!Files.exists(dir.resolve("never")), "nothing written on failure");
    return cli.err().strip();
  }

  private static String table(int rows) {
    StringBuilder csv = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      csv.append(r % 7).append(',').append(r % 3).append(',').append(r % 2).append('\n');
    }
    return csv.toString();
  }

  @Test
  void labelColumnOutOfRange() throws IOException {
    String err = trainFailure(table(100), "--label-column", "5");
    assertEquals(
        "edgeinfer: label column 5 is out of range: expected 0..2 (the file has 3 columns)", err);
  }

  @Test
  void nonNumericCell() throws IOException {
    String err = trainFailure("1,2,0\n3,x,1\n");
    assertEquals("edgeinfer: expected a number at line 2, column 2, found 'x'", err);
  }

  @Test
  void notANumber() throws IOException {
    String err = trainFailure("1,2,0\n3,NaN,1\n");
    assertTrue(err.startsWith("edgeinfer: expected a finite number at line 2, column 2"), err);
  }

  @Test
  void aClassWithOneSample() throws IOException {
    String err = trainFailure(table(100) + "1,1,9\n");
    assertTrue(err.contains("class 9 has a single sample"), err);
  }

  @Test
  void fewerRowsThanOneBatch() throws IOException {
    String err = trainFailure(table(40));
    assertTrue(err.startsWith("edgeinfer: expected at least one batch (32 rows) to train on"), err);
  }

  @Test
  void anExistingOutputFolderNeedsForce() throws IOException {
    Path existing = Files.createDirectories(dir.resolve("existing"));
    Cli cli = Cli.run("train", "--data", data.toString(), "--out", existing.toString());
    assertEquals(1, cli.exitCode());
    assertEquals(
        "edgeinfer: expected a new output folder, found an existing one: "
            + existing
            + " (use --force to replace it)",
        cli.err().strip());
  }

  @Test
  void badSettingsAreUsageErrors() throws IOException {
    Path file = Files.writeString(dir.resolve("settings.csv"), table(100));
    Cli cli =
        Cli.run(
            "train",
            "--data",
            file.toString(),
            "--out",
            dir.resolve("never").toString(),
            "--optimizer",
            "rmsprop");
    assertEquals(2, cli.exitCode(), cli.toString());
    assertEquals(
        "edgeinfer: expected an optimizer of adam, sgd or momentum, found 'rmsprop'",
        cli.err().lines().findFirst().orElseThrow());
  }
}
