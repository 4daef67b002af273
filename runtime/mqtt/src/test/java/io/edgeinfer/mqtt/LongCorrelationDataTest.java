package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F3: correlation data Paho cannot read (32,768 bytes or more) no longer kills its receiving
 * thread: the request is answered with an error, acknowledged, and the next one is answered.
 */
class LongCorrelationDataTest {
  @TempDir Path dir;

  @Test
  void tooLongCorrelationDataIsAnsweredWithAnErrorAndIntakeGoesOn() throws Exception {
    try (ServedSum served = new ServedSum(dir, "", dir.resolve("outbox"))) {
      MqttProperties poison = new MqttProperties();
      poison.setResponseTopic(served.prefix + "/replies/me");
      poison.setCorrelationData(new byte[40_000]);
      poison.setContentType("application/json");
      served.client.publish(
          served.prefix + "/in/a", "[[1, 2, 3]]".getBytes(StandardCharsets.UTF_8), poison);
      TestClient.Received error = served.next(served.prefix + "/in/a/error");
      assertEquals(
          "{\"error\":\"expected correlation data of at most 32767 bytes (the most this"
              + " service's MQTT client reads), found 40000 bytes\",\"topic\":\""
              + served.prefix
              + "/in/a\",\"model\":\"sum\"}",
          error.payload());
      TestClient.Received toRequester = served.next(served.prefix + "/replies/me");
      assertNull(toRequester.properties().getCorrelationData());
      assertTrue(toRequester.payload().contains("found 40000 bytes"), toRequester.payload());

      MqttProperties longest = new MqttProperties();
      longest.setResponseTopic(served.prefix + "/replies/me");
      byte[] correlation = new byte[32_767];
      correlation[32_766] = 42;
      longest.setCorrelationData(correlation);
      served.client.publish(
          served.prefix + "/in/b", "[[1, 2, 3]]".getBytes(StandardCharsets.UTF_8), longest);
      TestClient.Received reply = served.next(served.prefix + "/replies/me");
      assertTrue(reply.payload().contains("\"sum\":6.0"), reply.payload());
      assertArrayEquals(correlation, reply.properties().getCorrelationData());
      assertEquals(1, served.metrics.snapshot().predicted());
      assertEquals(1, served.metrics.snapshot().errors());
    }
  }
}
