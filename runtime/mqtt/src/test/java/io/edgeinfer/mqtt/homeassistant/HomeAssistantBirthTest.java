package io.edgeinfer.mqtt.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.mqtt.BrokerSettings;
import io.edgeinfer.mqtt.Metrics;
import io.edgeinfer.mqtt.ModelInfo;
import io.edgeinfer.mqtt.PrivateMosquitto;
import io.edgeinfer.mqtt.ServiceRunner;
import io.edgeinfer.mqtt.SumModel;
import io.edgeinfer.mqtt.SumServices;
import io.edgeinfer.mqtt.TestClient;
import io.edgeinfer.mqtt.outbox.Outbox;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When Home Assistant restarts it says {@code online} on {@code PREFIX/status}; the service then
 * publishes its discovery configs and the entities' last state again, so that they come back even
 * from a broker that lost its retained messages. Its {@code offline} changes nothing.
 */
class HomeAssistantBirthTest {
  private static final String STATUS = "edgeinfer-test/ha-birth/status";
  private static final ModelInfo INFO =
      new ModelInfo("sum.tflite", "3", "java", List.of("negative", "positive"));
  private static final List<String> CONFIGS =
      List.of(
          "ha/binary_sensor/cam-2/positive_detected/config",
          "ha/sensor/cam-2/positive_score/config",
          "ha/binary_sensor/cam-2/negative_detected/config",
          "ha/sensor/cam-2/negative_score/config");

  @TempDir Path dir;

  @Test
  void homeAssistantsBirthMessageBringsConfigsAndStateBack() throws Exception {
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir.resolve("mosquitto"))) {
      BrokerSettings settings =
          new BrokerSettings(
              broker.uri(), "cam-2", null, null, null, List.of("cams/+"), 1, STATUS, 0);
      try (ServiceRunner runner =
              ServiceRunner.builder(
                      new SumModel(),
                      SumModel.SIGNATURE,
                      INFO,
                      SumServices.settings(8, 0),
                      new Metrics())
                  .broker(settings, Outbox.open(dir.resolve("outbox"), 100, 1 << 20))
                  .homeAssistant(
                      new HomeAssistantSettings("ha", List.of("positive", "negative"), 0.5))
                  .start();
          TestClient client = new TestClient(broker.uri()).subscribe("cams/+/prediction")) {
        assertTrue(runner.describe().contains("cams/+"), runner.describe());
        client.publish("cams/door", "[[1, 2, 3]]");
        TestClient.Received reply = client.next(10);
        assertTrue(reply != null && reply.payload().contains("\"sum\":6.0"), "reply: " + reply);
        String stateTopic = STATUS + "/homeassistant";
        try (RetainedSubscriber before = new RetainedSubscriber(broker.uri(), stateTopic)) {
          before.await(stateTopic, m -> m.payload().contains("\"positive\":\"ON\""));
        }

        // A broker that lost what it retained: an empty retained payload deletes each.
        for (String topic : Stream.concat(CONFIGS.stream(), Stream.of(stateTopic)).toList()) {
          client.publishRetained(topic, new byte[0]);
        }
        try (RetainedSubscriber ha = new RetainedSubscriber(broker.uri(), "ha/#", stateTopic)) {
          client.publish("ha/status", "offline");
          ha.await("ha/status", m -> m.payload().equals("offline"));
          Thread.sleep(500);
          assertEquals(List.of("ha/status"), List.copyOf(ha.seen().keySet()), "nothing on offline");

          client.publish("ha/status", "online"); // Home Assistant's birth message
          for (String topic : CONFIGS) {
            RetainedSubscriber.Message config = ha.await(topic, m -> !m.payload().isEmpty());
            assertTrue(
                config.payload().contains("\"state_topic\":\"" + stateTopic + "\""),
                config.payload());
          }
          assertEquals(
              "{\"detected\":{\"positive\":\"ON\",\"negative\":\"OFF\"},"
                  + "\"score\":{\"positive\":1.0,\"negative\":0.0},\"topic\":\"cams/door\"}",
              ha.await(stateTopic, m -> !m.payload().isEmpty()).payload());
        }
        // Published retained again: a Home Assistant that subscribes later finds them too.
        try (RetainedSubscriber late = new RetainedSubscriber(broker.uri(), "ha/+/cam-2/#")) {
          for (String topic : CONFIGS) {
            late.await(topic, RetainedSubscriber.Message::retained);
          }
        }
      }
    }
  }
}
