package io.edgeinfer.examples.bench;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelCard;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.mqtt.Metrics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * End-to-end throughput and latency of {@code edgeinfer serve} through a real broker: a model
 * served in this process by the MQTT service, fed by a load client and answered to a separate
 * subscriber, compared in the same run with an echo relay built the same way but without inference.
 * See examples/serve-benchmark/README.md.
 */
public final class ServeBenchmark {
  static final String ECHO = "echo";
  static final String BROKER_ONLY = "broker";

  /** Warm-up rounds end once the JIT compiler takes less than this per reply. */
  static final double SETTLED_JIT_MICROS = 2.0;

  static final int MAX_WARMUP_ROUNDS = 8;

  private final BenchOptions options;
  private final RequestPayloads payloads;
  private final PrintStream out;
  private final Clients clients;

  private ServeBenchmark(
      BenchOptions options, RequestPayloads payloads, PrintStream out, Clients clients) {
    this.options = options;
    this.payloads = payloads;
    this.out = out;
    this.clients = clients;
  }

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("serve-benchmark: " + e.getMessage());
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    try {
      run(options, System.out);
    } catch (ModelException | MqttException | IOException | IllegalArgumentException e) {
      System.err.println("serve-benchmark: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.err.println("serve-benchmark: interrupted");
      System.exit(1);
    }
  }

  static void run(BenchOptions options, PrintStream out)
      throws ModelException, MqttException, IOException, InterruptedException {
    Environment environment = Environment.detect(options.broker());
    try (Model model = Engines.load(options.model(), LoadOptions.DEFAULTS)) {
      Signature signature = model.defaultSignature();
      int features = featuresOf(signature);
      List<String> labels =
          ModelCard.read(model.path()).map(ModelCard::classLabels).orElse(List.of());
      String modelName = modelName(options.model());
      EchoModel echo = new EchoModel(signature);
      RequestPayloads payloads = new RequestPayloads(features);
      ResultsReport.printHeader(out, environment, options, payloads.typicalBytes());
      out.printf(
          "model:   %s (%s engine, signature %s, %s)%n%n",
          options.model(), model.engine(), signature.name(), signature.inputs().get(0));
      ServeBenchmark bench =
          new ServeBenchmark(options, payloads, out, throughputClients(options, out));
      List<RelayResult> results = new ArrayList<>();
      for (int qos : options.qosLevels()) {
        // Echo and model back to back at each QoS, so that their ratio compares like with like;
        // the broker alone first, as the floor this machine sets.
        results.add(bench.measureBrokerOnly(qos));
        results.add(bench.measure(ECHO, echo, echo.signature(), List.of(), qos));
        results.add(bench.measure(modelName, model, signature, labels, qos));
      }
      int window = results.get(0).throughput().window();
      ResultsReport report =
          new ResultsReport(
              environment, options, modelName, payloads.typicalBytes(), window, results);
      report.printTable(out);
      if (options.json() != null) {
        report.writeJson(options.json());
        out.printf("%nwrote %s%n", options.json());
      }
    }
  }

  /** Warm-up, then the throughput run, then the latency run, on one freshly started relay. */
  private RelayResult measure(
      String name, Model model, Signature signature, List<String> labels, int qos)
      throws ModelException, MqttException, IOException, InterruptedException {
    System.gc();
    try (Relay relay =
        Relay.start(name, model, signature, labels, options.broker(), qos, options.maxWaitMs())) {
      long started = System.nanoTime();
      int warmup = warmUp(relay.route("warmup"));
      Metrics.Snapshot before = relay.metrics();
      ThroughputRun.Result throughput = throughput(relay.route("throughput"));
      Metrics.Snapshot between = relay.metrics();
      LatencyRun.Result latency = latency(relay.route("latency"), started);
      Metrics.Snapshot after = relay.metrics();
      return new RelayResult(
          name,
          qos,
          warmup,
          throughput,
          latency,
          meanBatch(before, between),
          meanBatch(between, after),
          between.received() - before.received(),
          between.dropped() - before.dropped(),
          between.outboxed() - before.outboxed());
    }
  }

  /** The same runs with no relay: the load client's requests go straight to the collector. */
  private RelayResult measureBrokerOnly(int qos)
      throws MqttException, IOException, InterruptedException {
    System.gc();
    String prefix = "bench/" + UUID.randomUUID() + "/direct/";
    long started = System.nanoTime();
    int warmup = warmUp(Route.brokerOnly(prefix + "warmup", qos));
    ThroughputRun.Result throughput = throughput(Route.brokerOnly(prefix + "throughput", qos));
    LatencyRun.Result latency = latency(Route.brokerOnly(prefix + "latency", qos), started);
    return new RelayResult(
        BROKER_ONLY, qos, warmup, throughput, latency, Double.NaN, Double.NaN, -1, 0, 0);
  }

