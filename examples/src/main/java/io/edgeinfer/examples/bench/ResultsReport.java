package io.edgeinfer.examples.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The results as a table for people and as one JSON document for scripts. */
final class ResultsReport {
  private final Environment environment;
  private final BenchOptions options;
  private final String model;
  private final int requestBytes;
  private final int loadWindow;
  private final List<RelayResult> results;
  private final Instant finished = Instant.now();

  ResultsReport(
      Environment environment,
      BenchOptions options,
      String model,
      int requestBytes,
      int loadWindow,
      List<RelayResult> results) {
    this.environment = environment;
    this.options = options;
    this.model = model;
    this.requestBytes = requestBytes;
    this.loadWindow = loadWindow;
    this.results = List.copyOf(results);
  }

  /** The setting-up lines, printed before the runs start. */
  static void printHeader(PrintStream out, Environment env, BenchOptions options, int bytes) {
    out.printf("edgeinfer serve benchmark%n");
    out.printf("jvm:     %s%n", env.jvm());
    out.printf("os/cpu:  %s, %s, %d cores%n", env.os(), env.cpu(), env.cores());
    out.printf("broker:  %s at %s%n", env.broker(), env.brokerUri());
    out.printf(
        "one machine: the load generator, the broker and the relay share these %d cores%n",
        env.cores());
    out.printf(
        Locale.ROOT,
        "before the runs: the machine's CPUs were %.0f%% busy (others' processes), load average"
            + " %.2f%n",
        100 * env.backgroundCpu(),
        env.loadAverage());
    out.printf(
        Locale.ROOT,
        "relay:   threads %d, max batch %d, max wait %d ms, queue %,d; requests of one instance,"
            + " ~%d bytes%n",
        Relay.THREADS,
        Relay.MAX_BATCH,
        options.maxWaitMs(),
        Relay.QUEUE_CAPACITY,
        bytes);
    out.printf(
        Locale.ROOT,
        "runs:    warm-up in rounds of %,d until the JIT settles; throughput %,d as fast as answered, at most %,d"
            + " unanswered; latency %,d msg/s for %d s%n%n",
        options.warmup(),
        options.messages(),
        options.outstanding(),
        options.rate(),
        options.seconds());
    out.flush();
  }

