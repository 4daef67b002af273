package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.codec.Format;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service against a real broker, with a model whose answers are sums. */
class MqttServiceTest {
  @TempDir Path dir;
  String prefix;
  SumModel model;
  MqttService service;
  TestClient client;

  @BeforeEach
  void start() throws Exception {
    String uri = Brokers.requireMosquitto();
    prefix = "edgeinfer-test/" + UUID.randomUUID();
    model = new SumModel();
    ModelInfo info = new ModelInfo("sum", "1", "java", List.of("negative", "positive"));
    service =
        SumServices.start(
            uri,
            "edgeinfer-test-" + UUID.randomUUID(),
            List.of(prefix + "/in/+"),
            dir.resolve("outbox"),
            model,
            info,
            new Metrics(),
            SumServices.settings(32, 5));
    client = new TestClient(uri).subscribe(prefix + "/#");
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    if (service != null) {
      service.close();
    }
  }

  /** The next message on {@code topic}, skipping others (status, the requests themselves). */
  private TestClient.Received next(String topic) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      TestClient.Received received = client.next(1);
      if (received != null && received.topic().equals(topic)) {
        return received;
      }
    }
    throw new AssertionError("nothing arrived on " + topic);
  }

  @Test
  void answersOnTheResponseTopicWithTheCorrelationData() throws Exception {
    MqttProperties properties = new MqttProperties();
    properties.setResponseTopic(prefix + "/replies/me");
    properties.setCorrelationData(new byte[] {7, 8, 9});
    client.publish(
        prefix + "/in/kitchen",
        "{\"id\": \"r1\", \"instances\": [[1, 2, 3]]}".getBytes(StandardCharsets.UTF_8),
        properties);
    TestClient.Received reply = next(prefix + "/replies/me");
    assertArrayEquals(new byte[] {7, 8, 9}, reply.properties().getCorrelationData());
    assertEquals("application/json", reply.properties().getContentType());
    assertTrue(reply.payload().contains("\"id\":\"r1\""), reply.payload());
    assertTrue(
        reply.payload().contains("\"topic\":\"" + prefix + "/in/kitchen\""), reply.payload());
    assertTrue(reply.payload().contains("\"model\":\"sum\""), reply.payload());
    assertTrue(reply.payload().contains("\"sum\":6.0"), reply.payload());
    assertTrue(
        reply.payload().contains("\"classes\":[{\"label\":\"positive\",\"probability\":1.0}]"),
        reply.payload());
  }

  @Test
  void answersOnTheOutputTopicOtherwise() throws Exception {
    client.publish(prefix + "/in/hall", "[[-1, -2, 0.5]]");
    TestClient.Received reply = next(prefix + "/in/hall/prediction");
    assertTrue(reply.payload().contains("\"sum\":-2.5"), reply.payload());
    assertTrue(reply.payload().contains("\"label\":\"negative\""), reply.payload());
  }

  @Test
  void malformedPayloadsGetErrorsAndTheServiceGoesOn() throws Exception {
    String topic = prefix + "/in/bad";
    List<String> payloads =
        List.of(
            "not json",
            "{\"id\": \"short\", \"instances\": [[1, 2]]}",
            "{\"id\": \"text\", \"instances\": [[\"a\", \"b\", \"c\"]]}",
            "{\"id\": \"nan\", \"instances\": [[1, NaN, 3]]}");
    for (String payload : payloads) {
      client.publish(topic, payload);
    }
    client.publish(topic, new byte[10 << 20], new MqttProperties());
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      errors.add(next(topic + "/error").payload());
    }
    assertTrue(errors.get(0).startsWith("{\"error\":\"malformed JSON"), errors.get(0));
    assertTrue(
        errors.get(1).contains("input 'x': expected shape [-1, 3], found [1, 2]")
            && errors.get(1).contains("\"id\":\"short\""),
        errors.get(1));
    assertTrue(errors.get(2).contains("expected a float32 number, found a string"), errors.get(2));
    assertTrue(errors.get(3).contains("expected finite numbers, found NaN"), errors.get(3));
    assertTrue(
        errors.get(4).contains("expected a payload of at most 1048576 bytes, found 10485760"),
        errors.get(4));
    for (String error : errors) {
      assertTrue(error.contains("\"topic\":\"" + topic + "\""), error);
    }
    client.publish(topic, "[[1, 1, 1]]");
    assertTrue(next(topic + "/prediction").payload().contains("\"sum\":3.0"));
  }

  @Test
  void repliesForOneTopicKeepTheirOrderAndArriveInBatches() throws Exception {
    String topic = prefix + "/in/burst";
    int count = 300;
    for (int i = 0; i < count; i++) {
      client.publish(topic, "{\"id\": \"" + i + "\", \"instances\": [[" + i + ", 0, 0]]}");
    }
    for (int i = 0; i < count; i++) {
      TestClient.Received reply = next(topic + "/prediction");
      assertTrue(reply.payload().startsWith("{\"id\":\"" + i + "\""), reply.payload());
      assertTrue(reply.payload().contains("\"sum\":" + (float) i), reply.payload());
    }
    // The first call is the warm-up on one row of zeros; then every message was predicted once.
    assertEquals(1, model.batchSizes.get(0));
    assertEquals(count + 1, model.batchSizes.stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void otherFormatsFollowTheContentType() throws Exception {
    MqttProperties raw = new MqttProperties();
    raw.setContentType("application/octet-stream");
    java.nio.ByteBuffer floats =
        java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    floats.putFloat(1).putFloat(2).putFloat(3).putFloat(4).putFloat(5).putFloat(6);
    client.publish(prefix + "/in/raw", floats.array(), raw);
    TestClient.Received reply = next(prefix + "/in/raw/prediction");
    assertTrue(reply.payload().contains("\"predictions\":[{\"sum\":6.0"), reply.payload());
    assertTrue(reply.payload().contains("{\"sum\":15.0"), reply.payload());
    MqttProperties npy = new MqttProperties();
    npy.setContentType("application/x-npy");
    client.publish(
        prefix + "/in/npy",
        io.edgeinfer.core.codec.NpyCodec.write(
            io.edgeinfer.core.Tensor.ofFloats(new float[][] {{0.5f, 0.25f, 0.25f}})),
        npy);
    assertTrue(next(prefix + "/in/npy/prediction").payload().contains("\"sum\":1.0"));
    assertNotNull(Format.NPY);
  }
}
