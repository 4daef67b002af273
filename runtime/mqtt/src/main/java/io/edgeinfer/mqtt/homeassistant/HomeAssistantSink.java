package io.edgeinfer.mqtt.homeassistant;

import io.edgeinfer.mqtt.InboundMessage;
import io.edgeinfer.mqtt.Reply;
import io.edgeinfer.mqtt.ReplySink;
import io.edgeinfer.mqtt.outbox.OutboxMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes replies on to the publisher, each prediction carrying one more message: the retained state
 * of the Home Assistant entities. It goes through the publisher's outbox like the reply itself, so
 * a state is not lost while the broker is away, and the request is acknowledged only once both are
 * handed over. Errors leave the last state as it was.
 */
public final class HomeAssistantSink implements ReplySink {
  private final Discovery discovery;
  private final ReplySink next;

  public HomeAssistantSink(Discovery discovery, ReplySink next) {
    this.discovery = discovery;
    this.next = next;
  }

  /**
   * Hands the retained discovery config to {@code publisher} (kept in the outbox until the broker
   * is reached), then returns the sink that adds state to each prediction.
   */
  public static ReplySink announce(Discovery discovery, ReplySink publisher) {
    InboundMessage announcement =
        new InboundMessage(
            discovery.settings().discoveryPrefix(),
            new byte[0],
            null,
            null,
            null,
            1,
            System.nanoTime(),
            () -> {});
    publisher.deliver(new Reply(announcement, new byte[0], discovery.configs(), false));
    return new HomeAssistantSink(discovery, publisher);
  }

  @Override
  public void deliver(Reply reply) {
    if (reply.error()) {
      next.deliver(reply);
      return;
    }
    byte[] state =
        StateMessage.of(
            discovery.settings(), LabelScores.of(reply.payload()), reply.source().topic());
    List<OutboxMessage> messages = new ArrayList<>(reply.messages());
    messages.add(
        new OutboxMessage(
            discovery.stateTopic(), state, 1, true, "application/json", null, null, List.of()));
    next.deliver(new Reply(reply.source(), reply.payload(), messages, false));
  }
}
