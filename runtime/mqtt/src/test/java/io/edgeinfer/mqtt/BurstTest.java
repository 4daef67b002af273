package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.mqtt.outbox.Outbox;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F1: a burst larger than the service's queue, all QoS 1 in one topic, is answered in full. The
 * burst waits in the broker for the service's persistent session, then pours in at once when it
 * connects, as after a broker pause or a restart of the service. Mosquitto's queue limit is raised
 * (PrivateMosquitto: max_queued_messages 100000) so that the broker itself drops nothing.
 *
 * <p>Size: {@code -Dedgeinfer.burst.requests=20000} for the burst (about 10 s here); the
 * build runs 3,000 against a queue of 100, thirty times its size.
 */
class BurstTest {
  private static final Pattern ID = Pattern.compile("^\\{\"id\":\"(\\d+)\"");

  @TempDir Path dir;

  @Test
  void aBurstThatWaitedInTheBrokerIsAnsweredInFull() throws Exception {
    burst(true);
  }

  @Test
  void aBurstSentToTheRunningServiceIsAnsweredInFull() throws Exception {
    burst(false);
  }

  /** {@code backlog}: the burst waits in the broker for the session, then pours in at connect. */
  private void burst(boolean backlog) throws Exception {
    int requests = Integer.getInteger("edgeinfer.burst.requests", 3000);
    // -Dedgeinfer.burst.mosquitto="max_queued_messages 1000" measures Mosquitto's defaults (it then
    // drops what it cannot queue, and this test reports how many were answered).
    String mosquittoConfig = System.getProperty("edgeinfer.burst.mosquitto", "");
    try (PrivateMosquitto broker =
        PrivateMosquitto.start(dir.resolve("mosquitto"), mosquittoConfig + "\n")) {
      String prefix = "edgeinfer-test/" + UUID.randomUUID();
      String clientId = "edgeinfer-burst-" + UUID.randomUUID();
      Metrics metrics = new Metrics();
      MqttService service = null;
      if (backlog) {
        // A first start makes the persistent session the broker keeps the burst for.
        start(broker, clientId, prefix, dir.resolve("outbox-1"), new Metrics()).close();
      } else {
        service = start(broker, clientId, prefix, dir.resolve("outbox-2"), metrics);
      }
      try (TestClient replies = new TestClient(broker.uri()).subscribe(prefix + "/in/+/+");
          BurstPublisher publisher = new BurstPublisher(broker.uri())) {
        long started = System.nanoTime();
        publisher.send(prefix + "/in/burst", requests);
        if (backlog) {
          started = System.nanoTime();
          service = start(broker, clientId, prefix, dir.resolve("outbox-2"), metrics);
        }
        BitSet answered = new BitSet(requests);
        int errors = 0;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (answered.cardinality() < requests && System.nanoTime() < deadline) {
          TestClient.Received reply = replies.next(5);
          if (reply == null) {
            break;
          }
          Matcher id = ID.matcher(reply.payload());
          if (reply.topic().endsWith("/prediction") && id.find()) {
            answered.set(Integer.parseInt(id.group(1)));
          } else {
            errors++;
          }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
            "burst (%s): %d of %d requests answered in %d ms (queue 100), %d errors, %s%n",
            backlog ? "waited in the broker" : "live",
            answered.cardinality(),
            requests,
            millis,
            errors,
            metrics.snapshot());
        assertEquals(requests, answered.cardinality(), "requests answered");
        assertEquals(0, errors);
        assertEquals(0, metrics.snapshot().refused());
      } finally {
        if (service != null) {
          service.close();
        }
      }
    }
  }

  private static MqttService start(
      PrivateMosquitto broker, String clientId, String prefix, Path outbox, Metrics metrics)
      throws Exception {
    ModelInfo info = new ModelInfo("sum", "1", "java", List.of());
    PipelineSettings base = SumServices.settings(32, 2);
    PipelineSettings settings =
        new PipelineSettings(
            1,
            32,
            2,
            100,
            1 << 20,
            false,
            base.outputTopic(),
            base.errorTopic(),
            1,
            base.formats());
    BrokerSettings settingsOfBroker =
        new BrokerSettings(
            broker.uri(),
            clientId,
            null,
            null,
            null,
            List.of(prefix + "/in/+"),
            1,
            "edgeinfer-test/" + clientId + "/status",
            0);
    return MqttService.start(
        settingsOfBroker,
        info,
        metrics,
        Outbox.open(outbox, 100_000, 256L << 20),
        settings.queueCapacity(),
        sink -> new Pipeline(new SumModel(), SumModel.SIGNATURE, info, settings, sink, metrics));
  }
}
