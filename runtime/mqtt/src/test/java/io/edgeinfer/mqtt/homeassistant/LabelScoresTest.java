package io.edgeinfer.mqtt.homeassistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scores read from each kind of reply, and the state and ids made of them. */
class LabelScoresTest {
  private static Map<String, Double> scores(String json) {
    return LabelScores.of(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aDetectionKeepsEachLabelsTopScore() {
    Map<String, Double> scores =
        scores(
            "{\"id\":\"7\",\"task\":\"detect\",\"image\":{\"width\":640,\"height\":480},"
                + "\"detections\":[{\"label\":\"person\",\"index\":0,\"score\":0.61,"
                + "\"box\":{\"x\":1,\"y\":2,\"width\":3,\"height\":4}},"
                + "{\"label\":\"Person\",\"index\":0,\"score\":0.83,\"box\":{}},"
                + "{\"label\":\"car\",\"index\":2,\"score\":0.4,\"box\":{}}]}");
    assertEquals(Map.of("person", 0.83, "car", 0.4), scores);
  }

  @Test
  void aClassificationAndAModelCardClassifierCountAlike() {
    assertEquals(
        Map.of("cheeseburger", 0.87, "hotdog", 0.05),
        scores(
            "{\"task\":\"classify\",\"classes\":[{\"label\":\"cheeseburger\",\"index\":934,"
                + "\"score\":0.87},{\"label\":\"hotdog\",\"index\":935,\"score\":0.05}]}"));
    assertEquals(
        Map.of("positive", 1.0),
        scores(
            "{\"predictions\":[[6.0]],\"classes\":[{\"label\":\"positive\",\"probability\":1.0}]}"));
  }

  @Test
  void aSegmentationScoresEachLabelByItsShareOfPixels() {
    assertEquals(
        Map.of("background", 0.75, "cat", 0.25),
        scores(
            "{\"task\":\"segment\",\"image\":{\"width\":4,\"height\":4},\"mask\":\"a.mask.png\","
                + "\"pixels\":{\"background\":12,\"cat\":4}}"));
  }

  @Test
  void rawTensorsNameNoLabel() {
    assertTrue(scores("{\"predictions\":{\"sum\":[6.0]}}").isEmpty());
  }

  @Test
  void theStateSaysOnFromTheThresholdAndZeroForLabelsNotFound() {
    HomeAssistantSettings settings =
        new HomeAssistantSettings("homeassistant", List.of("person", "traffic light", "car"), 0.6);
    String state =
        new String(
            StateMessage.of(settings, Map.of("person", 0.6, "car", 0.59999), "cams/door"),
            StandardCharsets.UTF_8);
    assertEquals(
        "{\"detected\":{\"person\":\"ON\",\"traffic light\":\"OFF\",\"car\":\"OFF\"},"
            + "\"score\":{\"person\":0.6,\"traffic light\":0.0,\"car\":0.6},"
            + "\"topic\":\"cams/door\"}",
        state);
  }

  @Test
  void labelsThatWouldShareAnIdAreRefused() {
    HomeAssistantSettings settings =
        new HomeAssistantSettings("homeassistant", List.of("traffic light", "traffic_light"), 0.5);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Discovery(settings, "cam", "edgeinfer/cam/status", "m", "1"));
    assertEquals(
        "expected labels that stay apart as Home Assistant ids ([a-z0-9_-]), found 'traffic light'"
            + " and 'traffic_light', both 'traffic_light'",
        e.getMessage());
  }

  @Test
  void badSettingsSayWhatWasExpected() {
    assertEquals(
        "expected a Home Assistant threshold between 0 and 1, found 1.5",
        assertThrows(
                IllegalArgumentException.class,
                () -> new HomeAssistantSettings("homeassistant", List.of("cat"), 1.5))
            .getMessage());
    assertEquals(
        "expected at least one label for Home Assistant (--ha-labels person,car), found none",
        assertThrows(
                IllegalArgumentException.class,
                () -> new HomeAssistantSettings("homeassistant", List.of(), 0.5))
            .getMessage());
  }
}
