package io.edgeinfer.examples.bench;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Signature;
import io.edgeinfer.mqtt.BrokerSettings;
import io.edgeinfer.mqtt.Metrics;
import io.edgeinfer.mqtt.ModelInfo;
import io.edgeinfer.mqtt.MqttService;
import io.edgeinfer.mqtt.PayloadFormats;
import io.edgeinfer.mqtt.Pipeline;
import io.edgeinfer.mqtt.PipelineSettings;
import io.edgeinfer.mqtt.TopicTemplate;
import io.edgeinfer.mqtt.outbox.Outbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * One model served in this process by {@link MqttService}, exactly as {@code edgeinfer serve} would
 * serve it, on topics of its own under {@code bench/<uuid>/} (see {@link #route}). Closing stops
 * the service and removes what it left on the broker (its retained status and its persistent
 * session).
 */
final class Relay implements AutoCloseable {
  static final int THREADS = 1;
  static final int MAX_BATCH = 64;
  static final int QUEUE_CAPACITY = 10_000;
  private static final int MAX_PAYLOAD_BYTES = 1 << 20;

  private final String name;
  private final int qos;
  private final String prefix;
  private final BrokerSettings broker;
  private final Metrics metrics;
  private final Path outboxDir;
  private final Outbox outbox;
  private final MqttService service;

  private Relay(
      String name,
      int qos,
      String prefix,
      BrokerSettings broker,
      Metrics metrics,
      Path outboxDir,
      Outbox outbox,
      MqttService service) {
    this.name = name;
    this.qos = qos;
    this.prefix = prefix;
    this.broker = broker;
    this.metrics = metrics;
    this.outboxDir = outboxDir;
    this.outbox = outbox;
    this.service = service;
  }

  /**
   * Serves {@code model}'s {@code signature} at {@code qos} (subscription, replies and the load
   * clients all use it), with threads 1, max batch 64, the given max wait, queue capacity 10,000.
   */
  static Relay start(
      String name,
      Model model,
      Signature signature,
      List<String> classLabels,
      String brokerUri,
      int qos,
      long maxWaitMs)
      throws ModelException, IOException {
    String prefix = "bench/" + UUID.randomUUID();
    String clientId =
        "edgeinfer-bench-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    BrokerSettings broker =
        new BrokerSettings(
            brokerUri,
            clientId,
            null,
            null,
            null,
            List.of(prefix + "/in/+"),
            qos,
            prefix + "/status",
            0);
    PipelineSettings settings =
        new PipelineSettings(
            THREADS,
            MAX_BATCH,
            maxWaitMs,
            QUEUE_CAPACITY,
            MAX_PAYLOAD_BYTES,
            false,
            TopicTemplate.parse("{topic}/prediction"),
            TopicTemplate.parse("{topic}/error"),
            qos,
            new PayloadFormats(null));
    ModelInfo info = new ModelInfo(name, "bench", model.engine(), classLabels);
    Metrics metrics = new Metrics();
    Path outboxDir = Files.createTempDirectory("edgeinfer-bench");
    Outbox outbox = Outbox.open(outboxDir, 100_000, 256L << 20);
    try {
      // As serve does: the receive maximum the relay offers the broker is its queue capacity.
      MqttService service =
          MqttService.start(
              broker,
              info,
              metrics,
              outbox,
              QUEUE_CAPACITY,
              sink -> new Pipeline(model, signature, info, settings, sink, metrics));
      return new Relay(name, qos, prefix, broker, metrics, outboxDir, outbox, service);
    } catch (ModelException | IOException | RuntimeException e) {
      removeOutbox(outbox, outboxDir);
      throw e;
    }
  }

  /**
   * The topics of one phase: requests on {@code bench/<uuid>/in/<phase>}, replies on {@code
   * .../<phase>/prediction}, errors on {@code .../<phase>/error}.
   */
  Route route(String phase) {
    String input = prefix + "/in/" + phase;
    return new Route(name, input, input + "/prediction", input + "/error", qos);
  }

  Metrics.Snapshot metrics() {
    return metrics.snapshot();
  }

  @Override
  public void close() {
    service.close();
    forgetOnBroker();
    removeOutbox(outbox, outboxDir);
  }

  private static void removeOutbox(Outbox outbox, Path dir) {
    try {
      outbox.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(Relay::delete);
      }
    } catch (IOException | UncheckedIOException e) {
      System.err.println("bench: could not remove " + dir + ": " + e.getMessage());
    }
  }

  /**
   * Clears the retained {@code offline} status and ends the service's persistent session (a clean
   * start under its client id, then a disconnect with no session expiry), so that runs leave
   * nothing behind on the broker.
   */
  private void forgetOnBroker() {
    MqttAsyncClient client = null;
    try {
      client = new MqttAsyncClient(broker.uri(), broker.clientId(), new MemoryPersistence());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setCleanStart(true);
      options.setSessionExpiryInterval(0L);
      client.connect(options).waitForCompletion(5000);
      MqttMessage clear = new MqttMessage(new byte[0]);
      clear.setQos(1);
      clear.setRetained(true);
      client.publish(broker.statusTopic(), clear).waitForCompletion(5000);
    } catch (MqttException e) {
      System.err.println("bench: could not clean up " + broker.statusTopic() + ": " + e);
    } finally {
      if (client != null) {
        BenchClients.closeQuietly(client);
      }
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
