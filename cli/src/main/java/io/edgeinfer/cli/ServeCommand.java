package io.edgeinfer.cli;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelCard;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.codec.Format;
import io.edgeinfer.mqtt.BrokerSettings;
import io.edgeinfer.mqtt.EmbeddedBroker;
import io.edgeinfer.mqtt.Metrics;
import io.edgeinfer.mqtt.ModelInfo;
import io.edgeinfer.mqtt.PayloadFormats;
import io.edgeinfer.mqtt.PemTls;
import io.edgeinfer.mqtt.PipelineSettings;
import io.edgeinfer.mqtt.ServiceRunner;
import io.edgeinfer.mqtt.TopicTemplate;
import io.edgeinfer.mqtt.outbox.Outbox;
import io.edgeinfer.profiles.DeviceProfile;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import javax.net.SocketFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
          + " limits; flags win over the profile."
    })
final class ServeCommand implements Callable<Integer> {
  static final String PASSWORD_ENV = "EDGEINFER_MQTT_PASSWORD";

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
      defaultValue = "1",
      description = "Default: ${DEFAULT-VALUE}.")
  int qos;

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
      description = "The password, in a file (or set " + PASSWORD_ENV + ").")
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
      defaultValue = "32",
      description = "Default: ${DEFAULT-VALUE}.")
  int maxBatch;

  @Option(
      names = "--max-wait-ms",
      paramLabel = "MS",
      defaultValue = "2",
      description =
          "How long requests that arrived together may wait for more to fill their batch; a"
              + " request that arrived alone never waits (default: ${DEFAULT-VALUE}).")
  long maxWaitMs;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Pipeline workers; one topic always uses one, so its replies keep their order (default: ${DEFAULT-VALUE}).")
  int threads;

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
      defaultValue = "100000",
      description = "Default: ${DEFAULT-VALUE}.")
  int outboxMaxMessages;

  @Option(
      names = "--outbox-max-mb",
      paramLabel = "MB",
      defaultValue = "256",
      description = "Default: ${DEFAULT-VALUE}.")
  int outboxMaxMb;

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

  @Mixin HomeAssistantFlags homeAssistant;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (modelPath == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "expected --model (or model: in --config), found neither");
    }
    if (inputTopics.isEmpty() && watchDir == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "expected at least one --input-topic or a --watch folder, found neither");
    }
    PrintWriter out = spec.commandLine().getOut();
    DeviceProfile profile = profileOption.profile();
    applyProfile(profile);
    String client = clientId != null ? clientId : "edgeinfer-" + hostname();
    String brokerUri =
        broker != null ? broker : inputTopics.isEmpty() ? null : "tcp://127.0.0.1:1883";
    EmbeddedAddress embeddedAddress = null;
    EmbeddedBroker embedded = null;
    if (brokerUri != null && brokerUri.startsWith("embedded")) {
      embeddedAddress = EmbeddedAddress.parse(brokerUri);
      embedded = embeddedBroker(); // first: a distribution without one says so, whatever the port
      embeddedAddress.requireFree();
    }
    // The outbox's lock before the model: a second serve with the same client id fails at once,
    // not after loading the model.
    Outbox outbox =
        brokerUri == null
            ? null
            : Outbox.open(
                outboxDir != null
                    ? outboxDir
                    : Path.of(System.getProperty("user.home"), ".edgeinfer", "outbox", client),
                outboxMaxMessages,
                (long) outboxMaxMb << 20);
    try (outbox;
        Model model = modelOptions.load(modelPath, profileOption, maxBatch)) {
      Signature signature =
          signatureName == null
              ? model.defaultSignature()
              : model.predictor(signatureName).signature();
      ModelInfo info =
          new ModelInfo(
              modelPath.getFileName().toString(),
              VersionProvider.version(),
              model.engine(),
              ModelCard.of(model).map(ModelCard::classLabels).orElse(List.of()));
      PipelineSettings settings =
          new PipelineSettings(
              threads,
              maxBatch,
              maxWaitMs,
              queueCapacity,
              maxPayloadBytes,
              allowNan,
              TopicTemplate.parse(outputTopic),
              TopicTemplate.parse(errorTopic),
              qos,
              new PayloadFormats(format == null ? null : Format.fromLabel(format)));
      Metrics metrics = new Metrics();
      ServiceRunner.Builder runner =
          ServiceRunner.builder(model, signature, info, settings, metrics)
              .watch(watchDir)
              .metricsPort(metricsPort)
              .metricsHost(metricsBind)
              .homeAssistant(homeAssistant.settings());
      if (brokerUri != null) {
        if (embedded != null) {
          embedded.start(embeddedAddress.host(), embeddedAddress.port());
          brokerUri = embeddedAddress.clientUri();
          out.println(
              "embedded broker ("
                  + embedded.description()
                  + ") on "
                  + embeddedAddress.host()
                  + ":"
                  + embeddedAddress.port());
        }
        runner.broker(
            new BrokerSettings(
                brokerUri,
                client,
                username,
                password(),
                socketFactory(brokerUri),
                inputTopics,
                qos,
                statusTopic != null ? statusTopic : "edgeinfer/" + client + "/status",
                metricsInterval),
            outbox);
      }
      try (ServiceRunner service = runner.start()) {
        if (profile != null) {
          out.printf(
              Locale.ROOT,
              "profile %s: budget %d MB, %d threads, batches of up to %d within %d ms, QoS %d%n",
              profile.name(),
              profile.budgetMb(),
              threads,
              maxBatch,
              maxWaitMs,
              qos);
        }
        out.printf(
            Locale.ROOT,
            "serving %s (%s, signature %s) %s%n",
            modelPath,
            model.engine(),
            signature.name(),
            service.describe());
        out.flush();
        Thread hook = new Thread(service::stop, "edgeinfer-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        service.awaitStop();
      } finally {
        if (embedded != null) {
          embedded.close();
        }
      }
    }
    return ExitCodes.OK;
  }

  /** The profile's batching, threads and MQTT settings, for each option not typed. */
  void applyProfile(DeviceProfile profile) {
    if (profile == null) {
      return;
    }
    if (!profileOption.given("--max-batch")) {
      maxBatch = profile.batching().maxBatch();
    }
    if (!profileOption.given("--max-wait-ms")) {
      maxWaitMs = profile.batching().maxWaitMs();
    }
    if (!profileOption.given("--threads")) {
      threads = profile.threads();
    }
    if (!profileOption.given("--qos")) {
      qos = profile.mqtt().qos();
    }
    if (!profileOption.given("--outbox-max-messages")) {
      outboxMaxMessages = profile.mqtt().outboxMaxMessages();
    }
    if (!profileOption.given("--outbox-max-mb")) {
      outboxMaxMb = profile.mqtt().outboxMaxMb();
    }
  }

  private static EmbeddedBroker embeddedBroker() {
    for (EmbeddedBroker broker : ServiceLoader.load(EmbeddedBroker.class)) {
      return broker;
    }
    throw new IllegalArgumentException(
        "expected an embedded broker in this distribution, found none: install Mosquitto"
            + " (apt install mosquitto) and use --broker tcp://127.0.0.1:1883");
  }

  private char[] password() throws java.io.IOException {
    if (passwordFile != null) {
      return Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
    }
    String fromEnvironment = System.getenv(PASSWORD_ENV);
    return fromEnvironment == null ? null : fromEnvironment.toCharArray();
  }

  private SocketFactory socketFactory(String uri) throws java.io.IOException {
    boolean tls = uri.startsWith("ssl://");
    if (!tls && (tlsCa != null || tlsCert != null || tlsKey != null)) {
      throw new IllegalArgumentException(
          "expected an ssl:// broker URL with --tls-* options, found " + uri);
    }
    return tls ? PemTls.socketFactory(tlsCa, tlsCert, tlsKey) : null;
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "device";
    }
  }
}
