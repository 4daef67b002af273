package io.edgeinfer.mqtt.outbox;

import io.edgeinfer.mqtt.publish.Publish;
import java.util.Objects;

/**
 * A stored message and its sequence number; pass the sequence to {@link Outbox#remove} once the
 * message is delivered.
 */
public record OutboxEntry(long sequence, Publish message) {
  public OutboxEntry {
    Objects.requireNonNull(message, "message");
  }
}
