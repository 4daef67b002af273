package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** serve's Home Assistant flags: what does not go together is a usage error before any model. */
class HomeAssistantFlagsTest {
  private static String usageError(String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "serve";
    args[1] = "-m";
    args[2] = "never-read.tflite";
    System.arraycopy(options, 0, args, 3, options.length);
    Cli cli = Cli.run(args);
    assertEquals(2, cli.exitCode(), cli.toString());
    return cli.err().lines().findFirst().orElseThrow();
  }

  @Test
  void flagsThatDoNotGoTogetherAreUsageErrors() {
    assertEquals(
        "edgeinfer: expected --homeassistant with --ha-labels, found --ha-labels alone",
        usageError("--input-topic", "t", "--ha-labels", "person"));
    assertEquals(
        "edgeinfer: expected at least one label for Home Assistant (--ha-labels person,car),"
            + " found none",
        usageError("--input-topic", "t", "--homeassistant"));
    assertEquals(
        "edgeinfer: expected a Home Assistant threshold between 0 and 1, found 2.0",
        usageError(
            "--input-topic", "t", "--homeassistant", "--ha-labels", "cat", "--ha-threshold", "2"));
    assertEquals(
        "edgeinfer: expected a broker for --homeassistant (its entities live there), found only"
            + " --watch: add --broker",
        usageError("--watch", "in", "--homeassistant", "--ha-labels", "cat"));
    assertEquals(
        "edgeinfer: expected a discovery prefix such as 'homeassistant' (no wildcards), found"
            + " 'ha/#'",
        usageError(
            "--input-topic", "t", "--homeassistant", "--ha-labels", "cat", "--ha-prefix", "ha/#"));
  }
}
