package io.edgeinfer.mqtt;

import io.edgeinfer.mqtt.publish.Publish;
import java.util.List;

/**
 * The answer to one inbound message: its payload (a prediction, or an error) and the publishes that
 * carry it (the output or response topic; for an error the error topic, and the response topic when
 * the sender gave a valid one). A watched file's answer is written from the payload even when no
 * topic could be published on. The inbound message is acknowledged once all publishes are handed
 * over.
 */
public record Reply(InboundMessage source, byte[] payload, List<Publish> messages, boolean error) {
  public Reply {
    messages = List.copyOf(messages);
  }
}
