package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mosquitto's own command-line clients talk to the service: request, response, correlation. */
class ForeignClientsTest {
  @Test
  void mosquittoPubAndSubGetAnswers(@TempDir Path dir) throws Exception {
    String uri = Brokers.requireMosquitto();
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/mosquitto_pub"))
            && Files.isExecutable(Path.of("/usr/bin/mosquitto_sub")),
        "skipped: mosquitto_pub and mosquitto_sub are not installed");
    String prefix = "edgeinfer-foreign/" + UUID.randomUUID();
    SumModel model = new SumModel();
    ModelInfo info = new ModelInfo("sum", "1", "java", List.of());
    Metrics metrics = new Metrics();
    try (MqttService service =
        SumServices.start(
            uri,
            "foreign-" + UUID.randomUUID(),
            List.of(prefix + "/in"),
            dir.resolve("outbox"),
            model,
            info,
            metrics,
            SumServices.settings(8, 2))) {
      Process sub =
          new ProcessBuilder(
                  "mosquitto_sub",
                  "-V",
                  "5",
                  "-t",
                  prefix + "/replies",
                  "-C",
                  "1",
                  "-W",
                  "15",
                  "-F",
                  "%D|%p")
              .redirectErrorStream(true)
              .start();
      Thread.sleep(500); // let the subscription reach the broker first
      Process pub =
          new ProcessBuilder(
                  "mosquitto_pub",
                  "-V",
                  "5",
                  "-t",
                  prefix + "/in",
                  "-m",
                  "[[1, 2, 3]]",
                  "-D",
                  "publish",
                  "response-topic",
                  prefix + "/replies",
                  "-D",
                  "publish",
                  "correlation-data",
                  "req-42")
              .redirectErrorStream(true)
              .start();
      assertEquals(0, pub.waitFor());
      assertTrue(sub.waitFor(20, TimeUnit.SECONDS), "mosquitto_sub got nothing");
      String line = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertTrue(line.startsWith("req-42|{"), line);
      assertTrue(line.contains("\"sum\":6.0"), line);
      service.drainAndStop(java.time.Duration.ofSeconds(5));
    }
  }
}
