package io.edgeinfer.mqtt;

import io.edgeinfer.core.ModelException;
import io.edgeinfer.mqtt.outbox.DeadLetterFolder;
import io.edgeinfer.mqtt.outbox.Outbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * {@code edgeinfer serve} over MQTT: a receiving client (manual acknowledgements, a persistent
 * session, receive maximum as backpressure, Last Will {@code offline}) feeding the pipeline, and a
 * publishing client for replies, status and metrics (one client doing both can deadlock Paho). Both
 * reconnect on their own; the receiver resubscribes on every connect.
 */
public final class MqttService implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MqttService.class.getName());
  private static final long SESSION_EXPIRY_SECONDS = 3600;

  /** Inside the outbox folder: replies the broker refused, one JSON file each. */
  public static final String DEAD_LETTER_FOLDER = "dead-letter";

  private final BrokerSettings broker;
  private final ModelInfo model;
  private final Metrics metrics;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "edgeinfer-mqtt");
            thread.setDaemon(true);
            return thread;
          });
  private final ReconnectingClient receiver;
  private final ReconnectingClient sender;
  private final Publisher publisher;
  private final java.util.concurrent.atomic.AtomicBoolean stopped =
      new java.util.concurrent.atomic.AtomicBoolean();
  private Pipeline pipeline;
  private Intake intake;

  private MqttService(
      BrokerSettings broker, ModelInfo model, Metrics metrics, Outbox outbox, int receiveMaximum)
      throws IOException {
    this.broker = broker;
    this.model = model;
    this.metrics = metrics;
    MqttConnectionOptions senderOptions = options();
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
    MqttConnectionOptions receiverOptions = options();
    receiverOptions.setCleanStart(false);
    receiverOptions.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
    // Half the queue: the broker's count of unacknowledged messages and the queue's fill were seen
    // to drift apart under overload, and a QoS 1 message must never meet a full queue.
    receiverOptions.setReceiveMaximum(Math.min(65535, Math.max(1, receiveMaximum / 2)));
    MqttMessage will = new MqttMessage(StatusMessages.state("offline", model, broker.clientId()));
    will.setQos(1);
    will.setRetained(true);
    receiverOptions.setWill(broker.statusTopic(), will);
    receiver =
        new ReconnectingClient(
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
    DeadLetterFolder deadLetters =
        DeadLetterFolder.open(outbox.directory().resolve(DEAD_LETTER_FOLDER));
    publisher = new Publisher(sender, outbox, deadLetters, metrics);
  }

  /**
   * Connects both clients and subscribes; the pipeline is built by {@code pipelineFactory} around
   * the publisher, so that replies flow out through it.
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
    MqttService service = new MqttService(broker, model, metrics, outbox, receiveMaximum);
    try {
      service.pipeline = pipelineFactory.create(service.publisher);
      service.intake = new Intake(service.pipeline, service.receiver, metrics);
      service.sender.connect();
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

  private MqttConnectionOptions options() {
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
      options.setSocketFactory(new NoDelaySslSocketFactory(tls));
    } else if (sockets != null) {
      options.setSocketFactory(sockets);
    } else {
      options.setSocketFactory(new TcpSocketFactory());
    }
    return options;
  }

  /** On every connect, from edgeinfer's own thread: subscribe, then say {@code online}. */
  private void subscribeAndAnnounce(MqttAsyncClient client) {
    try {
      MqttSubscription[] subscriptions = new MqttSubscription[broker.inputTopics().size()];
      for (int i = 0; i < subscriptions.length; i++) {
        subscriptions[i] = new MqttSubscription(broker.inputTopics().get(i), broker.inputQos());
      }
      // Messages arrive at the global callback: per-subscription listeners miss $share filters.
      // With only --watch there is nothing to subscribe to (an empty SUBSCRIBE is a protocol
      // error: the broker disconnected, and the service reconnected in a loop).
      if (subscriptions.length > 0) {
        client.subscribe(subscriptions, null, null, new MqttProperties()).waitForCompletion(10_000);
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

  private void onMessage(MqttAsyncClient from, String topic, MqttMessage message) {
    MqttProperties properties = message.getProperties();
    int id = message.getId();
    int qos = message.getQos();
    InboundMessage inbound =
        new InboundMessage(
            topic,
            message.getPayload(),
            properties == null ? null : properties.getContentType(),
            properties == null ? null : properties.getResponseTopic(),
            properties == null ? null : properties.getCorrelationData(),
            qos,
            System.nanoTime(),
            () -> acknowledge(from, id, qos),
            properties == null ? null : CorrelationCut.problem(properties));
    if (qos == 0) {
      if (!pipeline.offer(inbound)) {
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

  /** Stops taking messages, finishes those queued, publishes {@code offline}, disconnects. */
  public void drainAndStop(Duration timeout) throws InterruptedException {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    pipeline.drain(timeout);
    publisher.awaitIdle(timeout.toMillis());
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
    scheduler.shutdownNow();
    receiver.close();
    sender.close();
  }

  @Override
  public void close() {
    try {
      if (pipeline != null) {
        drainAndStop(Duration.ofSeconds(10));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.shutdownNow();
    publisher.close();
    receiver.close();
    sender.close();
    if (pipeline != null) {
      pipeline.close();
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
