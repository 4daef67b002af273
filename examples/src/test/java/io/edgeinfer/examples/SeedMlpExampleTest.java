package io.edgeinfer.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/seed-mlp/README.md, run as written, on the data the build made. */
class SeedMlpExampleTest {
  private static final Path DATA = Path.of("target/data/seed-mlp.npy");

  @Test
  void theSeedNetworkLearnsTheSeedData(@TempDir Path dir) throws Exception {
    assertTrue(Files.isRegularFile(DATA), "the build should have written " + DATA);
    Path out = dir.resolve("seed-mlp");
    String training =
        ExampleRuns.run("train", "--data", DATA.toString(), "--out", out.toString(), "--force");
    assertTrue(training.contains("3000 train, 1000 validation, 1000 test rows"), training);
    double trained = ExampleRuns.accuracy(training);
    assertTrue(trained > 0.9, training);
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
