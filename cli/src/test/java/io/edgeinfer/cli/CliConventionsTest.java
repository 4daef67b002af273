package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One convention for every command: usage errors exit 2 and say what to type instead. */
class CliConventionsTest {
  @AfterEach
  void realEnvironment() {
    ProfileOption.environment = System::getenv;
  }

  private static Cli usageError(String... args) {
    Cli cli = Cli.run(args);
    assertEquals(2, cli.exitCode(), cli.toString());
    assertTrue(cli.err().strip().endsWith("--help'."), cli.toString());
    return cli;
  }

  @Test
  void aMisspelledOptionIsReportedNotTheOptionItMisses() {
    Cli cli = usageError("predict", "--modle", "m.tflite");
    assertTrue(cli.err().startsWith("edgeinfer: Unknown option: '--modle'"), cli.toString());
    assertTrue(cli.err().contains("--model"), cli.toString());
  }

  @Test
  void aMisspelledCommandGetsASuggestion() {
    Cli cli = usageError("predicts");
    assertTrue(cli.err().contains("Did you mean"), cli.toString());
    assertTrue(cli.err().contains("predict"), cli.toString());
  }

  @Test
  void badValuesCheckedAfterParsingAreUsageErrorsToo() {
    assertEquals(
        "edgeinfer: expected one of json, csv, npy, raw, found 'yaml'",
        usageError("predict", "--model", "m", "--format", "yaml").err().lines().findFirst().get());
    assertEquals(
        "edgeinfer: expected an output format of json or csv, found 'xml'",
        usageError("predict", "--model", "m", "--output-format", "xml")
            .err()
            .lines()
            .findFirst()
            .get());
    assertTrue(
        usageError("bench", "--model", "m", "--iterations", "0")
            .err()
            .startsWith("edgeinfer: expected --batch >= 1, --iterations >= 1"));
    assertTrue(
        usageError("evaluate", "--model", "m", "--data", "d.csv", "--label-column", "-3")
            .err()
            .startsWith("edgeinfer: expected a label column index >= 0, 'last' or a column name"));
    assertTrue(
        usageError("train", "--data", "d.csv", "--out", "o", "--delimiter", "ab")
            .err()
            .startsWith("edgeinfer: expected one character"));
  }

  @Test
  void anUnknownProfileIsRefusedWhereverItComesFrom() {
    Cli flag = usageError("predict", "--model", "m.tflite", "--profile", "nosuch");
    assertTrue(flag.err().startsWith("edgeinfer: unknown profile 'nosuch'"), flag.toString());
    ProfileOption.environment = Map.of(ProfileOption.VARIABLE, "nosuch")::get;
    Cli variable = usageError("predict", "--model", "m.tflite");
    assertTrue(
        variable.err().startsWith("edgeinfer: EDGEINFER_PROFILE: unknown profile 'nosuch'"),
        variable.toString());
  }

  @Test
  void profileListHasJsonWithNumbersAsNumbers() {
    Cli cli = Cli.run("profile", "list", "--json");
    assertEquals(0, cli.exitCode(), cli.toString());
    JsonNode zero = Json.parse(cli.out()).get("profiles").get(0);
    assertEquals("pi-zero-2w", zero.get("name").asText());
    assertTrue(zero.get("memory_mb").isIntegralNumber(), cli.out());
    assertEquals(512, zero.get("memory_mb").asInt());
    assertEquals(256, zero.get("budget_mb").asInt());
    assertEquals("int8", zero.get("precision").asText());
  }
}
