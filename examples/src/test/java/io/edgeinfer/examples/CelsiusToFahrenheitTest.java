package io.edgeinfer.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quickstart, run as the README shows it: the built model on the example inputs. */
class CelsiusToFahrenheitTest {
  private static final Path BUILT_MODEL = Path.of("target/models/celsius-to-fahrenheit");

  @Test
  void theBuiltModelConvertsTheExampleTemperatures() throws Exception {
    assertEquals(true, Files.isDirectory(BUILT_MODEL), "the build should have made " + BUILT_MODEL);
    String out =
        run(
            "predict",
            "--model",
            BUILT_MODEL.toString(),
            "--input",
            "celsius-to-fahrenheit/temperatures.csv",
            "--output-format",
            "csv");
    assertEquals(
        "input,instance,fahrenheit_0\n"
            + "celsius-to-fahrenheit/temperatures.csv,0,32.0\n"
            + "celsius-to-fahrenheit/temperatures.csv,1,212.0\n"
            + "celsius-to-fahrenheit/temperatures.csv,2,98.6\n"
            + "celsius-to-fahrenheit/temperatures.csv,3,-40.0\n",
        out);
  }

  @Test
  void exportIsRepeatable(@TempDir Path dir) throws Exception {
    CelsiusToFahrenheit.export(dir.resolve("m"));
    String out =
        run(
            "predict",
            "-m",
            dir.resolve("m").toString(),
            "-i",
            "celsius-to-fahrenheit/temperatures.json");
    assertEquals(
        "{\"input\":\"celsius-to-fahrenheit/temperatures.json\","
            + "\"predictions\":[[32.0],[212.0],[98.6],[-40.0]]}\n",
        out);
  }

  private static String run(String... args) {
    return ExampleRuns.run(args);
  }
}
