package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.mqtt.PrivateMosquitto;
import io.edgeinfer.mqtt.TestClient;
import io.edgeinfer.tensorflow.testing.TestSavedModels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} as separate processes against a broker of the test's own. */
class ServeEndToEndTest {
  private static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\"");

  @TempDir static Path dir;
  static Path model;

  @BeforeAll
  static void makeModel() throws Exception {
    model = TestSavedModels.affine(dir.resolve("affine"));
  }

  /** Collects replies on {@code filter} until {@code expected} distinct ids arrived (or time). */
  private static Map<String, Integer> collect(TestClient client, int expected, int seconds)
      throws InterruptedException {
    Map<String, Integer> seen = new HashMap<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (seen.size() < expected && System.nanoTime() < deadline) {
      TestClient.Received received = client.next(1);
      if (received != null && received.topic().endsWith("/prediction")) {
        Matcher matcher = ID.matcher(received.payload());
        assertTrue(matcher.find(), received.payload());
        seen.merge(matcher.group(1), 1, Integer::sum);
      }
    }
    // Give duplicates a moment to show up.
    TestClient.Received late;
    while ((late = client.next(1)) != null) {
      Matcher matcher = ID.matcher(late.payload());
      if (late.topic().endsWith("/prediction") && matcher.find()) {
        seen.merge(matcher.group(1), 1, Integer::sum);
      }
    }
    return seen;
  }

  private static String request(int id) {
    return "{\"id\": \"" + id + "\", \"instances\": [[" + id + ", 0, 1]]}";
  }

  private static long predicted(int port) throws Exception {
    String text =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher matcher = Pattern.compile("edgeinfer_predictions_total (\\d+)").matcher(text);
    assertTrue(matcher.find(), text);
    return Long.parseLong(matcher.group(1));
  }

  @Test
  void twoProcessesInOneSharedSubscriptionAnswerEachMessageOnce() throws Exception {
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir.resolve("shared-broker"));
        ServeProcess a = serveShared(broker, "a", 19101);
        ServeProcess b = serveShared(broker, "b", 19102);
        TestClient client = new TestClient(broker.uri()).subscribe("plant/+/prediction")) {
      int count = 200;
      for (int i = 0; i < count; i++) {
        client.publish("plant/line" + (i % 4), request(i));
      }
      Map<String, Integer> seen = collect(client, count, 60);
      assertEquals(count, seen.size(), "answered: " + seen.keySet());
      seen.forEach((id, times) -> assertEquals(1, times, "request " + id + " answered twice"));
      long byA = predicted(19101);
      long byB = predicted(19102);
      assertEquals(count, byA + byB);
      assertTrue(byA > 0 && byB > 0, "a answered " + byA + ", b " + byB);
      // SIGTERM: each drains and exits as a JVM does on SIGTERM (128 + 15).
      assertEquals(ServeProcess.SIGTERM_EXIT, a.stop(), a.output());
      assertEquals(ServeProcess.SIGTERM_EXIT, b.stop(), b.output());
    }
  }

  private static ServeProcess serveShared(PrivateMosquitto broker, String name, int metricsPort)
      throws Exception {
    return ServeProcess.start(
        dir.resolve("serve-" + name + ".log"),
        "--model",
        model.toString(),
        "--broker",
        broker.uri(),
        "--input-topic",
        "$share/edgeinfer/plant/+",
        "--client-id",
        "serve-" + name,
        "--outbox",
        dir.resolve("outbox-" + name).toString(),
        "--metrics-port",
        Integer.toString(metricsPort));
  }

  @Test
  void aBrokerRestartMidStreamLosesNoPrediction() throws Exception {
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir.resolve("restart-broker"));
        ServeProcess serve =
            ServeProcess.start(
                dir.resolve("serve-restart.log"),
                "--model",
                model.toString(),
                "--broker",
                broker.uri(),
                "--input-topic",
                "meters/+",
                "--client-id",
                "serve-restart",
                "--outbox",
                dir.resolve("outbox-restart").toString());
        PersistentClient client = new PersistentClient(broker.uri(), "meters/+/prediction")) {
      int count = 300;
      for (int i = 0; i < count; i++) {
        if (i == count / 2) {
          broker.restart();
        }
        client.publishUntilAccepted("meters/m" + (i % 3), request(i));
      }
      Map<String, Integer> seen = client.collectIds(count, 90);
      assertEquals(count, seen.size(), "missing: " + client.missing(count, seen) + serve.output());
      assertEquals(ServeProcess.SIGTERM_EXIT, serve.stop(), serve.output());
    }
  }

  @Test
  void killedWithAFullOutboxItDeliversEverythingAfterARestart() throws Exception {
    Path watch = java.nio.file.Files.createDirectories(dir.resolve("watched"));
    Path outbox = dir.resolve("outbox-kill");
    String[] args = {
      "--model", model.toString(),
      "--watch", watch.toString(),
      "--client-id", "serve-kill",
      "--outbox", outbox.toString()
    };
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir.resolve("kill-broker"));
        PersistentClient client = new PersistentClient(broker.uri(), "file/+/prediction")) {
      String[] withBroker =
          java.util.stream.Stream.concat(
                  java.util.Arrays.stream(args),
                  java.util.stream.Stream.of("--broker", broker.uri()))
              .toArray(String[]::new);
      int count = 20;
      try (ServeProcess first = ServeProcess.start(dir.resolve("serve-kill-1.log"), withBroker)) {
        broker.stop();
        for (int i = 0; i < count; i++) {
          java.nio.file.Files.writeString(watch.resolve("reading-" + i + ".json"), request(i));
        }
        awaitFiles(watch, ".prediction.json", count);
        // The prediction file is written before the reply goes to the outbox: wait for both.
        awaitFiles(outbox, ".msg", count);
        assertEquals(count, countFiles(outbox, ".msg"), "replies waiting in the outbox");
        first.kill();
      }
      broker.restart();
      try (ServeProcess second = ServeProcess.start(dir.resolve("serve-kill-2.log"), withBroker)) {
        Map<String, Integer> seen = client.collectIds(count, 60);
        assertEquals(
            count, seen.size(), "missing: " + client.missing(count, seen) + second.output());
        assertEquals(0, countFiles(outbox, ".msg"), "the outbox is drained");
      }
    }
  }

  @Test
  void anEmbeddedBrokerNeedsNothingElse() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (ServeProcess serve =
        ServeProcess.start(
            dir.resolve("serve-embedded.log"),
            "--model",
            model.toString(),
            "--broker",
            "embedded:" + port,
            "--input-topic",
            "sensors/+",
            "--client-id",
            "serve-embedded",
            "--outbox",
            dir.resolve("outbox-embedded").toString())) {
      assertTrue(serve.output().contains("embedded broker (Apache Artemis"), serve.output());
      // Anonymous, so on loopback unless told otherwise (F11).
      assertTrue(serve.output().contains(") on 127.0.0.1:" + port), serve.output());
      try (TestClient client =
          new TestClient("tcp://127.0.0.1:" + port).subscribe("sensors/+/prediction")) {
        client.publish("sensors/s1", request(7));
        TestClient.Received reply = client.next(20);
        assertTrue(reply != null && reply.payload().contains("\"id\":\"7\""), serve.output());
      }
    }
  }

  private static void awaitFiles(Path folder, String suffix, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (countFiles(folder, suffix) < count) {
      assertTrue(
          System.nanoTime() < deadline, "expected " + count + " *" + suffix + " in " + folder);
      Thread.sleep(100);
    }
  }

  private static long countFiles(Path folder, String suffix) throws java.io.IOException {
    if (!java.nio.file.Files.isDirectory(folder)) {
      return 0;
    }
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
    }
  }
}
