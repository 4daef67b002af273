package io.edgeinfer.cli;

import io.edgeinfer.core.codec.Format;
import io.edgeinfer.core.vision.VisionOptions;
import io.edgeinfer.mqtt.PayloadFormats;
import io.edgeinfer.mqtt.TopicTemplate;
import io.edgeinfer.mqtt.homeassistant.HomeAssistantSettings;
import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.ServeTuning;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code edgeinfer serve}: predictions for MQTT messages (and files dropped in a folder). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a model over MQTT: read inputs from topics, publish predictions back (to the MQTT v5"
          + " response topic when the request has one). Keys of a --config YAML file are the long"
          + " option names; flags win over the file. --profile sets the defaults of --engine,"
          + " --threads, --intra-op-threads, --max-batch, --max-wait-ms, --qos and the outbox"
          + " limits; flags and --config keys win over the profile."
    })
final class ServeCommand implements Callable<Integer> {
  // Not required by picocli: it may come from --config, which is read after the first parse.
  @Option(
      names = {"-m", "--model"},
      paramLabel = "MODEL",
      description = "The model (required, here or as model: in --config).")
  Path modelPath;

  @Option(
      names = {"-s", "--signature"},
      paramLabel = "NAME",
      description = "Default: serving_default.")
  String signatureName;

  @Option(
      names = "--broker",
      paramLabel = "URL|embedded[:[HOST:]PORT]",
      description =
          "tcp://HOST:PORT, ssl://HOST:PORT, or embedded (an in-process, anonymous broker on"
              + " 127.0.0.1:1883 unless given) (default: tcp://127.0.0.1:1883; with only --watch,"
              + " none).")
  String broker;

  @Option(
      names = "--input-topic",
      paramLabel = "FILTER",
      split = ",",
      description = "Topics to read; wildcards and $share/GROUP/... allowed. Repeatable.")
  List<String> inputTopics = List.of();

  @Option(
      names = "--output-topic",
      paramLabel = "TEMPLATE",
      defaultValue = "{topic}/prediction",
      description =
          "Where predictions go when a request names no response topic; {topic} and {1}, {2}... (levels) are replaced (default: ${DEFAULT-VALUE}).")
  String outputTopic;

  @Option(
      names = "--error-topic",
      paramLabel = "TEMPLATE",
      defaultValue = "{topic}/error",
      description = "Where errors go (default: ${DEFAULT-VALUE}).")
  String errorTopic;

  @Option(
      names = "--status-topic",
      paramLabel = "TOPIC",
      description =
          "Retained online/offline state; metrics on TOPIC/metrics (default: edgeinfer/CLIENT-ID/status).")
  String statusTopic;

