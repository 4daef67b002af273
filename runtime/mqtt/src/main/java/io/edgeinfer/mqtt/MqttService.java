package io.edgeinfer.mqtt;

import io.edgeinfer.core.ModelException;
import io.edgeinfer.mqtt.outbox.DeadLetterFolder;
import io.edgeinfer.mqtt.outbox.Outbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * {@code edgeinfer serve} over MQTT, and the one owner of its parts, which it builds in the order
 * data flows back through them and closes in the reverse: the outbox (handed in), the publishing
 * client and {@link Publisher}, the pipeline (built around the publisher), then the {@link Intake}
 * and the receiving client (manual acknowledgements, a persistent session, Last Will {@code
 * offline}), which subscribes. Two clients, since one that both receives and publishes at QoS 1 can
 * deadlock Paho. Both reconnect on their own; the receiver resubscribes on every connect.
 *
 * <p>Stopping takes no more messages, lets the pipeline finish those it holds, waits for their
 * replies to be published or kept, says {@code offline}, and only then lets the clients go: nothing
 * is published once {@link #close} returns, and every message acknowledged had its reply sent or
 * kept in the outbox.
 */
public final class MqttService implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MqttService.class.getName());
  private static final long SESSION_EXPIRY_SECONDS = 3600;

  /** Inside the outbox folder: replies the broker refused, one JSON file each. */
  public static final String DEAD_LETTER_FOLDER = "dead-letter";

  /**
   * A topic the service listens on for itself, not for requests (Home Assistant's birth message):
   * its messages are acknowledged at once and handed to {@code handler} on the service's own
   * thread, never Paho's.
   */
  public record Listening(String topic, Consumer<byte[]> handler) {}

  private final BrokerSettings broker;
  private final ModelInfo model;
  private final Metrics metrics;
  private final Outbox outbox;
  private final List<Listening> listening;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "edgeinfer-mqtt");
            thread.setDaemon(true);
            return thread;
          });
  private final ReconnectingClient sender;
  private final Publisher publisher;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private Pipeline pipeline;
  private Intake intake;
  private ReconnectingClient receiver;

  private MqttService(
      BrokerSettings broker,
      ModelInfo model,
      Metrics metrics,
      Outbox outbox,
      List<Listening> listening)
      throws IOException {
    this.broker = broker;
    this.model = model;
    this.metrics = metrics;
    this.outbox = outbox;
    this.listening = List.copyOf(listening);
    MqttConnectionOptions senderOptions = options(ReadGate.OPEN);
    senderOptions.setCleanStart(true);
    sender =
        new ReconnectingClient(
            broker.uri(),
            broker.clientId() + "-pub",
            senderOptions,
            false,
            new ReconnectingClient.Listener() {
              @Override
              public void messageArrived(MqttAsyncClient from, String topic, MqttMessage m) {}

              @Override
              public void connected(MqttAsyncClient client, boolean reconnect) {
                publisher.connected();
              }
            },
            scheduler);
    DeadLetterFolder deadLetters =
        DeadLetterFolder.open(outbox.directory().resolve(DEAD_LETTER_FOLDER));
    publisher = new Publisher(sender, outbox, deadLetters, metrics);
  }

  /**
   * Connects the publishing client, builds the pipeline around the publisher ({@code
   * pipelineFactory}), then connects the receiving client and subscribes. The service owns the
   * outbox from here on, and closes it last.
   *
   * @throws ModelException when the broker cannot be reached (the message names it)
   */
  public static MqttService start(
      BrokerSettings broker,
      ModelInfo model,
      Metrics metrics,
      Outbox outbox,
      int receiveMaximum,
      PipelineFactory pipelineFactory)
      throws ModelException, IOException {
    return start(broker, model, metrics, outbox, receiveMaximum, pipelineFactory, List.of());
  }

  /** As above, also listening on {@code listening}'s topics for the service itself. */
  public static MqttService start(
      BrokerSettings broker,
      ModelInfo model,
      Metrics metrics,
      Outbox outbox,
      int receiveMaximum,
      PipelineFactory pipelineFactory,
      List<Listening> listening)
      throws ModelException, IOException {
    MqttService service;
    try {
      service = new MqttService(broker, model, metrics, outbox, listening);
    } catch (IOException | RuntimeException e) {
      closeQuietly(outbox);
      throw e;
    }
    try {
      service.sender.connect();
      service.pipeline = pipelineFactory.create(service.publisher);
      service.intake =
          new Intake(service.pipeline, () -> service.receiver.client(), service.metrics);
      service.receiver = service.newReceiver(receiveMaximum, service.intake.gate());
      service.receiver.connect();
    } catch (MqttException e) {
      service.close();
      throw new ModelException(
          "cannot reach the MQTT broker at "
              + broker.uri()
              + ": "
              + describe(e)
              + hint(e, broker.uri()),
          e);
    } catch (ModelException | RuntimeException e) {
      service.close();
      throw e;
    }
    if (broker.metricsIntervalSeconds() > 0) {
      service.scheduler.scheduleAtFixedRate(
          service::publishMetrics,
          broker.metricsIntervalSeconds(),
          broker.metricsIntervalSeconds(),
          TimeUnit.SECONDS);
    }
    return service;
  }

  /** Builds the pipeline once the publisher it delivers to exists. */
  @FunctionalInterface
  public interface PipelineFactory {
    Pipeline create(ReplySink sink) throws ModelException;
  }

  private ReconnectingClient newReceiver(int receiveMaximum, ReadGate gate) {
    MqttConnectionOptions receiverOptions = options(gate);
    receiverOptions.setCleanStart(false);
    receiverOptions.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
    // Half the queue: the broker's count of unacknowledged messages and the queue's fill were seen
    // to drift apart under overload. (The gate, not this, is what holds a burst back.)
    receiverOptions.setReceiveMaximum(Math.min(65535, Math.max(1, receiveMaximum / 2)));
    MqttMessage will = new MqttMessage(StatusMessages.state("offline", model, broker.clientId()));
    will.setQos(1);
    will.setRetained(true);
    receiverOptions.setWill(broker.statusTopic(), will);
    return new ReconnectingClient(
        broker.uri(),
        broker.clientId(),
        receiverOptions,
        true,
        new ReconnectingClient.Listener() {
          @Override
          public void messageArrived(MqttAsyncClient from, String topic, MqttMessage m) {
            onMessage(from, topic, m);
          }

          @Override
          public void connected(MqttAsyncClient client, boolean reconnect) {
            subscribeAndAnnounce(client);
          }
        },
        scheduler);
  }

  private MqttConnectionOptions options(ReadGate gate) {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setConnectionTimeout(10);
    options.setKeepAliveInterval(30);
    if (broker.username() != null) {
      options.setUserName(broker.username());
    }
    if (broker.password() != null) {
      options.setPassword(new String(broker.password()).getBytes(StandardCharsets.UTF_8));
    }
    SocketFactory sockets = broker.socketFactory();
    if (sockets instanceof SSLSocketFactory tls) {
      options.setSocketFactory(new NoDelaySslSocketFactory(tls, gate));
    } else if (sockets != null) {
      options.setSocketFactory(sockets);
    } else {
      options.setSocketFactory(new TcpSocketFactory(gate));
    }
    return options;
  }

  /** On every connect, from edgeinfer's own thread: subscribe, then say {@code online}. */
  private void subscribeAndAnnounce(MqttAsyncClient client) {
    try {
      List<MqttSubscription> subscriptions = new ArrayList<>();
      for (String filter : broker.inputTopics()) {
        subscriptions.add(new MqttSubscription(filter, broker.inputQos()));
      }
      for (Listening listen : listening) {
        subscriptions.add(new MqttSubscription(listen.topic(), 1));
      }
      // Messages arrive at the global callback: per-subscription listeners miss $share filters.
      // With only --watch there is nothing to subscribe to (an empty SUBSCRIBE is a protocol
      // error: the broker disconnected, and the service reconnected in a loop).
      if (!subscriptions.isEmpty()) {
        client
            .subscribe(
                subscriptions.toArray(new MqttSubscription[0]), null, null, new MqttProperties())
            .waitForCompletion(10_000);
      }
      MqttMessage online =
          new MqttMessage(StatusMessages.state("online", model, broker.clientId()));
      online.setQos(1);
      online.setRetained(true);
      client.publish(broker.statusTopic(), online);
    } catch (MqttException e) {
      LOG.warning("edgeinfer: subscribing failed: " + describe(e));
    }
  }

  private void publishMetrics() {
    sender.ifConnected(
        client -> {
          try {
            client.publish(
                broker.statusTopic() + "/metrics",
                StatusMessages.metrics(metrics.snapshot(), broker.clientId()),
                0,
                false);
          } catch (MqttException e) {
            LOG.fine("metrics not published: " + describe(e));
          }
        });
  }

  /** On Paho's callback thread: hands the message over and returns, never waiting. */
  private void onMessage(MqttAsyncClient from, String topic, MqttMessage message) {
    int id = message.getId();
    int qos = message.getQos();
    for (Listening listen : listening) {
      if (listen.topic().equals(topic)) {
        acknowledge(from, id, qos);
        byte[] payload = message.getPayload();
        scheduler.execute(() -> listen.handler().accept(payload));
        return;
      }
    }
    MqttProperties properties = message.getProperties();
    InboundMessage inbound =
        new InboundMessage(
            topic,
            message.getPayload(),
            properties == null ? null : properties.getContentType(),
            properties == null
                ? new ReplyRoute.OutputTopic(null)
                : ReplyRoute.ofMqtt(properties.getResponseTopic(), properties.getCorrelationData()),
            qos,
            System.nanoTime(),
            () -> acknowledge(from, id, qos),
            properties == null ? null : CorrelationCut.problem(properties));
    if (qos == 0) {
      Pipeline.Taken taken = pipeline.offerNow(inbound);
      if (taken == Pipeline.Taken.MUST_START) {
        intake.take(from, inbound); // the intake's thread starts the signature's pipeline
      } else if (taken == Pipeline.Taken.NO_ROOM) {
        // QoS 0 may be dropped: counted (the metrics say how many), nothing to acknowledge.
        metrics.dropped.incrementAndGet();
      }
      return;
    }
    intake.take(from, inbound);
  }

  /**
   * Acknowledges on the connection the message came on; after a reconnect the broker sends
   * unacknowledged messages again, so an old connection's ids are left alone.
   */
  private void acknowledge(MqttAsyncClient from, int id, int qos) {
    if (qos == 0 || from != receiver.client() || !from.isConnected()) {
      return;
    }
    try {
      from.messageArrivedComplete(id, qos);
    } catch (MqttException e) {
      LOG.fine("ack failed: " + describe(e));
    }
  }

  /**
   * Stops in the reverse order of start: takes no more messages (what the intake held goes back to
   * the broker), lets the pipeline finish what it has, waits for the replies to be published or
   * kept, says {@code offline}, and disconnects the receiving client. The publishing side stays
   * until {@link #close}.
   */
  public void drainAndStop(Duration timeout) throws InterruptedException {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    if (intake != null) {
      intake.close();
    }
    if (pipeline != null) {
      pipeline.drain(remaining(deadline));
    }
    publisher.flush(remaining(deadline).toMillis());
    if (receiver != null) {
      receiver.ifConnected(
          client -> {
            try {
              MqttMessage offline =
                  new MqttMessage(StatusMessages.state("offline", model, broker.clientId()));
              offline.setQos(1);
              offline.setRetained(true);
              client.publish(broker.statusTopic(), offline).waitForCompletion(2000);
            } catch (MqttException e) {
              LOG.fine("offline not published: " + describe(e));
            }
          });
      receiver.close();
    }
  }

  private static Duration remaining(long deadline) {
    return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
  }

  /**
   * Drains and stops (as {@link #drainAndStop}, up to 10 s), then closes the rest in the reverse
   * order of start: the publisher (its outbox drain and writer threads), the publishing client, the
   * pipeline's predictors, and the outbox. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      drainAndStop(Duration.ofSeconds(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.shutdownNow();
    publisher.stop();
    sender.close();
    publisher.awaitStopped();
    if (pipeline != null) {
      pipeline.close();
    }
    closeQuietly(outbox);
  }

  private static void closeQuietly(Outbox outbox) {
    try {
      outbox.close();
    } catch (IOException e) {
      LOG.fine("closing the outbox: " + e.getMessage()); // the lock goes with the process anyway
    }
  }

  /** What to check, from the broker's CONNACK reason code (MQTT v5, 3.2.2.2). */
  private static String hint(MqttException e, String uri) {
    int code = e.getReasonCode();
    if (code == 0x86 || code == 0x87 || code == 0x8C) {
      return " (the broker refused the credentials: check --username and --password-file or"
          + " EDGEINFER_MQTT_PASSWORD, and the broker's ACL for this client)";
    }
    if (code == 0x85) {
      return " (the broker refused the client id: check --client-id)";
    }
    if (uri.startsWith("ssl://")) {
      return " (check --tls-ca, --tls-cert and --tls-key, and that the broker's certificate"
          + " names this host)";
    }
    return " (is it running? try --broker embedded)";
  }

  static String describe(MqttException e) {
    Throwable cause = e.getCause();
    String reason = e.getMessage();
    if (cause != null && cause.getMessage() != null) {
      reason = reason + " (" + cause.getMessage() + ")";
    }
    return reason;
  }
}
