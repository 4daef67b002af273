package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.mqtt.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every answer goes where the route its message carried from the start says: a watched file's
 * beside that file, an MQTT request's to its response topic with its correlation data, whatever
 * characters the names hold and whatever the topics look like.
 */
class ReplyRoutesTest {
  private static final String STATUS = "edgeinfer-test/routes/status";

  @TempDir Path dir;

  @Test
  void eachAnswerGoesToTheRouteItsMessageCarried() throws Exception {
    Path watched = Files.createDirectories(dir.resolve("in"));
    // Looks like a watched file's topic, but answered already: the watcher leaves it alone.
    Files.writeString(watched.resolve("c.json"), "[[9, 9, 9]]");
    Files.writeString(watched.resolve("c.json.error.json"), "{\"error\":\"earlier\"}");
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir.resolve("mosquitto"));
        TestClient client =
            new TestClient(broker.uri())
                .subscribe(STATUS)
                .subscribe("file/+/prediction")
                .subscribe("replies/#")) {
      BrokerSettings settings =
          new BrokerSettings(
              broker.uri(), "routes", null, null, null, List.of("file/+"), 1, STATUS, 0);
      try (ServiceRunner runner =
          ServiceRunner.builder(
                  new SumModel(),
                  SumModel.SIGNATURE,
                  new ModelInfo("sum", "1", "java", List.of()),
                  SumServices.settings(8, 0),
                  new Metrics())
              .broker(settings, Outbox.open(dir.resolve("outbox"), 100, 1 << 20))
              .watch(watched)
              .start()) {
        assertTrue(runner.describe().contains("watching"), runner.describe());
        awaitOnline(client);

        // A name no topic level could be read back from: once the route was rebuilt from
        // "file/NAME", a backslash made it no input, and its answer was never written.
        String name = "a\\b é.json";
        Files.writeString(watched.resolve(name), "[[1, 2, 3]]");
        TestClient.Received published = next(client, "file/" + name + "/prediction");
        assertTrue(published.payload().contains("\"sum\":6.0"), published.payload());
        Path answer = watched.resolve(name + ".prediction.json");
        awaitFile(answer);
        assertTrue(Files.readString(answer).contains("\"sum\":6.0"), Files.readString(answer));

        // An MQTT request on a topic like a watched file's, answered on a response topic that
        // names one: it goes to that response topic, with its correlation data, and no file is
        // written or removed.
        String responseTopic = "replies/ sp/é/a\\b/file/c.json";
        byte[] correlation = {0, 1, 2, (byte) 0xFF, '/', '#'};
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic(responseTopic);
        properties.setCorrelationData(correlation);
        client.publish("file/c.json", "[[4, 5, 6]]".getBytes(StandardCharsets.UTF_8), properties);
        TestClient.Received reply = next(client, responseTopic);
        assertTrue(reply.payload().contains("\"sum\":15.0"), reply.payload());
        assertArrayEquals(correlation, reply.properties().getCorrelationData());

        // And one without a response topic: on the output topic of the topic it came on.
        client.publish("file/c.json", "[[7, 8, 9]]");
        TestClient.Received output = next(client, "file/c.json/prediction");
        assertTrue(output.payload().contains("\"sum\":24.0"), output.payload());
        assertFalse(Files.exists(watched.resolve("c.json.prediction.json")));
        assertEquals(
            "{\"error\":\"earlier\"}", Files.readString(watched.resolve("c.json.error.json")));
      }
    }
  }

  private static void awaitOnline(TestClient client) throws InterruptedException {
    TestClient.Received status = next(client, STATUS);
    assertTrue(status.payload().contains("\"state\":\"online\""), status.payload());
  }

  /** The next message on {@code topic}, skipping others. */
  private static TestClient.Received next(TestClient client, String topic)
      throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      TestClient.Received received = client.next(1);
      if (received != null && received.topic().equals(topic)) {
        return received;
      }
    }
    throw new AssertionError("nothing arrived on " + topic);
  }

  private static void awaitFile(Path file) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!Files.exists(file) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertNotNull(Files.exists(file) ? file : null, "not written: " + file);
  }
}
