package io.edgeinfer.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.mqtt.Metrics;
import io.edgeinfer.mqtt.ModelInfo;
import io.edgeinfer.mqtt.MqttService;
import io.edgeinfer.mqtt.SumModel;
import io.edgeinfer.mqtt.SumServices;
import io.edgeinfer.mqtt.TestClient;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker carries what serve relies on: MQTT v5 replies and shared subscriptions. */
class ArtemisBrokerTest {
  static ArtemisBroker broker;
  static String uri;

  @BeforeAll
  static void start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    broker = new ArtemisBroker();
    broker.start("127.0.0.1", port);
    uri = "tcp://127.0.0.1:" + port;
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void describesItself() {
    assertTrue(broker.description().startsWith("Apache Artemis 2."), broker.description());
  }

  @Test
  void servesARequestWithResponseTopicAndCorrelationData(@TempDir Path dir) throws Exception {
    SumModel model = new SumModel();
    ModelInfo info = new ModelInfo("sum", "1", "java", List.of());
    Metrics metrics = new Metrics();
    try (MqttService service =
            SumServices.start(
                uri,
                "embedded-test",
                List.of("in/+"),
                dir.resolve("outbox"),
                model,
                info,
                metrics,
                SumServices.settings(8, 2));
        TestClient client = new TestClient(uri).subscribe("replies/#")) {
      MqttProperties properties = new MqttProperties();
      properties.setResponseTopic("replies/a");
      properties.setCorrelationData(new byte[] {1, 2, 3});
      client.publish("in/x", "[[1, 2, 3.5]]".getBytes(StandardCharsets.UTF_8), properties);
      TestClient.Received reply = client.next(10);
      assertNotNull(reply, "no reply through the embedded broker");
      assertEquals("replies/a", reply.topic());
      assertArrayEquals(new byte[] {1, 2, 3}, reply.properties().getCorrelationData());
      assertTrue(reply.payload().contains("\"sum\":6.5"), reply.payload());
      service.drainAndStop(java.time.Duration.ofSeconds(5));
      assertEquals(1, metrics.snapshot().predicted());
    }
  }

  @Test
  void sharedSubscriptionsDeliverEachMessageOnce() throws Exception {
    try (TestClient a = new TestClient(uri).subscribe("$share/group/work/+");
        TestClient b = new TestClient(uri).subscribe("$share/group/work/+");
        TestClient sender = new TestClient(uri)) {
      int count = 100;
      for (int i = 0; i < count; i++) {
        sender.publish("work/" + (i % 3), Integer.toString(i));
      }
      Set<String> seen = new HashSet<>();
      int byA = drain(a, seen);
      int byB = drain(b, seen);
      assertEquals(count, byA + byB, "each message once");
      assertEquals(count, seen.size());
      assertTrue(byA > 0 && byB > 0, "a got " + byA + ", b " + byB);
    }
  }

  private static int drain(TestClient client, Set<String> seen) throws InterruptedException {
    int received = 0;
    TestClient.Received message;
    while ((message = client.next(2)) != null) {
      seen.add(message.payload());
      received++;
    }
    return received;
  }
}
