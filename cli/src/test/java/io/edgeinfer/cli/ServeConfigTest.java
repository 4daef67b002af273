package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --config: the file's keys are option values, typed flags win, bad keys are named. */
class ServeConfigTest {
  @TempDir Path dir;

  @Test
  void theFileSuppliesOptions() throws Exception {
    Path missing = dir.resolve("from-config");
    Path config = Files.writeString(dir.resolve("serve.yaml"), "model: " + missing + "\n");
    Cli serve = Cli.run("serve", "--config", config.toString(), "--input-topic", "a/+");
    assertEquals(1, serve.exitCode(), serve.toString());
    assertTrue(serve.err().contains(missing.toString()), serve.toString());
  }

  @Test
  void typedFlagsWin() throws Exception {
    Path fromFile = dir.resolve("from-config");
    Path typed = dir.resolve("typed");
    Path config = Files.writeString(dir.resolve("serve.yaml"), "model: " + fromFile + "\n");
    Cli serve =
        Cli.run(
            "serve",
            "--config",
            config.toString(),
            "--model",
            typed.toString(),
            "--input-topic",
            "a/+");
    assertEquals(1, serve.exitCode(), serve.toString());
    assertTrue(serve.err().contains(typed.toString()), serve.toString());
    assertFalse(serve.err().contains(fromFile.toString()), serve.toString());
  }

  @Test
  void anUnknownKeyIsAUsageError() throws Exception {
    Path config = Files.writeString(dir.resolve("serve.yaml"), "modle: x\n");
    Cli serve = Cli.run("serve", "--config", config.toString());
    assertEquals(2, serve.exitCode(), serve.toString());
    assertTrue(serve.err().contains("unknown key 'modle' in " + config), serve.toString());
  }
}
