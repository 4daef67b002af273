package io.edgeinfer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A program run to its end as a shell would run it: own environment, stdin, output kept whole. */
record Launched(int exitCode, String out, String err) {
  /** Variables of the test's own environment that would change what a launcher does. */
  static final List<String> CLEARED =
      List.of("JAVA_HOME", "JAVA_OPTS", "EDGEINFER_PROFILE", "EDGEINFER_TF_LOGS", "XDG_CACHE_HOME");

  static Launched run(List<String> command, Map<String, String> env, String stdin, Duration timeout)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("launched", ".out");
    Path err = Files.createTempFile("launched", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      CLEARED.forEach(builder.environment()::remove);
      builder.environment().putAll(env);
      Process process = builder.start();
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            command + " did not finish in " + timeout + ":\n" + Files.readString(err));
      }
      return new Launched(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  List<String> errLines() {
    return err.lines().toList();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
