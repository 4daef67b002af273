package io.edgeinfer.mqtt.homeassistant;

import io.edgeinfer.mqtt.InboundMessage;
import io.edgeinfer.mqtt.Reply;
import io.edgeinfer.mqtt.ReplySink;
import io.edgeinfer.mqtt.publish.Publish;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes replies on to the publisher, each prediction carrying one more message: the retained state
 * of the Home Assistant entities. It goes through the publisher's outbox like the reply itself, so
 * a state is not lost while the broker is away, and the request is acknowledged only once both are
 * handed over. Errors leave the last state as it was.
 *
 * <p>When Home Assistant starts it says {@code online} on {@code PREFIX/status} (its birth
 * message); {@link #birthMessage} then hands the discovery configs and the last state over again,
 * as Home Assistant's MQTT discovery asks of devices, so that entities come back even where the
 * broker kept no retained messages.
 */
public final class HomeAssistantSink implements ReplySink {
  /** What Home Assistant's birth message says by default. */
  static final String ONLINE = "online";

  private final Discovery discovery;
  private final ReplySink next;

  /** The last state handed over, or null before the first prediction; guarded by this. */
  private Publish lastState;

  public HomeAssistantSink(Discovery discovery, ReplySink next) {
    this.discovery = discovery;
    this.next = next;
  }

  /**
   * Hands the retained discovery config to {@code publisher} (kept in the outbox until the broker
   * is reached), then returns the sink that adds state to each prediction.
   */
  public static HomeAssistantSink announce(Discovery discovery, ReplySink publisher) {
    HomeAssistantSink sink = new HomeAssistantSink(discovery, publisher);
    sink.handOver(discovery.configs());
    return sink;
  }

  /**
   * A message on {@link HomeAssistantSettings#birthTopic}: on {@code online} the configs and the
   * last state go out again; anything else (Home Assistant's {@code offline}) is left alone.
   */
  public void birthMessage(byte[] payload) {
    if (!ONLINE.equals(new String(payload, StandardCharsets.UTF_8).strip())) {
      return;
    }
    synchronized (this) {
      List<Publish> messages = new ArrayList<>(discovery.configs());
      if (lastState != null) {
        messages.add(lastState);
      }
      handOver(messages);
    }
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
    List<Publish> messages = new ArrayList<>(reply.messages());
    // Under the lock, so that a birth message cannot send an older state after this one.
    synchronized (this) {
      lastState =
          new Publish(
              discovery.stateTopic(), state, 1, true, "application/json", null, null, List.of());
      messages.add(lastState);
      next.deliver(new Reply(reply.source(), reply.payload(), messages, false));
    }
  }

  /** Publishes that answer no request: nothing to acknowledge once they are handed over. */
  private void handOver(List<Publish> messages) {
    InboundMessage none =
        new InboundMessage(
            discovery.settings().discoveryPrefix(),
            new byte[0],
            null,
            null,
            null,
            1,
            System.nanoTime(),
            () -> {});
    next.deliver(new Reply(none, new byte[0], messages, false));
  }
}
