package io.edgeinfer.mqtt;

import io.edgeinfer.mqtt.outbox.DeadLetterFolder;
import io.edgeinfer.mqtt.outbox.Outbox;
import io.edgeinfer.mqtt.outbox.OutboxEntry;
import io.edgeinfer.mqtt.outbox.OutboxFullException;
import io.edgeinfer.mqtt.publish.Publish;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Publishes replies on its own client (a client that both receives and publishes at QoS 1 can
 * deadlock in Paho). Outstanding publishes are bounded by a window under the broker's receive
 * maximum. While the broker is away — or while older replies still wait in the outbox, so that
 * order holds — replies go to the outbox; a drain thread sends them after reconnect. The inbound
 * message is acknowledged only once all of its reply messages are published or in the outbox.
 *
 * <p>Nothing is dropped: when the outbox is full (or the disk is), the worker waits for room, which
 * holds the pipeline and so the intake. A reply the broker refuses (a PUBACK reason code of 0x80 or
 * more, or a publish that ends the connection {@value #ATTEMPTS} times) is written once to the
 * dead-letter folder and never blocks the outbox. Disk work never runs on Paho's threads.
 */
final class Publisher implements ReplySink, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Publisher.class.getName());
  private static final int IN_FLIGHT = 16;
  // QoS 0 publishes are done once written to the socket; the broker's receive maximum does not
  // apply, so the window only has to keep Paho's queue (and its message ids) bounded.
  private static final int IN_FLIGHT_QOS0 = 1024;
  private static final int ATTEMPTS = 3;
  private static final long RETRY_MILLIS = 200;

  private final ReconnectingClient sender;
  private final Outbox outbox;
  private final DeadLetterFolder deadLetters;
  private final Metrics metrics;
  private final Window inFlight = new Window(IN_FLIGHT);
  private final Window inFlightQos0 = new Window(IN_FLIGHT_QOS0);
  private final Object drainSignal = new Object();
  private final Thread drainer;
  private final ExecutorService offPaho =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "edgeinfer-outbox-writer");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicBoolean outboxFullLogged = new AtomicBoolean();

  /** Failed attempts per outbox entry at the head of the drain (drain thread only). */
  private final Map<Long, Integer> failedAttempts = new HashMap<>();

  private volatile boolean running = true;

  Publisher(ReconnectingClient sender, Outbox outbox, DeadLetterFolder deadLetters, Metrics m) {
    this.sender = sender;
    this.outbox = outbox;
    this.deadLetters = deadLetters;
    this.metrics = m;
    m.outboxDepth(outbox::size);
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
    for (Publish message : reply.messages()) {
      send(message, oneDone);
    }
  }

  /** On the worker's thread: published, or kept in the outbox, waiting for room if need be. */
  private void send(Publish message, Runnable done) {
    if (trySend(message, done)) {
      return;
    }
    metrics.outboxFullWaits.incrementAndGet();
    keep(message, done);
  }

  private boolean trySend(Publish message, Runnable done) {
    MqttAsyncClient client = sender.client();
    Window window = message.qos() == 0 ? inFlightQos0 : inFlight;
    if (client == null || !client.isConnected() || outbox.size() > 0 || !window.take()) {
      return store(message, done);
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
              String refusal = BrokerRefusal.of(token);
              if (refusal == null) {
                done.run();
              } else {
                offPaho.execute(() -> deadLetter(message, refusal, done));
              }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
              window.giveBack();
              offPaho.execute(() -> keep(message, done));
            }
          });
      return true;
    } catch (MqttException e) {
      window.giveBack();
      return store(message, done);
    }
  }

  /** Into the outbox, waiting while it is full; gives up only when the service stops. */
  private void keep(Publish message, Runnable done) {
    while (!store(message, done)) {
      if (!running || !pause()) {
        LOG.warning(
            "edgeinfer: stopping with a reply for "
                + message.topic()
                + " neither sent nor kept; its request stays unacknowledged for the broker to"
                + " send again");
        return;
      }
    }
  }

  /** Into the outbox, then acknowledged; false when the outbox (or its disk) has no room. */
  private boolean store(Publish message, Runnable done) {
    try {
      outbox.append(message);
      metrics.outboxed.incrementAndGet();
      outboxFullLogged.set(false);
      done.run();
      return true;
    } catch (IOException e) {
      if (outboxFullLogged.compareAndSet(false, true)) {
        LOG.warning(
            "edgeinfer: replies wait for room in the outbox ("
                + (e instanceof OutboxFullException ? "" : "cannot write: ")
                + e.getMessage()
                + "); no new request is taken meanwhile");
      }
      return false;
    }
  }

  /** Off Paho's threads: kept once in the dead-letter folder, then the request is done. */
  private void deadLetter(Publish message, String reason, Runnable done) {
    while (true) {
      try {
        var file = deadLetters.write(message, reason);
        metrics.deadLettered.incrementAndGet();
        LOG.warning(
            "edgeinfer: a reply for "
                + TopicNames.quoted(message.topic())
                + " was refused: "
                + reason
                + "; kept in "
                + file);
        done.run();
        return;
      } catch (IOException e) {
        LOG.warning("edgeinfer: cannot write to " + deadLetters.directory() + ": " + e);
        if (!running || !pause()) {
          return;
        }
      }
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
        if (!pause()) {
          return;
        }
      }
    }
  }

  /**
   * Sends the oldest waiting replies in order, removing each once the broker has it. One that the
   * broker refuses, or that fails {@value #ATTEMPTS} times in a row, goes to the dead-letter
   * folder: it must not stand in front of all the others forever.
   */
  private void drainOnce(MqttAsyncClient client) throws IOException, MqttException {
    List<OutboxEntry> entries = outbox.pending(IN_FLIGHT);
    for (OutboxEntry entry : entries) {
      Publish message = entry.message();
      String refusal;
      try {
        IMqttToken token = client.publish(message.topic(), MqttMessages.of(message));
        token.waitForCompletion(10_000);
        refusal = BrokerRefusal.of(token);
      } catch (MqttException e) {
        int failed = failedAttempts.merge(entry.sequence(), 1, Integer::sum);
        if (failed < ATTEMPTS) {
          throw e;
        }
        refusal =
            "publishing failed "
                + failed
                + " times in a row, the connection lost each time: "
                + MqttService.describe(e);
      }
      if (refusal != null) {
        deadLetter(message, refusal, () -> {});
      }
      outbox.remove(entry.sequence());
      failedAttempts.remove(entry.sequence());
    }
  }

  /** Waits a moment before trying again; false when interrupted (the service stops). */
  private static boolean pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Waits, up to the timeout, until every reply handed over is published or kept: the publishes in
   * flight are answered, and what their answers left to do off Paho's threads (keeping a failed
   * one, writing a dead letter) is done.
   */
  boolean flush(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    if (!inFlight.awaitAllBack(deadline) || !inFlightQos0.awaitAllBack(deadline)) {
      return false;
    }
    try {
      // The writer runs its tasks in order: once this one ran, those before it are done.
      offPaho.submit(() -> {}).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
      return false;
    }
  }

  /** Stops the outbox drain and the writer: nothing more is taken from the outbox or kept. */
  void stop() {
    running = false;
    drainer.interrupt();
    offPaho.shutdown();
  }

  /** Waits (up to 2 s each) for the threads {@link #stop} ended. */
  void awaitStopped() {
    try {
      drainer.join(2000);
      offPaho.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    awaitStopped();
  }
}
