package io.edgeinfer.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/digits/README.md: the seed network reaches 95% on real handwritten digits. */
class DigitsExampleTest {
  @Test
  void reachesNinetyFivePercentOnTheHeldOutFifth(@TempDir Path dir) throws Exception {
    Path data =
        Path.of(System.getProperty("edgeinfer.shared", "../../shared"), "data", "digits.csv.gz");
    assumeTrue(
        Files.isRegularFile(data), "skipped: " + data + " is absent (the team's shared data)");
    Path out = dir.resolve("digits");
    String training = ExampleRuns.run("train", "--data", data.toString(), "--out", out.toString());
    double trained = ExampleRuns.accuracy(training);
    assertTrue(trained >= 0.95, training);
    String evaluated =
        ExampleRuns.run(
            "evaluate",
            "--model",
            out.toString(),
            "--data",
            out.resolve("test-split.npy").toString());
    assertEquals(trained, ExampleRuns.accuracy(evaluated), 1e-9, evaluated);
  }
}
