package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.train.synthetic.Clusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * quantize reads calibration and evaluation CSVs as train and evaluate do: a header, the label in a
 * named column (first here), class names as labels; --json is the report alone, numbers as numbers;
 * no progress when stderr is no terminal.
 */
class QuantizeCsvTest {
  @TempDir static Path dir;
  static Path csv;
  static Path model;

  /** 150 rows of 4 features in 3 named classes, the label first, with a header. */
  @BeforeAll
  static void train() throws Exception {
    float[][] rows = Clusters.generate(150, 4, 3, 4.0, 5);
    List<String> names = List.of("setosa", "versicolor", "virginica");
    StringBuilder text = new StringBuilder("species,a,b,c,d\n");
    for (float[] row : rows) {
      StringJoiner line = new StringJoiner(",").add(names.get((int) row[4]));
      for (int c = 0; c < 4; c++) {
        line.add(String.format(Locale.ROOT, "%.3f", row[c]));
      }
      text.append(line).append('\n');
    }
    csv = Files.writeString(dir.resolve("flowers.csv"), text);
    model = dir.resolve("model");
    Cli training =
        Cli.run(
            "train",
            "--data",
            csv.toString(),
            "--label-column",
            "species",
            "--out",
            model.toString());
    assertEquals(0, training.exitCode(), training.toString());
  }

  @Test
  void int8FromANamedLabelColumnWithAJsonReport() {
    Path out = dir.resolve("int8.tflite");
    Cli quantize =
        Cli.run(
            "quantize",
            "--model",
            model.toString(),
            "--mode",
            "int8",
            "--calibration-data",
            csv.toString(),
            "--eval-data",
            csv.toString(),
            "--label-column",
            "species",
            "--out",
            out.toString(),
            "--json");
    assertEquals(0, quantize.exitCode(), quantize.toString());
    assertEquals("", quantize.err(), "no progress and no notes when stderr is no terminal");
    JsonNode report = Json.parse(quantize.out());
    // All 150 rows calibrate (the limit is 500), 4 features each: the label column left out.
    assertEquals(
        150, report.get("against_tensorflow").get("samples").intValue(), report.toString());
    assertTrue(report.get("accuracy").get("before").isNumber(), report.toString());
    assertTrue(report.get("accuracy").get("before").doubleValue() >= 0.95, report.toString());
    assertTrue(report.get("accuracy").get("after").doubleValue() >= 0.95, report.toString());
    assertTrue(report.get("bytes").get("tflite").isIntegralNumber(), report.toString());
    assertTrue(Files.isRegularFile(out));
  }

  @Test
  void theLabelColumnLeftInIsAWidthError() {
    // Read with the label taken as the last column, "species" becomes a feature: 5 columns.
    Cli quantize =
        Cli.run(
            "quantize",
            "--model",
            model.toString(),
            "--mode",
            "int8",
            "--calibration-data",
            csv.toString(),
            "--out",
            dir.resolve("x.tflite").toString());
    assertEquals(1, quantize.exitCode(), quantize.toString());
    assertTrue(
        quantize.err().startsWith("edgeinfer: cannot read samples from " + csv), quantize.err());
  }
}
