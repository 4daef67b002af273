package io.edgeinfer.mqtt;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A sum service on a Mosquitto of the test's own, with a test client subscribed to everything under
 * the test's topic prefix: requests go to {@code PREFIX/in/NAME}.
 */
final class ServedSum implements AutoCloseable {
  final PrivateMosquitto broker;
  final String prefix = "edgeinfer-test/" + UUID.randomUUID();
  final Metrics metrics = new Metrics();
  final MqttService service;
  final TestClient client;

  /** {@code mosquittoConfig} is added to the broker's configuration (e.g. an ACL file). */
  ServedSum(Path dir, String mosquittoConfig, Path outbox) throws Exception {
    broker = PrivateMosquitto.start(dir.resolve("mosquitto"), mosquittoConfig);
    ModelInfo info = new ModelInfo("sum", "1", "java", List.of("negative", "positive"));
    service =
        SumServices.start(
            broker.uri(),
            "edgeinfer-test-" + UUID.randomUUID(),
            List.of(prefix + "/in/+"),
            outbox,
            new SumModel(),
            info,
            metrics,
            SumServices.settings(32, 2));
    // Not the requests themselves: one with oversized correlation data would stop the test client.
    client =
        new TestClient(broker.uri()).subscribe(prefix + "/in/+/+").subscribe(prefix + "/replies/#");
  }

  /** The next message on {@code topic}, skipping others (the requests themselves). */
  TestClient.Received next(String topic) throws InterruptedException {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      TestClient.Received received = client.next(1);
      if (received != null && received.topic().equals(topic)) {
        return received;
      }
    }
    throw new AssertionError("nothing arrived on " + topic);
  }

  @Override
  public void close() throws org.eclipse.paho.mqttv5.common.MqttException {
    try {
      client.close();
      service.close();
    } finally {
      broker.close();
    }
  }
}
