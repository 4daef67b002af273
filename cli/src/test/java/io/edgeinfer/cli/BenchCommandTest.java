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
  void refusesNonsenseAsAUsageError() {
    Cli cli = Cli.run("bench", "-m", "whatever", "--iterations", "0");
    assertEquals(2, cli.exitCode());
    assertEquals(
        "edgeinfer: expected --batch >= 1, --iterations >= 1 and --warmup >= 0, found 1, 0, 2000\n"
            + "Try 'edgeinfer bench --help'.",
        cli.err().strip());
  }
}
