package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F6: the source tree's bin/edgeinfer (the one README's examples run) with a stand-in java: SIGTERM
 * reaches the JVM, which drains and exits with its own status, and the stderr filter passes lines
 * with binary bytes through.
 */
class SourceLauncherTest {
  private static final Path LAUNCHER = Path.of("../bin/edgeinfer");

  private static final String FAKE_JAVA =
      """
      #!/usr/bin/env bash
      if [[ -n ${FAKE_STDERR_NUL:-} ]]; then printf 'edgeinfer: found \\0 in the payload\\n' >&2; fi
      printf 'OpenJDK 64-Bit Server VM warning: Option UseBiasedLocking was deprecated\\n' >&2
      if [[ -n ${FAKE_SERVE:-} ]]; then
        trap 'echo "drained after SIGTERM" >&2; exit 143' TERM
        touch "$FAKE_SERVE"
        while :; do sleep 0.1; done
      fi
      exit "${FAKE_EXIT:-0}"
      """;

  @TempDir Path dir;
  Path tree;
  Path jdk;

  @BeforeEach
  void layOut() throws Exception {
    tree = Files.createDirectories(dir.resolve("edgeinfer")).toRealPath();
    Files.createDirectories(tree.resolve("bin"));
    Files.copy(LAUNCHER, tree.resolve("bin/edgeinfer"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createDirectories(tree.resolve("cli/target"));
    Files.createFile(tree.resolve("cli/target/edgeinfer-cli.jar"));
    jdk = Files.createDirectories(dir.resolve("jdk/bin")).getParent();
    Path java = Files.writeString(jdk.resolve("bin/java"), FAKE_JAVA);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void passesSigtermOnAndKeepsTheJvmsStatus() throws Exception {
    Path ready = dir.resolve("ready");
    Path err = dir.resolve("serve.err");
    ProcessBuilder builder =
        new ProcessBuilder(tree.resolve("bin/edgeinfer").toString(), "serve")
            .redirectError(err.toFile());
    Launched.CLEARED.forEach(builder.environment()::remove);
    builder.environment().put("JAVA_HOME", jdk.toString());
    builder.environment().put("FAKE_SERVE", ready.toString());
    Process process = builder.start();
    try {
      for (int i = 0; i < 600 && !Files.exists(ready); i++) {
        Thread.sleep(100);
      }
      assertTrue(Files.exists(ready), "the stand-in JVM did not start");
      process.destroy(); // SIGTERM to the launcher, as systemctl stop sends it
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "no exit");
      assertEquals(List.of("drained after SIGTERM"), Files.readAllLines(err));
      assertEquals(143, process.exitValue());
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void passesLinesWithBinaryBytesThroughTheFilter() throws Exception {
    Launched run =
        Launched.run(
            List.of(tree.resolve("bin/edgeinfer").toString(), "predict"),
            Map.of("JAVA_HOME", jdk.toString(), "FAKE_STDERR_NUL", "1", "FAKE_EXIT", "3"),
            "",
            Duration.ofSeconds(60));
    assertEquals(3, run.exitCode(), run.toString());
    assertEquals(List.of("edgeinfer: found \0 in the payload"), run.errLines(), run.toString());
  }
}
