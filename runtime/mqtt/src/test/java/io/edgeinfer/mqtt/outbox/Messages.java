package io.edgeinfer.mqtt.outbox;

import io.edgeinfer.mqtt.publish.Publish;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Messages for the tests. */
final class Messages {
  private Messages() {}

  /** Topic "t/x" and a 200-byte payload: a file of exactly 239 bytes. */
  static Publish small(int n) {
    byte[] payload = new byte[200];
    Arrays.fill(payload, (byte) n);
    return Publish.of("t/x", payload, 1);
  }

  static Publish text(String topic, String payload) {
    return Publish.of(topic, payload.getBytes(StandardCharsets.UTF_8), 1);
  }

  static String payload(OutboxEntry entry) {
    return new String(entry.message().payload(), StandardCharsets.UTF_8);
  }
}
