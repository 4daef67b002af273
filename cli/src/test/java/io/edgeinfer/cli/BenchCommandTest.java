package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeinfer.tensorflow.testing.TestSavedModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench reports what it measured; the numbers themselves are the machine's, never asserted. */
class BenchCommandTest {
  @Test
  void reportsPercentilesAndThroughputAsJson(@TempDir Path dir) throws Exception {
    Path model = TestSavedModels.affine(dir.resolve("affine"));
    Cli cli =
        Cli.run(
            "bench",
            "-m",
            model.toString(),
            "--batch",
            "4",
            "--iterations",
            "200",
            "--warmup",
            "20",
            "--json");
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode json = Json.parse(cli.out());
    assertEquals("tensorflow", json.get("engine").asText());
    assertEquals(4, json.get("batch").asInt());
    assertEquals(200, json.get("iterations").asInt());
    double p50 = json.get("p50_us").asDouble();
    double p99 = json.get("p99_us").asDouble();
    assertTrue(
        p50 > 0 && p50 <= json.get("p90_us").asDouble() && json.get("p90_us").asDouble() <= p99,
        cli.out());
    assertEquals(
        4 * json.get("calls_per_second").asDouble(), json.get("rows_per_second").asDouble(), 1e-6);
  }

  @Test
  void timesEachOperatorWithItsMacs(@TempDir Path dir) throws Exception {
    Path model = TinyModels.affine(dir.resolve("affine.tflite"));
    Cli cli =
        Cli.run(
            "bench",
            "-m",
            model.toString(),
            "--batch",
            "4",
            "--iterations",
            "50",
            "--warmup",
            "5",
            "--per-op",
            "--json");
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode ops = Json.parse(cli.out()).get("per_op");
    assertEquals(1, ops.size(), cli.out());
    JsonNode fc = ops.get(0);
    assertEquals(0, fc.get("index").asInt());
    assertEquals("FULLY_CONNECTED", fc.get("op").asText());
    assertEquals("[4,1]", fc.get("output_shape").toString());
    assertEquals(4, fc.get("macs").asLong(), "4 rows x 1 output x 1 input");
    assertEquals(100.0, fc.get("percent").asDouble(), 1e-9);
    assertTrue(fc.get("us").asDouble() > 0, cli.out());

    Cli text =
        Cli.run("bench", "-m", model.toString(), "--iterations", "20", "--warmup", "5", "--per-op");
    assertEquals(0, text.exitCode(), text.toString());
    assertTrue(text.out().contains("index  op"), text.out());
    assertTrue(text.out().contains("total  1 ops, 1 MACs"), text.out());
  }

  @Test
  void timesBoundCalls(@TempDir Path dir) throws Exception {
    Path model = TinyModels.affine(dir.resolve("affine.tflite"));
    Cli cli =
        Cli.run(
            "bench", "-m", model.toString(), "--iterations", "100", "--warmup", "10", "--bound");
    assertEquals(0, cli.exitCode(), cli.toString());
    assertTrue(cli.out().contains(" in lite (bound calls), batch 1, 100 calls"), cli.out());
    Cli both = Cli.run("bench", "-m", model.toString(), "--bound", "--per-op");
    assertEquals(2, both.exitCode());
    assertTrue(
        both.err().contains("expected --per-op or --bound, found both (time one at a time)"),
        both.err());
  }

  @Test
  void refusesPerOpAndBoundWithTensorFlow(@TempDir Path dir) throws Exception {
    Path model = TestSavedModels.affine(dir.resolve("affine"));
    Cli perOp = Cli.run("bench", "-m", model.toString(), "--iterations", "1", "--per-op");
    assertEquals(2, perOp.exitCode(), perOp.toString());
    assertTrue(
        perOp
            .err()
            .contains(
                "expected --per-op with an engine that times its operators (lite), found"
                    + " tensorflow"),
        perOp.err());
    Cli bound = Cli.run("bench", "-m", model.toString(), "--iterations", "1", "--bound");
    assertEquals(2, bound.exitCode(), bound.toString());
    assertTrue(
        bound
            .err()
            .contains(
                "expected --bound with an engine that has bound calls (lite), found tensorflow"),
        bound.err());
  }

  @Test
  void refusesNonsenseAsAUsageError() {
    Cli cli = Cli.run("bench", "-m", "whatever", "--iterations", "0");
    assertEquals(2, cli.exitCode());
    assertEquals(
        "edgeinfer: expected --batch >= 1, --iterations >= 1 and --warmup >= 0, found 1, 0, 2000\n"
            + "Try 'edgeinfer bench --help'.",
        cli.err().strip());
  }
}
