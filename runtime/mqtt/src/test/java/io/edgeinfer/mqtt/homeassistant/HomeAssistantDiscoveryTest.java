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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service with {@code --homeassistant --ha-labels positive,negative}, and a subscriber that
 * arrives afterwards, as Home Assistant would: it finds the retained config of four entities, the
 * service online on their availability topic, and the state of the last prediction on their state
 * topic; when the service stops, its entities become unavailable.
 */
class HomeAssistantDiscoveryTest {
  private static final String STATUS = "edgeinfer-test/ha/status";
  private static final ModelInfo INFO =
      new ModelInfo("sum.tflite", "3", "java", List.of("negative", "positive"));

  @TempDir Path dir;

  @Test
  void aLateSubscriberFindsRetainedEntitiesTheirStateAndAvailability() throws Exception {
    try (PrivateMosquitto broker = PrivateMosquitto.start(dir.resolve("mosquitto"))) {
      BrokerSettings settings =
          new BrokerSettings(
              broker.uri(), "cam-1.door", null, null, null, List.of("cams/+"), 1, STATUS, 0);
      try (ServiceRunner runner =
              ServiceRunner.builder(
                      new SumModel(),
                      SumModel.SIGNATURE,
                      INFO,
                      SumServices.settings(8, 0),
                      new Metrics())
                  .broker(settings, Outbox.open(dir.resolve("outbox"), 100, 1 << 20))
                  .homeAssistant(
                      new HomeAssistantSettings(
                          "homeassistant", List.of("positive", "negative"), 0.5))
                  .start();
          TestClient client = new TestClient(broker.uri()).subscribe("cams/+/prediction")) {
        client.publish("cams/door", "[[1, 2, 3]]");
        TestClient.Received reply = client.next(10);
        assertTrue(reply != null && reply.payload().contains("\"sum\":6.0"), "reply: " + reply);

        try (RetainedSubscriber ha =
            new RetainedSubscriber(broker.uri(), "homeassistant/#", STATUS, STATUS + "/#")) {
          RetainedSubscriber.Message config =
              ha.await(
                  "homeassistant/binary_sensor/cam-1_door/positive_detected/config",
                  RetainedSubscriber.Message::retained);
          assertEquals(
              "{\"name\":\"positive\","
                  + "\"value_template\":\"{{ value_json.detected[\\\"positive\\\"] }}\","
                  + "\"payload_on\":\"ON\",\"payload_off\":\"OFF\","
                  + "\"unique_id\":\"edgeinfer_cam-1_door_positive_detected\","
                  + "\"state_topic\":\"edgeinfer-test/ha/status/homeassistant\","
                  + "\"availability\":[{\"topic\":\"edgeinfer-test/ha/status\","
                  + "\"value_template\":\"{{ value_json.state }}\","
                  + "\"payload_available\":\"online\",\"payload_not_available\":\"offline\"}],"
                  + "\"device\":{\"identifiers\":[\"edgeinfer_cam-1_door\"],"
                  + "\"name\":\"edgeinfer cam-1_door\",\"manufacturer\":\"edgeinfer\","
                  + "\"model\":\"sum.tflite\",\"sw_version\":\""
                  + INFO.edgeinferVersion()
                  + "\"},"
                  + "\"origin\":{\"name\":\"edgeinfer\",\"sw_version\":\""
                  + INFO.edgeinferVersion()
                  + "\"}}",
              config.payload());
          RetainedSubscriber.Message score =
              ha.await(
                  "homeassistant/sensor/cam-1_door/negative_score/config",
                  RetainedSubscriber.Message::retained);
          assertTrue(
              score
                  .payload()
                  .contains("\"value_template\":\"{{ value_json.score[\\\"negative\\\"] }}\""),
              score.payload());
          assertTrue(
              score.payload().contains("\"unique_id\":\"edgeinfer_cam-1_door_negative_score\""),
              score.payload());
          ha.await(
              "homeassistant/binary_sensor/cam-1_door/negative_detected/config",
              RetainedSubscriber.Message::retained);
          ha.await(
              "homeassistant/sensor/cam-1_door/positive_score/config",
              RetainedSubscriber.Message::retained);
          long configs =
              ha.seen().keySet().stream().filter(t -> t.startsWith("homeassistant/")).count();
          assertEquals(4, configs, "config topics: " + ha.seen().keySet());

          RetainedSubscriber.Message state =
              ha.await(STATUS + "/homeassistant", RetainedSubscriber.Message::retained);
          assertEquals(
              "{\"detected\":{\"positive\":\"ON\",\"negative\":\"OFF\"},"
                  + "\"score\":{\"positive\":1.0,\"negative\":0.0},\"topic\":\"cams/door\"}",
              state.payload());
          assertTrue(
              ha.await(STATUS, RetainedSubscriber.Message::retained)
                  .payload()
                  .contains("\"state\":\"online\""));

          client.publish("cams/door", "[[-1, -2, -3]]");
          assertEquals(
              "{\"detected\":{\"positive\":\"OFF\",\"negative\":\"ON\"},"
                  + "\"score\":{\"positive\":0.0,\"negative\":1.0},\"topic\":\"cams/door\"}",
              ha.await(STATUS + "/homeassistant", m -> m.payload().contains("\"negative\":\"ON\""))
                  .payload());

          runner.stop();
          ha.await(STATUS, m -> m.payload().contains("\"state\":\"offline\""));
        }
      }
    }
  }
}