  void printTable(PrintStream out) {
    int names = results.stream().mapToInt(r -> r.relay().length()).max().orElse(0);
    String format =
        "%-" + Math.max(10, names) + "s %3s | %10s %7s %5s %4s %4s | %6s %5s %7s %7s %7s %7s %5s%n";
    out.printf(
        Locale.ROOT,
        "%n" + format,
        "",
        "",
        "throughput",
        "",
        "",
        "cpu%",
        "",
        "latency",
        String.format(Locale.ROOT, "@%,d/s", options.rate()),
        "",
        "",
        "",
        "",
        "");
    out.printf(
        Locale.ROOT,
        format,
        "relay",
        "qos",
        "msg/s",
        "lost",
        "batch",
        "all",
        "jvm",
        "sent",
        "lost",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
        "batch");
    for (RelayResult r : results) {
      out.printf(
          Locale.ROOT,
          format,
          r.relay(),
          r.qos(),
          decimals(r.throughput().perSecond(), 0),
          decimals(r.throughput().lost(), 0),
          decimals(r.throughputBatch(), 1),
          decimals(100 * r.throughput().machineCpu(), 0),
          decimals(100 * r.throughput().jvmCpu(), 0),
          decimals(r.latency().sent(), 0),
          decimals(r.latency().lost(), 0),
          decimals(r.latency().latency().p50(), 2),
          decimals(r.latency().latency().p90(), 2),
          decimals(r.latency().latency().p99(), 2),
          decimals(r.latency().latency().max(), 2),
          decimals(r.latencyBatch(), 1));
    }
    out.printf(
        Locale.ROOT,
        "(cpu%%: of all %d cores during the throughput run, by everything on the machine and by"
            + " this JVM: load generator, relay and reply collector; load average now %.2f)%n",
        environment.cores(),
        CpuUsage.loadAverage());
    out.println();
    for (int qos = 0; qos <= 1; qos++) {
      Optional<Double> ratio = Targets.ratio(results, model, qos);
      if (ratio.isPresent()) {
        out.printf(Locale.ROOT, "%s / echo throughput at QoS %d: %.2f%n", model, qos, ratio.get());
      }
    }
    out.printf(
        "latency inside the relay (its own timings_ms.total: Paho's callback to the reply encoded),"
            + " latency run:%n");
    for (RelayResult r : results) {
      if (r.relay().equals(ServeBenchmark.BROKER_ONLY) || r.latency().insideRelay().count() == 0) {
        continue;
      }
      out.printf(
          Locale.ROOT,
          "  %-12s QoS %d: p50 %.2f ms, p99 %.2f ms%n",
          r.relay(),
          r.qos(),
          r.latency().insideRelay().p50(),
          r.latency().insideRelay().p99());
    }
    out.printf(
        "CPU per reply in the throughput run, µs, by role (this JVM's threads, the broker):%n");
    for (RelayResult r : results) {
      out.printf(
          Locale.ROOT,
          "  %-12s QoS %d: %s%n",
          r.relay(),
          r.qos(),
          describe(r.throughput().cpuMicrosPerReply()));
    }
    for (RelayResult r : results) {
      ThroughputRun.Result t = r.throughput();
      if (t.lost() > 0 || r.relayDropped() > 0 || r.outboxed() > 0 || t.errors() > 0) {
        out.printf(
            Locale.ROOT, "%s QoS %d, throughput run: %,d sent", r.relay(), r.qos(), t.sent());
        if (r.relayReceived() >= 0) {
          out.printf(
              Locale.ROOT,
              "; the relay's counters: received %,d, dropped %,d (queue full), outboxed %,d",
              r.relayReceived(),
              r.relayDropped(),
              r.outboxed());
        }
        out.printf(
            Locale.ROOT,
            "; %,d replies arrived (%,d errors, %,d failed sends)%n",
            t.received(),
            t.errors(),
            t.sendFailures());
      }
    }
    out.printf("%ntargets (issue \"serve\"):%n");
    for (Targets.Check check : Targets.check(results, model, options.rate())) {
      out.printf(
          "  %-4s %-46s %s%n", check.met() ? "met" : "MISS", check.target(), check.measured());
    }
    out.flush();
  }

