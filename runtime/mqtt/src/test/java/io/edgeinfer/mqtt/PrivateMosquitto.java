package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the test's own, on a free port with persistence in a temporary folder, that the
 * test may stop, kill and restart (the shared one on 1883 must stay up for others).
 */
public final class PrivateMosquitto implements AutoCloseable {
  private static final List<String> BINARIES = List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto");

  private final Path binary;
  private final Path dir;
  private final int port;
  private Process process;

  private PrivateMosquitto(Path binary, Path dir, int port) {
    this.binary = binary;
    this.dir = dir;
    this.port = port;
  }

  /** Starts one, or skips the calling test when Mosquitto is not installed. */
  public static PrivateMosquitto start(Path dir) throws IOException, InterruptedException {
    return start(dir, "");
  }

  /**
   * As {@link #start(Path)}, with {@code extraConfig} appended to the generated mosquitto.conf
   * (e.g. a second, TLS listener); Mosquitto's log is {@code dir/mosquitto.log}.
   */
  public static PrivateMosquitto start(Path dir, String extraConfig)
      throws IOException, InterruptedException {
    Path binary =
        BINARIES.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    assumeTrue(binary != null, "skipped: the mosquitto binary is not installed");
    Files.createDirectories(dir);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.writeString(
        dir.resolve("mosquitto.conf"),
        "listener "
            + port
            + " 127.0.0.1\n"
            + "allow_anonymous true\n"
            + "persistence true\n"
            + "persistence_location "
            + dir
            + "/\n"
            // Mosquitto drops root to user 'mosquitto', which could not write the temp folder.
            + "user root\n"
            + "max_queued_messages 100000\n"
            + "log_dest file "
            + dir.resolve("mosquitto.log")
            + "\n"
            + extraConfig);
    PrivateMosquitto broker = new PrivateMosquitto(binary, dir, port);
    broker.launch();
    return broker;
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  private void launch() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(binary.toString(), "-c", dir.resolve("mosquitto.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("stdout.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IOException("mosquitto did not start on port " + port + " (see " + dir + ")");
  }

  /** A clean stop (SIGTERM): Mosquitto saves its sessions and queued messages first. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  public void restart() throws IOException, InterruptedException {
    stop();
    launch();
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
