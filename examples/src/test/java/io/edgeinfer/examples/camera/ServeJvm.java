package io.edgeinfer.examples.camera;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code edgeinfer serve} in a JVM of its own, as the README starts it in a terminal. */
final class ServeJvm implements AutoCloseable {
  private final Process process;
  private final Path log;

  private ServeJvm(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts it and waits for its "serving" line. */
  static ServeJvm start(Path log, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.edgeinfer.cli.Main");
    command.addAll(args);
    ServeJvm serve =
        new ServeJvm(
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start(),
            log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!serve.output().lines().anyMatch(l -> l.startsWith("serving "))) {
      if (!serve.process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("serve did not start:\n" + serve.output());
      }
      Thread.sleep(100);
    }
    return serve;
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
