package io.edgeinfer.mqtt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.mqtt.outbox.Outbox;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** F4: input filters that would take the service's own replies as requests are refused at start. */
class OwnTopicsTest {
  @TempDir Path dir;

  private static final PipelineSettings SETTINGS = SumServices.settings(8, 0);

  @Test
  void aMultiLevelFilterOverTheOutputTopicsIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OwnTopics.requireNoLoop(List.of("sensors/#"), SETTINGS, "edgeinfer/me/status"));
    assertEquals(
        "expected input topics that leave out the service's own replies, found 'sensors/#',"
            + " which covers 'sensors/x/prediction' (--output-topic {topic}/prediction for input"
            + " 'sensors/x'); narrow the filter (e.g. '+' instead of '#'), or move --output-topic",
        e.getMessage());
  }

  @Test
  void sharedFiltersAndTheStatusTopicAreCheckedToo() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            OwnTopics.requireNoLoop(
                List.of("$share/g/a/+", "a/+/+"), SETTINGS, "edgeinfer/me/status"));
    IllegalArgumentException status =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                OwnTopics.requireNoLoop(List.of("edgeinfer/+/+"), SETTINGS, "edgeinfer/me/status"));
    assertEquals(
        "expected input topics that leave out the service's status topic, found 'edgeinfer/+/+',"
            + " which covers 'edgeinfer/me/status' (narrow the filter, or move --status-topic)",
        status.getMessage());
  }

  @Test
  void filtersThatMissTheRepliesAreFine() {
    assertDoesNotThrow(
        () ->
            OwnTopics.requireNoLoop(
                List.of("sensors/+", "$share/g/cams/+/digits"), SETTINGS, "edgeinfer/me/status"));
  }

  @Test
  void serveRefusesBeforeConnecting() throws Exception {
    BrokerSettings broker =
        new BrokerSettings(
            "tcp://127.0.0.1:1", "me", null, null, null, List.of("#"), 1, "edgeinfer/me/status", 0);
    try (Outbox outbox = Outbox.open(dir.resolve("outbox"), 10, 1 << 20)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  ServiceRunner.builder(
                          new SumModel(),
                          SumModel.SIGNATURE,
                          new ModelInfo("sum", "1", "java", List.of()),
                          SETTINGS,
                          new Metrics())
                      .broker(broker, outbox)
                      .start());
      assertEquals(
          "expected input topics that leave out the service's own replies, found '#', which"
              + " covers 'x/prediction' (--output-topic {topic}/prediction for input 'x');"
              + " narrow the filter (e.g. '+' instead of '#'), or move --output-topic",
          e.getMessage());
    }
  }
}