  @Option(
      names = "--qos",
      paramLabel = "0|1|2",
      description = "Default: the profile's, else " + ServeTuning.DEFAULT_QOS + ".")
  Integer qos;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description =
          "Keep it stable so the broker keeps the session across restarts (default: edgeinfer-HOSTNAME).")
  String clientId;

  @Option(names = "--username", paramLabel = "USER")
  String username;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "The password, in a file (or set " + BrokerCredentials.PASSWORD_ENV + ").")
  Path passwordFile;

  @Option(names = "--tls-ca", paramLabel = "PEM")
  Path tlsCa;

  @Option(names = "--tls-cert", paramLabel = "PEM")
  Path tlsCert;

  @Option(names = "--tls-key", paramLabel = "PEM", description = "PKCS#8 private key.")
  Path tlsKey;

  @Option(
      names = "--max-batch",
      paramLabel = "N",
      description = "Default: the profile's, else " + ServeTuning.DEFAULT_MAX_BATCH + ".")
  Integer maxBatch;

  @Option(
      names = "--max-wait-ms",
      paramLabel = "MS",
      description =
          "How long requests that arrived together may wait for more to fill their batch; a"
              + " request that arrived alone never waits (default: the profile's, else "
              + ServeTuning.DEFAULT_MAX_WAIT_MS
              + ").")
  Long maxWaitMs;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Pipeline workers; one topic always uses one, so its replies keep their order (default:"
              + " the profile's, else "
              + ServeTuning.DEFAULT_THREADS
              + ").")
  Integer threads;

  @Option(
      names = "--queue-capacity",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Messages waiting per worker (default: ${DEFAULT-VALUE}).")
  int queueCapacity;

  @Option(
      names = "--format",
      paramLabel = "json|csv|npy|raw",
      description = "Payload format (default: from the MQTT content type, else JSON).")
  String format;

  @Option(
      names = "--max-payload-bytes",
      paramLabel = "N",
      defaultValue = "1048576",
      description = "Default: ${DEFAULT-VALUE}.")
  int maxPayloadBytes;

  @Option(names = "--allow-nan", description = "Let NaN and infinities reach the model.")
  boolean allowNan;

  @Option(
      names = "--outbox",
      paramLabel = "DIR",
      description =
          "Where replies wait while the broker is away (default: ~/.edgeinfer/outbox/CLIENT-ID).")
  Path outboxDir;

  @Option(
      names = "--outbox-max-messages",
      paramLabel = "N",
      description = "Default: the profile's, else " + ServeTuning.DEFAULT_OUTBOX_MAX_MESSAGES + ".")
  Integer outboxMaxMessages;

  @Option(
      names = "--outbox-max-mb",
      paramLabel = "MB",
      description = "Default: the profile's, else " + ServeTuning.DEFAULT_OUTBOX_MAX_MB + ".")
  Integer outboxMaxMb;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description = "Serve Prometheus metrics on http://HOST:PORT/metrics.")
  Integer metricsPort;

  @Option(
      names = "--metrics-bind",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description =
          "The address --metrics-port listens on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  String metricsBind;

  @Option(
      names = "--metrics-interval",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "How often metrics go to the status topic (0: never; default: ${DEFAULT-VALUE}).")
  int metricsInterval;

  @Option(
      names = "--watch",
      paramLabel = "DIR",
      description =
          "Also predict every file dropped in DIR, writing FILE.prediction.json beside it.")
  Path watchDir;

  @Option(names = "--config", paramLabel = "FILE", description = "A YAML file of option values.")
  Path config;

  @Mixin ModelOptions modelOptions;

  @Mixin ProfileOption profileOption;

  @Mixin HomeAssistantFlags homeAssistantFlags;

  @Mixin VisionFlags vision;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Where the password variable is read from; tests put a map in its place. */
  static Function<String, String> environment = System::getenv;

  @Override
  public Integer call() throws Exception {
    ServeSettings settings = settings();
    HomeAssistantSettings homeAssistant = homeAssistantSettings();
    VisionOptions visionOptions = vision.options(spec);
    new ServeRun(settings, spec.commandLine().getOut(), environment)
        .serve(
            (model, batch) -> modelOptions.load(model, profileOption, batch),
            runner -> {
              // Mixins that add to the service configure the runner here.
              runner.homeAssistant(homeAssistant).vision(visionOptions);
            });
    return ExitCodes.OK;
  }

  /**
   * The options as checked settings: defaults resolved (the profile's where nothing was set), an
   * out-of-range or inconsistent value a usage error naming its option.
   */
  ServeSettings settings() throws IOException {
    try {
      DeviceProfile profile = profileOption.profile();
      String client = clientId != null ? clientId : "edgeinfer-" + hostname();
      BrokerTarget target =
          broker != null
              ? BrokerTarget.parse(broker)
              : inputTopics.isEmpty() ? null : BrokerTarget.parse(BrokerTarget.DEFAULT);
      return new ServeSettings(
          modelPath,
          signatureName,
          profile,
          ServeTuning.resolve(
              new ServeTuning.Explicit(
                  threads, maxBatch, maxWaitMs, qos, outboxMaxMessages, outboxMaxMb),
              profile),
          target,
          new BrokerCredentials(client, username, passwordFile, tlsCa, tlsCert, tlsKey),
          inputTopics,
          TopicTemplate.parse(outputTopic),
          TopicTemplate.parse(errorTopic),
          statusTopic != null ? statusTopic : "edgeinfer/" + client + "/status",
          queueCapacity,
          new PayloadFormats(format == null ? null : Format.fromLabel(format)),
          maxPayloadBytes,
          allowNan,
          outboxDir != null
              ? outboxDir
              : Path.of(System.getProperty("user.home"), ".edgeinfer", "outbox", client),
          new MetricsEndpoint(metricsPort, metricsBind, metricsInterval),
          watchDir);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** {@code --homeassistant}'s settings (null without it); a bad one is a usage error. */
  private HomeAssistantSettings homeAssistantSettings() {
    try {
      HomeAssistantSettings settings = homeAssistantFlags.settings();
      if (settings != null && broker == null && inputTopics.isEmpty()) {
        throw new IllegalArgumentException(
            "expected a broker for --homeassistant (its entities live there), found only --watch:"
                + " add --broker");
      }
      return settings;
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "device";
    }
  }
}
