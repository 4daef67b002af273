package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.train.synthetic.Clusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that reports has --json: one document ending in a newline (so that reports can be
 * concatenated and read line-wise by shells), numbers as JSON numbers, never text.
 */
class JsonReportsTest {
  @TempDir Path dir;

  /** Runs the command, checks the document's framing, and returns it. */
  private static JsonNode report(String... args) {
    Cli cli = Cli.run(args);
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().endsWith("}\n"), "one document and a newline: " + cli.out());
    return Json.parse(cli.out());
  }

  private static void numbers(JsonNode node, String... fields) {
    for (String field : fields) {
      assertTrue(node.get(field) != null && node.get(field).isNumber(), field + " in " + node);
    }
  }

  @Test
  void eachReportingCommand() throws Exception {
    Path tflite = TinyModels.affine(dir.resolve("affine.tflite"));
    JsonNode inspect = report("inspect", tflite.toString(), "--json");
    assertTrue(
        inspect.get("signatures").get(0).get("inputs").get(0).get("shape").get(1).isNumber(),
        inspect.toString());

    numbers(
        report("bench", "-m", tflite.toString(), "--iterations", "50", "--warmup", "0", "--json"),
        "batch",
        "iterations",
        "p50_us",
        "calls_per_second");

    numbers(report("profile", "list", "--json").get("profiles").get(0), "cores", "budget_mb");
    JsonNode zero = report("profile", "show", "pi-zero-2w", "--json");
    assertEquals("pi-zero-2w", zero.get("profile").asText());
    assertEquals("built-in", zero.get("source").asText());
    assertEquals(256, zero.get("budget_mb").intValue());
    assertEquals(8, zero.get("max_batch").intValue());
    assertEquals(16, zero.get("outbox_max_mb").intValue());
    numbers(report("profile", "show", "auto", "--json"), "cores", "memory_mb", "threads");
    numbers(report("profile", "detect", "--json"), "cores", "memory_mb", "max_wait_ms");
    JsonNode bench =
        report(
            "profile",
            "bench",
            "--iterations",
            "20",
            "--warmup",
            "0",
            "--max-threads",
            "1",
            "--out",
            dir.resolve("tuned.yaml").toString(),
            "--json");
    numbers(bench.get("results").get(0), "threads", "calls_per_second", "us_per_call");

    Path csv = dir.resolve("blobs.csv");
    StringBuilder text = new StringBuilder();
    for (float[] row : Clusters.generate(120, 3, 2, 4.0, 7)) {
      StringJoiner line = new StringJoiner(",");
      for (float v : row) {
        line.add(String.format(Locale.ROOT, "%.3f", v));
      }
      text.append(line).append('\n');
    }
    Files.writeString(csv, text);
    Path model = dir.resolve("model");
    JsonNode train =
        report(
            "train",
            "--data",
            csv.toString(),
            "--epochs",
            "5",
            "--out",
            model.toString(),
            "--json");
    numbers(train, "rows", "features", "seconds");
    numbers(train.get("epochs"), "run", "cap");
    JsonNode evaluate =
        report("evaluate", "-m", model.toString(), "--data", csv.toString(), "--json");
    assertEquals(120, evaluate.get("rows").intValue());
    numbers(evaluate.get("report"), "accuracy", "count");
    JsonNode quantize =
        report(
            "quantize",
            "-m",
            model.toString(),
            "--profile",
            "pi-4-4gb",
            "--out",
            dir.resolve("m.tflite").toString(),
            "--json");
    assertEquals("float32", quantize.get("mode").asText());
    numbers(quantize.get("bytes"), "tflite", "saved_model");
  }
}
