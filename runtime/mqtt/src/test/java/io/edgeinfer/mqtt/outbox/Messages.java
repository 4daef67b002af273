package io.edgeinfer.mqtt.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Messages for the tests. */
final class Messages {
  private Messages() {}

  /** Topic "t/x" and a 200-byte payload: a file of exactly 239 bytes. */
  static OutboxMessage small(int n) {
    byte[] payload = new byte[200];
    Arrays.fill(payload, (byte) n);
    return OutboxMessage.of("t/x", payload, 1);
  }

  static OutboxMessage text(String topic, String payload) {
    return OutboxMessage.of(topic, payload.getBytes(StandardCharsets.UTF_8), 1);
  }

  static String payload(OutboxEntry entry) {
    return new String(entry.message().payload(), StandardCharsets.UTF_8);
  }
}
