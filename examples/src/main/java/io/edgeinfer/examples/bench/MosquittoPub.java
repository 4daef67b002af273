package io.edgeinfer.examples.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * {@code mosquitto_pub -l}: each request is one line written to its standard input, published as
 * one message. Requests are JSON on one line, so a newline ends each.
 */
final class MosquittoPub implements RequestSender {
  /** Mosquitto's default Receive Maximum, as for the Paho load client. */
  static final int WINDOW = 20;

  private final Process process;
  private final OutputStream lines;
  private final Path errors;
  private volatile String lastFailure;

  private MosquittoPub(Process process, Path errors) {
    this.process = process;
    this.lines = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
    this.errors = errors;
  }

  static MosquittoPub start(MosquittoClients clients, String topic, int qos) throws IOException {
    Path errors = Files.createTempFile("edgeinfer-bench-pub", ".err");
    Process process =
        new ProcessBuilder(clients.publisher(topic, qos, WINDOW))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(errors.toFile())
            .start();
    return new MosquittoPub(process, errors);
  }

  @Override
  public void send(byte[] payload) throws IOException {
    lines.write(payload);
    lines.write('\n');
  }

  @Override
  public void flush() throws IOException {
    lines.flush();
  }

  /** Ends its input: it sends what it has, disconnects and exits. */
  @Override
  public boolean awaitIdle(long millis) throws IOException, InterruptedException {
    lines.close();
    if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
      return false;
    }
    if (process.exitValue() != 0) {
      lastFailure =
          "mosquitto_pub exited with "
              + process.exitValue()
              + ": "
              + Files.readString(errors, StandardCharsets.UTF_8).strip();
    }
    return true;
  }

  /** Unknown per message: mosquitto_pub says only that it failed (then all count as lost). */
  @Override
  public long failures() {
    return lastFailure == null ? 0 : 1;
  }

  @Override
  public String lastFailure() {
    return lastFailure;
  }

  @Override
  public int window() {
    return WINDOW;
  }

  @Override
  public OptionalLong processCpuNanos() {
    return MosquittoClients.cpuNanos(process);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      Files.deleteIfExists(errors);
    } catch (IOException e) {
      // A temporary file; the OS clears it in time.
    }
  }
}
