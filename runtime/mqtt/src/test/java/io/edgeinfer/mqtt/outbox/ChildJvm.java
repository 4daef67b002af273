package io.edgeinfer.mqtt.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of the tests in a separate JVM: another process, as on a real board. */
final class ChildJvm {
  private ChildJvm() {}

  static Process start(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    // stderr to ours: the outbox's log lines show up in the test output, stdout stays parseable.
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  /** Runs to the end; stdout as text. */
  static String run(Class<?> main, String... args) throws IOException, InterruptedException {
    Process child = start(main, args);
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = child.waitFor();
    if (exit != 0) {
      throw new AssertionError(main.getSimpleName() + " exited with " + exit + ": " + out);
    }
    return out;
  }
}
