package io.edgeinfer.mqtt;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.vision.VisionOptions;
import io.edgeinfer.mqtt.homeassistant.Discovery;
import io.edgeinfer.mqtt.homeassistant.HomeAssistantSettings;
import io.edgeinfer.mqtt.homeassistant.HomeAssistantSink;
import io.edgeinfer.mqtt.outbox.Outbox;
import io.edgeinfer.mqtt.watch.FileReplySink;
import io.edgeinfer.mqtt.watch.FolderWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything {@code serve} runs, started in the order replies flow back and stopped in the reverse:
 * the MQTT service (optional; it owns the outbox, the publisher, the pipeline and its own intake,
 * in that order) or else the pipeline alone, then the watched folder (optional), then the
 * Prometheus endpoint (optional). Each reply goes where its message's route says: a watched file's
 * beside the file (and on to the broker when there is one), an MQTT request's to the publisher.
 */
public final class ServiceRunner implements AutoCloseable {
  private final Pipeline pipeline;
  private final MqttService mqtt;
  private final FolderWatcher watcher;
  private final MetricsHttpServer http;
  private final String description;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean stopping = new AtomicBoolean();

  private ServiceRunner(Builder b) throws ModelException, IOException {
    Pipeline[] built = new Pipeline[1];
    HomeAssistantSink[] homeAssistant = new HomeAssistantSink[1];
    MqttService.PipelineFactory factory =
        mqttPublisher -> {
          homeAssistant[0] = b.homeAssistant(mqttPublisher);
          ReplySink publisher = homeAssistant[0] == null ? mqttPublisher : homeAssistant[0];
          ReplySink fileSink = new FileReplySink(publisher);
          ReplySink routing =
              reply -> {
                if (reply.source().route() instanceof ReplyRoute.WatchedFile) {
                  fileSink.deliver(reply);
                } else {
                  publisher.deliver(reply);
                }
              };
          built[0] =
              new Pipeline(
                  b.model,
                  b.signature,
                  b.info,
                  b.settings,
                  routing,
                  b.metrics,
                  new VisionSetup(b.vision, b.watch));
          return built[0];
        };
    StringBuilder text = new StringBuilder();
    if (b.broker != null) {
      OwnTopics.requireNoLoop(b.broker.inputTopics(), b.settings, b.broker.statusTopic());
      int receiveMaximum = b.settings.queueCapacity();
      List<MqttService.Listening> listening = new ArrayList<>();
      if (b.homeAssistant != null) {
        // Home Assistant's birth message: its handler runs once the pipeline (and the sink) exist.
        listening.add(
            new MqttService.Listening(
                b.homeAssistant.birthTopic(), payload -> homeAssistant[0].birthMessage(payload)));
      }
      mqtt =
          MqttService.start(
              b.broker, b.info, b.metrics, b.outbox, receiveMaximum, factory, listening);
      text.append("on ").append(b.broker.uri()).append(" topics ").append(b.broker.inputTopics());
    } else {
      mqtt = null;
      factory.create(
          reply -> {
            // No broker: replies of watched files are only written; nothing else arrives.
            reply.source().acknowledge().run();
          });
    }
    pipeline = built[0];
    FolderWatcher started = null;
    try {
      if (b.watch != null) {
        started =
            FolderWatcher.start(
                b.watch,
                b.signature,
                pipeline::offer,
                FolderWatcher.DEFAULT_SETTLE_MILLIS,
                b.settings.maxPayloadBytes());
        text.append(text.length() == 0 ? "" : ", ").append("watching ").append(b.watch);
      }
      http =
          b.metricsPort == null
              ? null
              : new MetricsHttpServer(b.metricsHost, b.metricsPort, b.metrics);
    } catch (IOException | RuntimeException e) {
      // Closed in the reverse order of start, as close() does.
      if (started != null) {
        started.close();
      }
      if (mqtt != null) {
        mqtt.close();
      } else {
        pipeline.close();
      }
      throw e;
    }
    watcher = started;
    if (http != null) {
      text.append(text.length() == 0 ? "" : ", ")
          .append("metrics on http://")
          .append(b.metricsHost.contains(":") ? "[" + b.metricsHost + "]" : b.metricsHost)
          .append(':')
          .append(http.port())
          .append("/metrics");
    }
    description = text.toString();
  }

