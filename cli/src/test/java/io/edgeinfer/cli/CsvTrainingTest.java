package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.train.synthetic.Clusters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables as people download them, trained with the defaults: scikit-learn's layout (a header of
 * counts and class names, wider rows, the class id last) and a semicolon file with named columns
 * and text labels.
 */
class CsvTrainingTest {
  @TempDir Path dir;

  /** 150 rows of 4 features in 3 classes, written as scikit-learn writes iris.csv. */
  private Path scikitLearnShaped() throws IOException {
    float[][] rows = Clusters.generate(150, 4, 3, 4.0, 5);
    StringBuilder csv = new StringBuilder("150,4,setosa,versicolor,virginica\n");
    for (float[] row : rows) {
      StringJoiner line = new StringJoiner(",");
      for (int c = 0; c < 4; c++) {
        line.add(String.format(Locale.ROOT, "%.2f", row[c]));
      }
      csv.append(line.add(Integer.toString((int) row[4]))).append('\n');
    }
    return Files.writeString(dir.resolve("iris-shaped.csv"), csv);
  }

  private static double accuracy(String report) {
    Matcher m = Pattern.compile("(?m)^accuracy +([0-9.]+)$").matcher(report);
    assertTrue(m.find(), report);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void aScikitLearnFileTrainsAsDownloadedWithTheDefaults() throws IOException {
    Path data = scikitLearnShaped();
    Path model = dir.resolve("model");
    Cli training = Cli.run("train", "--data", data.toString(), "--out", model.toString());
    assertEquals(0, training.exitCode(), training.toString());
    assertTrue(training.out().contains(": 150 rows, 4 features"), training.out());
    assertTrue(
        Pattern.compile("(?m)^(stopped early at epoch|ran all 200 epochs) ")
            .matcher(training.out())
            .find(),
        training.out());
    double trained = accuracy(training.out());
    assertTrue(trained >= 0.95, training.out());
    JsonNode card = Json.parse(Files.readString(model.resolve("edgeinfer-model.json")));
    assertEquals(
        List.of("setosa", "versicolor", "virginica"),
        List.of(
            card.get("class_labels").get(0).asText(),
            card.get("class_labels").get(1).asText(),
            card.get("class_labels").get(2).asText()));
    // evaluate reads the same file the same way, and the test split repeats training's figure.
    Cli whole = Cli.run("evaluate", "--model", model.toString(), "--data", data.toString());
    assertEquals(0, whole.exitCode(), whole.toString());
    assertTrue(whole.out().contains("(150 rows, output 'probabilities')"), whole.out());
    assertTrue(whole.out().contains("virginica"), whole.out());
    Cli split =
        Cli.run(
            "evaluate",
            "--model",
            model.toString(),
            "--data",
            model.resolve("test-split.npy").toString());
    assertEquals(trained, accuracy(split.out()), 1e-9, split.toString());
  }

  @Test
  void namedColumnsTextLabelsAndSemicolons() throws IOException {
    float[][] rows = Clusters.generate(300, 4, 3, 4.0, 8);
    String[] states = {"running", "idle", "fault"};
    StringBuilder csv = new StringBuilder("temperature;state;vibration;current;rpm\n");
    for (float[] row : rows) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%.3f;%s;%.3f;%.3f;%.3f%n",
              row[0],
              states[(int) row[4]],
              row[1],
              row[2],
              row[3]));
    }
    Path data = Files.writeString(dir.resolve("machines.csv"), csv);
    Path model = dir.resolve("machines");
    Cli training =
        Cli.run(
            "train",
            "--data",
            data.toString(),
            "--label-column",
            "state",
            "--out",
            model.toString(),
            "--json");
    assertEquals(0, training.exitCode(), training.toString());
    // --json: the same figures as the text, typed, and nothing else on stdout.
    JsonNode result = Json.parse(training.out());
    assertEquals(300, result.get("rows").asInt());
    assertEquals(4, result.get("features").asInt());
    JsonNode epochs = result.get("epochs");
    assertTrue(epochs.get("stopped_early").isBoolean(), training.out());
    assertEquals("val_loss", epochs.get("watched").asText());
    assertTrue(epochs.get("best").asInt() <= epochs.get("run").asInt(), training.out());
    assertTrue(result.get("test").get("accuracy").asDouble() >= 0.95, training.out());
    JsonNode labels =
        Json.parse(Files.readString(model.resolve("edgeinfer-model.json"))).get("class_labels");
    assertEquals("[\"fault\",\"idle\",\"running\"]", labels.toString());
    Cli evaluated =
        Cli.run(
            "evaluate",
            "--model",
            model.toString(),
            "--data",
            data.toString(),
            "--label-column",
            "state",
            "--json");
    assertEquals(0, evaluated.exitCode(), evaluated.toString());
    assertEquals(300, Json.parse(evaluated.out()).get("rows").asInt());
  }

  @Test
  void aHeaderThatIsNotThereIsSaid() throws IOException {
    Path data = Files.writeString(dir.resolve("named.csv"), "a,b,label\n1,2,0\n3,4,1\n");
    Cli cli =
        Cli.run(
            "train",
            "--data",
            data.toString(),
            "--no-header",
            "--out",
            dir.resolve("never").toString());
    assertEquals(1, cli.exitCode(), cli.toString());
    assertEquals("edgeinfer: expected a number at line 1, column 1, found 'a'", cli.err().strip());
  }
}
