package io.edgeinfer.mqtt;

import io.edgeinfer.mqtt.outbox.Outbox;
import io.edgeinfer.mqtt.outbox.OutboxEntry;
import io.edgeinfer.mqtt.outbox.OutboxMessage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Publishes replies on its own client (a client that both receives and publishes at QoS 1 can
 * deadlock in Paho). Outstanding publishes are bounded by a semaphore, under the broker's receive
 * maximum. While the broker is away — or while older replies still wait in the outbox, so that
 * order holds — replies go to the outbox; a drain thread sends them after reconnect. The inbound
 * message is acknowledged only once all of its reply messages are published or in the outbox.
 */
final class Publisher implements ReplySink, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Publisher.class.getName());
  private static final int IN_FLIGHT = 16;
  // QoS 0 publishes are done once written to the socket; the broker's receive maximum does not
  // apply, so the window only has to keep Paho's queue (and its message ids) bounded.
  private static final int IN_FLIGHT_QOS0 = 1024;

  private final ReconnectingClient sender;
  private final Outbox outbox;
  private final Metrics metrics;
  private final Window inFlight = new Window(IN_FLIGHT);
  private final Window inFlightQos0 = new Window(IN_FLIGHT_QOS0);
  private final Object drainSignal = new Object();
  private final Thread drainer;
  private volatile boolean running = true;

  Publisher(ReconnectingClient sender, Outbox outbox, Metrics metrics) {
    this.sender = sender;
    this.outbox = outbox;
    this.metrics = metrics;
    metrics.outboxDepth(outbox::size);
    drainer = new Thread(this::drainLoop, "edgeinfer-outbox");
    drainer.setDaemon(true);
    drainer.start();
  }

  @Override
  public void deliver(Reply reply) {
    if (reply.messages().isEmpty()) {
      reply.source().acknowledge().run(); // nowhere valid to publish: reported, and done
      return;
    }
    AtomicInteger remaining = new AtomicInteger(reply.messages().size());
    Runnable oneDone =
        () -> {
          if (remaining.decrementAndGet() == 0) {
            reply.source().acknowledge().run();
          }
        };
    for (OutboxMessage message : reply.messages()) {
      send(message, oneDone);
    }
  }

  private void send(OutboxMessage message, Runnable done) {
    MqttAsyncClient client = sender.client();
    Window window = message.qos() == 0 ? inFlightQos0 : inFlight;
    if (client == null || !client.isConnected() || outbox.size() > 0 || !window.take()) {
      store(message, done);
      return;
    }
    try {
      client.publish(
          message.topic(),
          MqttMessages.of(message),
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              window.giveBack();
              done.run();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
              window.giveBack();
              store(message, done);
            }
          });
    } catch (MqttException e) {
      window.giveBack();
      store(message, done);
    }
  }

  /** Into the outbox, then acknowledged; if even that fails the input stays unacknowledged. */
  private void store(OutboxMessage message, Runnable done) {
    try {
      outbox.append(message);
      metrics.outboxed.incrementAndGet();
      done.run();
    } catch (IOException e) {
      metrics.dropped.incrementAndGet();
      LOG.log(
          Level.WARNING,
          "edgeinfer: cannot keep a reply for " + message.topic() + ": " + e.getMessage());
    }
  }

  /** Called when the client (re)connects: wakes the drain thread. */
  void connected() {
    synchronized (drainSignal) {
      drainSignal.notifyAll();
    }
  }

  private void drainLoop() {
    while (running) {
      try {
        MqttAsyncClient client = sender.client();
        if (client != null && client.isConnected() && outbox.size() > 0) {
          drainOnce(client);
        } else {
          synchronized (drainSignal) {
            drainSignal.wait(1000);
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (IOException | MqttException e) {
        LOG.log(Level.FINE, "outbox drain paused: " + e.getMessage());
        sleepQuietly();
      }
    }
  }

  /** Sends the oldest waiting replies in order, removing each once the broker has it. */
  private void drainOnce(MqttAsyncClient client) throws IOException, MqttException {
    List<OutboxEntry> entries = outbox.pending(IN_FLIGHT);
    for (OutboxEntry entry : entries) {
      IMqttToken token = client.publish(entry.message().topic(), MqttMessages.of(entry.message()));
      token.waitForCompletion(10_000);
      outbox.remove(entry.sequence());
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until outstanding publishes finish, up to the timeout. */
  boolean awaitIdle(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    return inFlight.awaitAllBack(deadline) && inFlightQos0.awaitAllBack(deadline);
  }

  /** A bound on publishes outstanding: taken before a publish, given back when Paho is done. */
  private static final class Window {
    private final int size;
    private final Semaphore permits;

    Window(int size) {
      this.size = size;
      this.permits = new Semaphore(size);
    }

    /** False when no room came within 2 s (the reply then goes to the outbox). */
    boolean take() {
      try {
        return permits.tryAcquire(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    void giveBack() {
      permits.release();
    }

    boolean awaitAllBack(long deadlineNanos) throws InterruptedException {
      if (!permits.tryAcquire(size, deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        return false;
      }
      permits.release(size);
      return true;
    }
  }

  @Override
  public void close() {
    running = false;
    drainer.interrupt();
  }
}
