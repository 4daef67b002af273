package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.mqtt.outbox.Outbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --watch DIR --broker URL} with no input topic: nothing to subscribe to, so no SUBSCRIBE is
 * sent (an empty one is a protocol error, and the service reconnected in a loop); the service says
 * online and publishes the watched files' predictions.
 */
class WatchWithBrokerTest {
  @TempDir Path dir;

  @Test
  void watchingWithABrokerAndNoInputTopicSaysOnlineAndPublishes() throws Exception {
    Path watched = Files.createDirectories(dir.resolve("in"));
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir.resolve("mosquitto"));
        TestClient client =
            new TestClient(broker.uri())
                .subscribe("edgeinfer-test/watcher/status")
                .subscribe("file/+/prediction")) {
      BrokerSettings settings =
          new BrokerSettings(
              broker.uri(),
              "watcher",
              null,
              null,
              null,
              List.of(),
              1,
              "edgeinfer-test/watcher/status",
              0);
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
        assertTrue(runner.describe().contains("watching " + watched), runner.describe());
        TestClient.Received status = client.next(10);
        assertNotNull(status, "no status");
        assertTrue(status.payload().contains("\"state\":\"online\""), status.payload());
        Files.writeString(watched.resolve("a.json"), "[[1, 2, 3]]");
        TestClient.Received prediction = client.next(10);
        assertNotNull(prediction, "no prediction published");
        assertEquals("file/a.json/prediction", prediction.topic());
        assertTrue(prediction.payload().contains("\"sum\":6.0"), prediction.payload());
      }
    }
  }
}
