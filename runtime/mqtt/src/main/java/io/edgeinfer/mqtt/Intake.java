package io.edgeinfer.mqtt;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;

/**
 * Hands QoS 1 and 2 messages from Paho's callback thread to the pipeline without ever refusing one
 * the broker would not send again until the next session, and without ever making that thread wait.
 * A message the pipeline has no room for is held here, in order, and its own thread ({@code
 * edgeinfer-intake}) waits for room; once {@value #HOLD} are held, the receiving client's {@link
 * ReadGate} shuts (until half of them are taken on), Paho reads no further, and the broker keeps
 * the rest (Mosquitto queues up to {@code max_queued_messages} per client, and drops QoS 1 messages
 * beyond it). At most HOLD plus what Paho had already read (its inbound queue of 10) are ever held.
 *
 * <p>A held message is given back (left unacknowledged, counted as refused) only when its
 * connection is gone (the broker sends it again on the next one) or the service stops.
 */
final class Intake implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Intake.class.getName());
  private static final Duration CHECK_EVERY = Duration.ofMillis(500);

  /** Messages held before the gate shuts. */
  static final int HOLD = 32;

  private record Held(MqttAsyncClient from, InboundMessage message) {}

  private final Pipeline pipeline;
  private final Supplier<MqttAsyncClient> current;
  private final Metrics metrics;

  /**
   * Unbounded as a queue, bounded by the gate; only Paho's callback thread adds, only the intake
   * thread takes from its head. Lock-free, so that adding never waits for the intake thread.
   */
  private final ConcurrentLinkedQueue<Held> held = new ConcurrentLinkedQueue<>();

  private final AtomicInteger heldCount = new AtomicInteger();
  private final ReadGate gate = new ReadGate(heldCount::get, HOLD, HOLD / 2);
  private final Thread thread;
  private volatile boolean running = true;

  /** Whether the intake thread is about to park or parked: only then does an arrival unpark it. */
  private volatile boolean idle;

  private boolean waitingLogged;

  /**
   * @param current the receiving client's current connection: a held message from another one
   *     cannot be acknowledged any more, and is given back
   */
  Intake(Pipeline pipeline, Supplier<MqttAsyncClient> current, Metrics metrics) {
    this.pipeline = pipeline;
    this.current = current;
    this.metrics = metrics;
    thread = new Thread(this::run, "edgeinfer-intake");
    thread.setDaemon(true);
    thread.start();
  }

  /** The gate the receiving client's sockets read through. */
  ReadGate gate() {
    return gate;
  }

  /** Messages held now, waiting for room in the pipeline. */
  int held() {
    return heldCount.get();
  }

  /**
   * On Paho's callback thread, for a QoS 1 or 2 message from {@code from} (or a QoS 0 one whose
   * signature's pipeline must start first): into the pipeline if it has room and nothing is held
   * before it, else held in order. Never waits.
   */
  void take(MqttAsyncClient from, InboundMessage message) {
    if (!running) {
      giveBack(message, "stopping");
      return;
    }
    if (held.isEmpty() && pipeline.offerNow(message) == Pipeline.Taken.QUEUED) {
      return;
    }
    if (!pipeline.isAccepting()) {
      giveBack(message, "stopping");
      return;
    }
    held.add(new Held(from, message));
    heldCount.incrementAndGet();
    if (idle) {
      LockSupport.unpark(thread); // never waits, unlike a monitor's notify
    }
  }

  /** Moves held messages into the pipeline, oldest first, waiting for room. */
  private void run() {
    try {
      while (running) {
        Held next = held.peek();
        if (next == null) {
          idle = true; // before looking again, so that an arrival in between unparks
          if (held.isEmpty()) {
            LockSupport.parkNanos(CHECK_EVERY.toNanos());
          }
          idle = false;
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
          continue;
        }
        if (!pipeline.isAccepting()) {
          let(next, "stopping");
        } else if (next.from() != current.get() || !next.from().isConnected()) {
          // Paho still hands over what it read before the connection closed: none of it can be
          // acknowledged now, so none of it waits.
          let(next, "its connection closed");
        } else if (pipeline.offer(next.message(), CHECK_EVERY)) {
          removeHead();
          waitingLogged = false;
        } else if (!waitingLogged) {
          waitingLogged = true;
          LOG.info(
              "edgeinfer: the queue is full; reading no more from the broker until it has room"
                  + " (the broker keeps the messages)");
        }
      }
    } catch (InterruptedException e) {
      // Closing: what is still held is given back below.
    }
    Held rest;
    while ((rest = held.poll()) != null) {
      heldCount.decrementAndGet();
      giveBack(rest.message(), "stopping");
    }
  }

  private void let(Held next, String why) {
    removeHead();
    giveBack(next.message(), why);
  }

  private void removeHead() {
    held.remove();
    heldCount.decrementAndGet();
    gate.recheck();
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

  /**
   * Stops holding: the gate opens for good, and what is held or arrives from now on is given back
   * for the broker to send again. Waits briefly for the intake thread.
   */
  @Override
  public void close() {
    running = false;
    gate.release();
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
