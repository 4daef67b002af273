package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.mqtt.outbox.Outbox;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F1: what {@code systemctl restart} does under load — stop (drain, as on SIGTERM), and start again
 * with the same client id and outbox a second later — while requests arrive at 1,000/s: every
 * request is answered. Those that came while the service drained or was away wait in the broker for
 * the session, and replies left in the outbox go out from the next process.
 */
class RestartUnderLoadTest {
  private static final Pattern ID = Pattern.compile("^\\{\"id\":\"(\\d+)\"");

  @TempDir Path dir;

  @Test
  void noRequestIsLostAcrossARestartAt1000PerSecond() throws Exception {
    int requests = 4000;
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir.resolve("mosquitto"))) {
      String prefix = "edgeinfer-test/" + UUID.randomUUID();
      String clientId = "edgeinfer-restart-" + UUID.randomUUID();
      Path outboxDir = dir.resolve("outbox");
      try (TestClient replies = new TestClient(broker.uri()).subscribe(prefix + "/in/+/+");
          BurstPublisher publisher = new BurstPublisher(broker.uri())) {
        Outbox firstOutbox = Outbox.open(outboxDir, 100_000, 256L << 20);
        MqttService first = start(broker, clientId, prefix, firstOutbox);
        CompletableFuture<Void> load =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    publisher.send(prefix + "/in/load", requests, 1000);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        Thread.sleep(1500);
        first.close(); // drains, as SIGTERM does
        firstOutbox.close();
        Thread.sleep(1000);
        MqttService second =
            start(broker, clientId, prefix, Outbox.open(outboxDir, 100_000, 256L << 20));
        try {
          load.get();
          BitSet answered = new BitSet(requests);
          long deadline = System.nanoTime() + 60_000_000_000L;
          while (answered.cardinality() < requests && System.nanoTime() < deadline) {
            TestClient.Received reply = replies.next(5);
            if (reply == null) {
              break;
            }
            Matcher id = ID.matcher(reply.payload());
            if (reply.topic().endsWith("/prediction") && id.find()) {
              answered.set(Integer.parseInt(id.group(1)));
            }
          }
          assertEquals(
              requests,
              answered.cardinality(),
              "answered; the first missing: " + answered.nextClearBit(0));
        } finally {
          second.close();
        }
      }
    }
  }

  private static MqttService start(
      PrivateMosquitto broker, String clientId, String prefix, Outbox outbox) throws Exception {
    ModelInfo info = new ModelInfo("sum", "1", "java", List.of());
    Metrics metrics = new Metrics();
    PipelineSettings settings = SumServices.settings(32, 2);
    return MqttService.start(
        new BrokerSettings(
            broker.uri(),
            clientId,
            null,
            null,
            null,
            List.of(prefix + "/in/+"),
            1,
            "edgeinfer-test/" + clientId + "/status",
            0),
        info,
        metrics,
        outbox,
        settings.queueCapacity(),
        sink -> new Pipeline(new SumModel(), SumModel.SIGNATURE, info, settings, sink, metrics));
  }
}