  public static Builder builder(
      Model model,
      Signature signature,
      ModelInfo info,
      PipelineSettings settings,
      Metrics metrics) {
    return new Builder(model, signature, info, settings, metrics);
  }

  /** Where it listens, for the start-up line. */
  public String describe() {
    return description;
  }

  /**
   * Takes no more inputs (the folder first, then MQTT), lets what is in flight finish and its
   * replies go out or into the outbox, and says offline; safe to call from a shutdown hook, and
   * more than once.
   */
  public void stop() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    try {
      if (watcher != null) {
        watcher.close();
      }
      if (mqtt != null) {
        mqtt.drainAndStop(Duration.ofSeconds(10));
      } else {
        pipeline.drain(Duration.ofSeconds(10));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopped.countDown();
    }
  }

  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops (as {@link #stop}), then closes in the reverse order of start: the metrics endpoint, then
   * the MQTT service (publisher, clients, pipeline, outbox) or the pipeline.
   */
  @Override
  public void close() {
    stop();
    if (http != null) {
      http.close();
    }
    if (mqtt != null) {
      mqtt.close();
    } else {
      pipeline.close();
    }
  }

  /** What to run; {@link #start} starts it. */
  public static final class Builder {
    private final Model model;
    private final Signature signature;
    private final ModelInfo info;
    private final PipelineSettings settings;
    private final Metrics metrics;
    private BrokerSettings broker;
    private Outbox outbox;
    private Path watch;
    private Integer metricsPort;
    private String metricsHost = "127.0.0.1";
    private HomeAssistantSettings homeAssistant;
    private VisionOptions vision = VisionOptions.DEFAULTS;

    private Builder(
        Model model, Signature signature, ModelInfo info, PipelineSettings settings, Metrics m) {
      this.model = model;
      this.signature = signature;
      this.info = info;
      this.settings = settings;
      this.metrics = m;
    }

    public Builder broker(BrokerSettings broker, Outbox outbox) {
      this.broker = broker;
      this.outbox = outbox;
      return this;
    }

    public Builder watch(Path dir) {
      this.watch = dir;
      return this;
    }

    public Builder metricsPort(Integer port) {
      this.metricsPort = port;
      return this;
    }

    /** The address the metrics endpoint listens on (default 127.0.0.1). */
    public Builder metricsHost(String host) {
      this.metricsHost = host;
      return this;
    }

    /** How images (JPEG, PNG, BMP payloads and files) are read and answered. */
    public Builder vision(VisionOptions options) {
      this.vision = options;
      return this;
    }

    /** Home Assistant discovery and entity state (with a broker only), or null for none. */
    public Builder homeAssistant(HomeAssistantSettings settings) {
      this.homeAssistant = settings;
      return this;
    }

    /**
     * The publisher, announcing Home Assistant's entities and feeding their state, when asked; else
     * null.
     */
    private HomeAssistantSink homeAssistant(ReplySink publisher) {
      if (homeAssistant == null || broker == null) {
        return null;
      }
      Discovery discovery =
          new Discovery(
              homeAssistant,
              broker.clientId(),
              broker.statusTopic(),
              info.name(),
              info.edgeinferVersion());
      return HomeAssistantSink.announce(discovery, publisher);
    }

    public ServiceRunner start() throws ModelException, IOException {
      if (homeAssistant != null && broker == null) {
        throw new IllegalArgumentException(
            "expected a broker for --homeassistant (its entities live there), found only --watch:"
                + " add --broker");
      }
      return new ServiceRunner(this);
    }
  }
}
