package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.mqtt.outbox.Outbox;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A QoS 1 request the pipeline refuses (here: it has stopped taking messages, as while serve
 * drains) is not acknowledged, so the broker delivers it again to the next session of the same
 * client.
 */
class RefusedQos1Test {
  @TempDir Path dir;

  @Test
  void aRefusedRequestIsAnsweredByTheNextSession() throws Exception {
    String uri = Brokers.requireMosquitto();
    String prefix = "edgeinfer-test/" + UUID.randomUUID();
    String clientId = "edgeinfer-test-" + UUID.randomUUID();
    ModelInfo info = new ModelInfo("sum", "1", "java", List.of("negative", "positive"));
    Metrics metrics = new Metrics();
    BrokerSettings broker =
        new BrokerSettings(
            uri,
            clientId,
            null,
            null,
            null,
            List.of(prefix + "/in/+"),
            1,
            "edgeinfer-test/" + clientId + "/status",
            0);
    AtomicReference<Pipeline> pipeline = new AtomicReference<>();
    try (TestClient client = new TestClient(uri).subscribe(prefix + "/in/+/+")) {
      MqttService first =
          MqttService.start(
              broker,
              info,
              metrics,
              Outbox.open(dir.resolve("outbox-1"), 1000, 1 << 20),
              1000,
              sink -> {
                Pipeline p =
                    new Pipeline(
                        new SumModel(),
                        SumModel.SIGNATURE,
                        info,
                        SumServices.settings(8, 2),
                        sink,
                        metrics);
                pipeline.set(p);
                return p;
              });
      try {
        pipeline.get().close();
        client.publish(prefix + "/in/a", "{\"id\": \"late\", \"instances\": [[1, 2, 3]]}");
        assertNull(client.next(2), "the stopped pipeline answered nothing");
      } finally {
        first.close();
      }
      Metrics secondMetrics = new Metrics();
      MqttService second =
          SumServices.start(
              uri,
              clientId,
              List.of(prefix + "/in/+"),
              dir.resolve("outbox-2"),
              new SumModel(),
              info,
              secondMetrics,
              SumServices.settings(8, 2));
      try {
        TestClient.Received reply = client.next(15);
        assertNotNull(
            reply,
            "the broker delivered the request again to the next session; it received "
                + secondMetrics.received.get());
        assertEquals(prefix + "/in/a/prediction", reply.topic(), reply.payload());
        assertTrue(reply.payload().contains("\"id\":\"late\""), reply.payload());
      } finally {
        second.close();
      }
    }
  }
}
