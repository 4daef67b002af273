package io.edgeinfer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.mqtt.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distribution's {@code serve} answering one MQTT request, then stopping on SIGTERM with serve's
 * drain (exit 143), as under systemd: the distribution at {@code home} with {@code env} added, its
 * log in {@code work} and its outbox in {@code outbox}; {@code timeout} bounds each step (start,
 * answer, stop).
 */
record ServedOnce(
    Path home, Map<String, String> env, String broker, Path work, Path outbox, Duration timeout) {

  private static final Pattern PREDICTION =
      Pattern.compile("\"predictions\":\\[\\[(-?[0-9.]+(E-?[0-9]+)?)\\]\\]");

  /** Serves {@code model}, sends {@code request}: the one prediction is {@code expected}. */
  void check(Path model, String request, double expected, double tolerance) throws Exception {
    Files.createDirectories(work);
    String id = "it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    String topic = "edgeinfer-it/" + id + "/in";
    Path log = work.resolve("serve.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    home.resolve("bin/edgeinfer").toString(),
                    "serve",
                    "--model",
                    model.toString(),
                    "--broker",
                    broker,
                    "--input-topic",
                    topic,
                    "--client-id",
                    id,
                    "--outbox",
                    outbox.toString(),
                    "--max-batch",
                    "1"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Launched.CLEARED.forEach(builder.environment()::remove);
    builder.environment().putAll(env);
    Process serve = builder.start();
    try (TestClient client = new TestClient(broker)) {
      awaitServing(serve, log);
      client.subscribe(topic + "/prediction");
      client.publish(topic, request);
      TestClient.Received reply = client.next(timeout.toSeconds());
      assertNotNull(reply, "no reply in " + timeout + ":\n" + Files.readString(log));
      Matcher prediction = PREDICTION.matcher(reply.payload());
      assertTrue(prediction.find(), reply.payload());
      assertEquals(expected, Double.parseDouble(prediction.group(1)), tolerance, reply.payload());

      serve.destroy();
      assertTrue(serve.waitFor(timeout.toSeconds(), TimeUnit.SECONDS), "serve did not stop");
      assertEquals(ServeProcess.SIGTERM_EXIT, serve.exitValue(), Files.readString(log));
    } finally {
      serve.destroyForcibly();
    }
  }

  private void awaitServing(Process serve, Path log) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readAllLines(log).stream().anyMatch(l -> l.startsWith("serving "))) {
        return;
      }
      if (!serve.isAlive()) {
        throw new AssertionError(
            "serve exited " + serve.exitValue() + ":\n" + Files.readString(log));
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "serve printed no 'serving' line in " + timeout + ":\n" + Files.readString(log));
  }
}
