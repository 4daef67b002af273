package io.edgeinfer.mqtt;

import io.edgeinfer.mqtt.outbox.OutboxMessage;
import java.util.List;

/**
 * What to publish for one inbound message (a prediction; or an error, to the error topic and to the
 * response topic when the sender gave one). The inbound message is acknowledged once all of them
 * are handed over.
 */
public record Reply(InboundMessage source, List<OutboxMessage> messages, boolean error) {
  public Reply {
    messages = List.copyOf(messages);
  }
}
