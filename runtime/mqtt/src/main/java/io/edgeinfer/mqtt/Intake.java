package io.edgeinfer.mqtt;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;

/**
 * Hands QoS 1 and 2 messages from Paho's callback thread to the pipeline without ever refusing one
 * the broker would not send again until the next session. When the queue is full, the callback
 * waits for room: Paho then stops reading the socket, and the broker keeps the rest (Mosquitto
 * queues up to {@code max_queued_messages} per client, and drops QoS 1 messages beyond it). The
 * wait ends when there is room, or when the connection is gone (the broker sends the message again
 * on the next one), or when the service is stopping; those two are counted as refused.
 *
 * <p>Only this client's reading waits: acknowledgements and replies go out on other threads and
 * another client, so nothing the pipeline needs to make room is held up.
 */
final class Intake {
  private static final Logger LOG = Logger.getLogger(Intake.class.getName());
  private static final Duration CHECK_EVERY = Duration.ofMillis(500);

  private final Pipeline pipeline;
  private final ReconnectingClient receiver;
  private final Metrics metrics;
  private final AtomicBoolean waitingLogged = new AtomicBoolean();

  Intake(Pipeline pipeline, ReconnectingClient receiver, Metrics metrics) {
    this.pipeline = pipeline;
    this.receiver = receiver;
    this.metrics = metrics;
  }

  /** On Paho's callback thread, for a QoS 1 or 2 message from {@code from}. */
  void take(MqttAsyncClient from, InboundMessage message) {
    try {
      while (true) {
        if (!pipeline.isAccepting()) {
          giveBack(message, "stopping");
          return;
        }
        if (pipeline.offer(message, Duration.ZERO)) {
          waitingLogged.set(false);
          return;
        }
        if (from != receiver.client() || !from.isConnected()) {
          // Paho still hands over what it read before the connection closed: none of it can be
          // acknowledged now, so none of it waits.
          giveBack(message, "its connection closed");
          return;
        }
        if (pipeline.offer(message, CHECK_EVERY)) {
          waitingLogged.set(false);
          return;
        }
        if (waitingLogged.compareAndSet(false, true)) {
          LOG.info(
              "edgeinfer: the queue is full; taking no more messages until it has room (the"
                  + " broker keeps them)");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      giveBack(message, "interrupted");
    }
  }

  private void giveBack(InboundMessage message, String why) {
    metrics.refused.incrementAndGet();
    LOG.fine(
        "edgeinfer: a QoS "
            + message.qos()
            + " message on "
            + message.topic()
            + " is left unacknowledged ("
            + why
            + "); the broker sends it again on the next connection");
  }
}
