package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.mqtt.outbox.DeadLetterFolder;
import io.edgeinfer.mqtt.outbox.Outbox;
import io.edgeinfer.mqtt.outbox.OutboxEntry;
import io.edgeinfer.mqtt.publish.Publish;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F8: with the broker away and the outbox full, a reply waits for room (holding its worker, and so
 * the intake) instead of being dropped; each request is acknowledged once its reply is kept.
 */
class FullOutboxTest {
  @TempDir Path dir;

  @Test
  void aReplyWaitsForRoomInAFullOutboxAndIsNeverDropped() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    Metrics metrics = new Metrics();
    AtomicInteger acknowledged = new AtomicInteger();
    // Never connected: every reply goes to the outbox.
    ReconnectingClient away =
        new ReconnectingClient(
            "tcp://127.0.0.1:1",
            "away",
            new MqttConnectionOptions(),
            false,
            new ReconnectingClient.Listener() {
              @Override
              public void messageArrived(MqttAsyncClient from, String topic, MqttMessage m) {}

              @Override
              public void connected(MqttAsyncClient client, boolean reconnect) {}
            },
            scheduler);
    try (Outbox outbox = Outbox.open(dir.resolve("outbox"), 3, 1 << 20)) {
      Publisher publisher =
          new Publisher(away, outbox, DeadLetterFolder.open(dir.resolve("dead-letter")), metrics);
      Thread worker =
          new Thread(
              () -> {
                for (int i = 0; i < 5; i++) {
                  publisher.deliver(reply(i, acknowledged));
                }
              });
      worker.start();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (metrics.snapshot().outboxFullWaits() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(3, acknowledged.get(), "three kept, the fourth waits");
      assertTrue(worker.isAlive(), "the worker waits for room");
      assertEquals(0, metrics.snapshot().dropped());

      // The broker is back and takes two: room for the two waiting.
      for (OutboxEntry entry : outbox.pending(2)) {
        outbox.remove(entry.sequence());
      }
      worker.join(10_000);
      assertEquals(5, acknowledged.get());
      assertEquals(3, outbox.size());
      List<String> topics = outbox.pending(3).stream().map(e -> e.message().topic()).toList();
      assertEquals(List.of("out/2", "out/3", "out/4"), topics, "order holds");
      publisher.close();
    } finally {
      scheduler.shutdownNow();
    }
  }

  private static Reply reply(int i, AtomicInteger acknowledged) {
    byte[] payload = ("{\"id\":\"" + i + "\"}").getBytes(StandardCharsets.UTF_8);
    InboundMessage source =
        new InboundMessage("in", payload, null, null, null, 1, 0, acknowledged::incrementAndGet);
    return new Reply(source, payload, List.of(Publish.of("out/" + i, payload, 1)), false);
  }
}