  /**
   * Untimed rounds of {@code --warmup} requests until the JIT compiler has settled (it took under
   * {@value #SETTLED_JIT_MICROS} µs of CPU per reply in the last round), at most {@value
   * #MAX_WARMUP_ROUNDS}: compiling on the same 2 cores during a measured run takes from the relay.
   * Returns the requests sent.
   */
  private int warmUp(Route route) throws MqttException, IOException, InterruptedException {
    int sent = 0;
    for (int round = 1; options.warmup() > 0 && round <= MAX_WARMUP_ROUNDS; round++) {
      ThroughputRun.Result warm =
          ThroughputRun.run(route, options.warmup(), options.outstanding(), payloads, clients);
      sent += warm.sent();
      double jit = warm.cpuMicrosPerReply().getOrDefault(CpuByRole.JIT, 0.0);
      progress(
          route,
          "warm-up",
          String.format(
              Locale.ROOT,
              "round %d: %,.0f msg/s, %,d lost, JIT %.1f µs per reply",
              round,
              warm.perSecond(),
              warm.lost(),
              jit));
      if (jit < SETTLED_JIT_MICROS) {
        break;
      }
    }
    return sent;
  }

  private ThroughputRun.Result throughput(Route route)
      throws MqttException, IOException, InterruptedException {
    ThroughputRun.Result result =
        ThroughputRun.run(route, options.messages(), options.outstanding(), payloads, clients);
    progress(
        route,
        "throughput",
        String.format(
            Locale.ROOT,
            "%,.0f msg/s, %,d lost, %.1f s, cpu %.0f%% (this jvm %.0f%%)",
            result.perSecond(),
            result.lost(),
            result.seconds(),
            100 * result.machineCpu(),
            100 * result.jvmCpu()));
    return result;
  }

  private LatencyRun.Result latency(Route route, long started)
      throws MqttException, InterruptedException {
    LatencyRun.Result result =
        LatencyRun.run(route, options.rate(), options.seconds(), payloads, uri());
    progress(
        route,
        "latency",
        String.format(
            Locale.ROOT,
            "p50 %.2f ms, p99 %.2f ms%s, %,d lost (%.0f s in all)",
            result.latency().p50(),
            result.latency().p99(),
            // A relay that reports no timings of its own (the broker alone) has nothing to show.
            result.insideRelay().count() == 0
                ? ""
                : String.format(
                    Locale.ROOT,
                    " (in the relay: p50 %.2f, p99 %.2f)",
                    result.insideRelay().p50(),
                    result.insideRelay().p99()),
            result.lost(),
            (System.nanoTime() - started) / 1e9));
    return result;
  }

  /** mosquitto_pub and mosquitto_sub when asked for and usable; else Paho, and it says so. */
  private static Clients throughputClients(BenchOptions options, PrintStream out) {
    boolean wanted = options.clients().equals("mosquitto");
    Optional<MosquittoClients> foreign =
        wanted ? MosquittoClients.forBroker(options.broker()) : Optional.empty();
    out.printf(
        "clients: throughput runs: %s; latency runs: Paho in this JVM%n%n",
        foreign.isPresent()
            ? "mosquitto_pub -l and mosquitto_sub (C, own processes)"
            : wanted
                ? "Paho in this JVM (mosquitto_pub/mosquitto_sub not on the PATH, or not a tcp://"
                    + " broker)"
                : "Paho in this JVM");
    return foreign.isPresent() ? foreign.get() : new Clients.Paho(options.broker());
  }

  private String uri() {
    return options.broker();
  }

  private void progress(Route route, String phase, String what) {
    out.printf(Locale.ROOT, "%-10s QoS %d  %-10s %s%n", route.name(), route.qos(), phase, what);
    out.flush();
  }

  private static double meanBatch(Metrics.Snapshot from, Metrics.Snapshot to) {
    long batches = to.batches() - from.batches();
    long messages = (to.predicted() + to.errors()) - (from.predicted() + from.errors());
    return batches == 0 ? Double.NaN : (double) messages / batches;
  }

  /** The number of features of a model with one float32 input [-1, n]; else an error. */
  private static int featuresOf(Signature signature) {
    List<TensorSpec> inputs = signature.inputs();
    if (inputs.size() == 1) {
      TensorSpec input = inputs.get(0);
      Shape shape = input.shape();
      if (input.dataType() == DataType.FLOAT32
          && !shape.isUnknownRank()
          && shape.rank() == 2
          && shape.dim(1) > 0) {
        return shape.dim(1);
      }
    }
    throw new IllegalArgumentException(
        "expected a model with one float32 input of shape [-1, n] (such as the seed MLP's"
            + " features [-1, 32]), found "
            + inputs);
  }

  private static String modelName(Path model) {
    Path name = model.toAbsolutePath().normalize().getFileName();
    return name == null ? "model" : name.toString();
  }
}