  void writeJson(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream stream = Files.newOutputStream(file);
        JsonGenerator json = new JsonFactory().createGenerator(stream)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("benchmark", "edgeinfer serve over MQTT");
      json.writeStringField("finished", finished.toString());
      writeEnvironment(json);
      writeSettings(json);
      json.writeArrayFieldStart("results");
      for (RelayResult r : results) {
        writeResult(json, r);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("throughput_ratio_to_echo");
      for (int qos = 0; qos <= 1; qos++) {
        Optional<Double> ratio = Targets.ratio(results, model, qos);
        if (ratio.isPresent()) {
          json.writeStartObject();
          json.writeStringField("relay", model);
          json.writeNumberField("qos", qos);
          number(json, "ratio", ratio.get());
          json.writeEndObject();
        }
      }
      json.writeEndArray();
      json.writeArrayFieldStart("targets");
      for (Targets.Check check : Targets.check(results, model, options.rate())) {
        json.writeStartObject();
        json.writeStringField("target", check.target());
        json.writeStringField("measured", check.measured());
        json.writeBooleanField("met", check.met());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private void writeEnvironment(JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("environment");
    json.writeStringField("jvm", environment.jvm());
    json.writeStringField("os", environment.os());
    json.writeStringField("cpu", environment.cpu());
    json.writeNumberField("cores", environment.cores());
    json.writeStringField("broker", environment.broker());
    json.writeStringField("broker_uri", environment.brokerUri());
    json.writeStringField(
        "machine",
        "one machine: load generator, broker and relay share " + environment.cores() + " cores");
    number(json, "background_cpu_before", environment.backgroundCpu());
    number(json, "load_average_before", environment.loadAverage());
    number(json, "load_average_after", CpuUsage.loadAverage());
    json.writeEndObject();
  }

  private void writeSettings(JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("settings");
    json.writeStringField("model", options.model().toString());
    json.writeNumberField("throughput_messages", options.messages());
    json.writeNumberField("throughput_outstanding", options.outstanding());
    json.writeNumberField("latency_rate", options.rate());
    json.writeNumberField("latency_seconds", options.seconds());
    json.writeNumberField("warmup_round_messages", options.warmup());
    json.writeNumberField("threads", Relay.THREADS);
    json.writeNumberField("max_batch", Relay.MAX_BATCH);
    json.writeNumberField("max_wait_ms", options.maxWaitMs());
    json.writeNumberField("queue_capacity", Relay.QUEUE_CAPACITY);
    json.writeNumberField("load_window", loadWindow);
    json.writeNumberField("request_bytes", requestBytes);
    json.writeEndObject();
  }

  private static void writeResult(JsonGenerator json, RelayResult r) throws IOException {
    ThroughputRun.Result t = r.throughput();
    LatencyRun.Result l = r.latency();
    json.writeStartObject();
    json.writeStringField("relay", r.relay());
    json.writeNumberField("qos", r.qos());
    json.writeNumberField("warmup_messages", r.warmupMessages());
    json.writeNumberField("messages", t.sent());
    json.writeNumberField("received", t.received());
    json.writeNumberField("lost", t.lost());
    json.writeNumberField("duplicates", t.duplicates());
    json.writeNumberField("errors", t.errors());
    json.writeNumberField("send_failures", t.sendFailures());
    number(json, "seconds", t.seconds());
    number(json, "throughput_msg_per_s", t.perSecond());
    number(json, "throughput_mean_batch", r.throughputBatch());
    number(json, "throughput_machine_cpu", t.machineCpu());
    number(json, "throughput_jvm_cpu", t.jvmCpu());
    json.writeObjectFieldStart("throughput_cpu_us_per_reply");
    for (Map.Entry<String, Double> role : t.cpuMicrosPerReply().entrySet()) {
      number(json, role.getKey(), role.getValue());
    }
    json.writeEndObject();
    json.writeNumberField("latency_messages", l.sent());
    json.writeNumberField("latency_received", l.received());
    json.writeNumberField("latency_lost", l.lost());
    json.writeNumberField("latency_errors", l.errors());
    number(json, "latency_rate_achieved", l.achievedRate());
    number(json, "latency_max_send_lag_ms", l.maxLagMs());
    number(json, "p50_ms", l.latency().p50());
    number(json, "p90_ms", l.latency().p90());
    number(json, "p99_ms", l.latency().p99());
    number(json, "max_ms", l.latency().max());
    number(json, "mean_ms", l.latency().mean());
    number(json, "latency_mean_batch", r.latencyBatch());
    number(json, "in_relay_p50_ms", l.insideRelay().p50());
    number(json, "in_relay_p99_ms", l.insideRelay().p99());
    if (r.relayReceived() >= 0) {
      json.writeNumberField("relay_received", r.relayReceived());
    }
    json.writeNumberField("relay_dropped", r.relayDropped());
    json.writeNumberField("relay_outboxed", r.outboxed());
    json.writeEndObject();
  }

  /** "total 98.1 = relay: Paho 31.0 + ..." with the largest first; roles under 0.5 µs left out. */
  static String describe(Map<String, Double> micros) {
    if (micros.isEmpty()) {
      return "-";
    }
    double total = micros.values().stream().mapToDouble(Double::doubleValue).sum();
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "total %.1f =", total));
    String separator = " ";
    for (Map.Entry<String, Double> role :
        micros.entrySet().stream()
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .filter(e -> e.getValue() >= 0.5)
            .toList()) {
      text.append(separator)
          .append(role.getKey())
          .append(String.format(Locale.ROOT, " %.1f", role.getValue()));
      separator = " + ";
    }
    return text.toString();
  }

  /** For the table: grouped thousands, {@code places} decimals, "-" when not measured. */
  private static String decimals(double value, int places) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,." + places + "f", value);
  }

  /** A number rounded for reading, or null when it could not be measured. */
  private static void number(JsonGenerator json, String name, double value) throws IOException {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, Math.round(value * 1000) / 1000.0);
    }
  }
}
