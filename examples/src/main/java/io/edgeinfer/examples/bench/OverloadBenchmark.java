package io.edgeinfer.examples.bench;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelCard;
import io.edgeinfer.core.Signature;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What {@code serve} does with more than it can take, through a real broker: an open-loop burst of
 * QoS 1 requests (time to drain, and its ratio to the echo relay's and to the broker's alone), then
 * rising sustained rates until one loses a request or falls behind. See
 * examples/serve-benchmark/README.md ("Overload").
 *
 * <p>Arguments: {@code --model DIR|FILE [--broker URL] [--burst N] [--rates R,R,...] [--seconds S]
 * [--qos 0|1]}.
 */
public final class OverloadBenchmark {
  /**
   * A sustained rate counts as kept up with when its last reply came this soon after the last send.
   */
  static final double KEPT_UP_SECONDS = 2.0;

  private OverloadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path model = null;
    String broker = "tcp://127.0.0.1:1883";
    int burst = 20_000;
    int seconds = 5;
    int qos = 1;
    List<Integer> rates = List.of(1_000, 2_000, 4_000, 6_000, 8_000, 10_000, 12_000, 14_000);
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--model" -> model = Path.of(args[i + 1]);
        case "--broker" -> broker = args[i + 1];
        case "--burst" -> burst = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--qos" -> qos = Integer.parseInt(args[i + 1]);
        case "--rates" ->
            rates = List.of(args[i + 1].split(",")).stream().map(Integer::parseInt).toList();
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (model == null) {
      throw new IllegalArgumentException("expected --model DIR|FILE, found none");
    }
    run(model, broker, burst, rates, seconds, qos, System.out);
  }

  static void run(
      Path modelPath,
      String broker,
      int burst,
      List<Integer> rates,
      int seconds,
      int qos,
      PrintStream out)
      throws Exception {
    Optional<MosquittoClients> foreign = MosquittoClients.forBroker(broker);
    Clients clients = foreign.isPresent() ? foreign.get() : new Clients.Paho(broker);
    RequestPayloads payloads;
    try (Model model = Engines.load(modelPath, LoadOptions.DEFAULTS)) {
      Signature signature = model.defaultSignature();
      payloads = new RequestPayloads(signature.inputs().get(0).shape().dim(1));
      List<String> labels =
          ModelCard.read(model.path()).map(ModelCard::classLabels).orElse(List.of());
      EchoModel echo = new EchoModel(signature);
      out.printf(
          Locale.ROOT,
          "overload: %s (%s), broker %s, QoS %d, clients %s, relay queue %,d%n",
          modelPath,
          model.engine(),
          broker,
          qos,
          foreign.isPresent() ? "mosquitto_pub/mosquitto_sub" : "Paho",
          Relay.QUEUE_CAPACITY);
      String direct = "bench/" + UUID.randomUUID() + "/direct/";
      OpenLoopRun.Result alone =
          OpenLoopRun.burst(Route.brokerOnly(direct + "burst", qos), burst, payloads, clients);
      print(out, "burst", alone);
      OpenLoopRun.Result echoBurst =
          burstThrough(
              "echo",
              echo,
              echo.signature(),
              List.of(),
              broker,
              qos,
              burst,
              payloads,
              clients,
              out);
      OpenLoopRun.Result modelBurst =
          burstThrough(
              "model", model, signature, labels, broker, qos, burst, payloads, clients, out);
      out.printf(
          Locale.ROOT,
          "burst of %,d: model drained in %.2f s, %.2fx the echo relay's %.2f s, %.2fx the broker"
              + " alone's %.2f s%n",
          burst,
          modelBurst.drainSeconds(),
          modelBurst.drainSeconds() / echoBurst.drainSeconds(),
          echoBurst.drainSeconds(),
          modelBurst.drainSeconds() / alone.drainSeconds(),
          alone.drainSeconds());
      List<OpenLoopRun.Result> sustained = new ArrayList<>();
      double keptUpTo = 0;
      double lossFreeTo = 0;
      boolean keptUp = true;
      try (Relay relay = Relay.start("model", model, signature, labels, broker, qos, 2)) {
        for (int rate : rates) {
          OpenLoopRun.Result r =
              OpenLoopRun.sustained(relay.route("rate" + rate), rate, seconds, payloads, clients);
          sustained.add(r);
          print(out, "sustained", r);
          if (r.lost() > 0) {
            break; // past here the broker or the service drops requests
          }
          lossFreeTo = rate;
          keptUp &= r.drainSeconds() <= r.sendSeconds() + KEPT_UP_SECONDS;
          if (keptUp) {
            keptUpTo = rate;
          }
        }
      }
      out.printf(
          Locale.ROOT,
          "highest sustained rate with nothing lost: %,.0f/s (of those tried); with every reply"
              + " within %.0f s of the last send too: %,.0f/s%n",
          lossFreeTo,
          KEPT_UP_SECONDS,
          keptUpTo);
    }
  }

  private static OpenLoopRun.Result burstThrough(
      String name,
      Model model,
      Signature signature,
      List<String> labels,
      String broker,
      int qos,
      int burst,
      RequestPayloads payloads,
      Clients clients,
      PrintStream out)
      throws Exception {
    try (Relay relay = Relay.start(name, model, signature, labels, broker, qos, 2)) {
      // A short closed-loop warm-up first, so that the burst does not also time the JIT.
      ThroughputRun.run(relay.route("warmup"), 20_000, 500, payloads, clients);
      OpenLoopRun.Result result = OpenLoopRun.burst(relay.route("burst"), burst, payloads, clients);
      print(out, "burst", result);
      return result;
    }
  }

  private static void print(PrintStream out, String what, OpenLoopRun.Result r) {
    out.printf(
        Locale.ROOT,
        "%-6s %-9s offered %s: %,d sent in %.2f s, %,d answered (%,d errors), %,d lost, last reply"
            + " at %.2f s, %,.0f answered/s%n",
        r.route(),
        what,
        Double.isInfinite(r.offeredPerSecond())
            ? "at once"
            : String.format(Locale.ROOT, "%,.0f/s", r.offeredPerSecond()),
        r.sent(),
        r.sendSeconds(),
        r.received(),
        r.errors(),
        r.lost(),
        r.drainSeconds(),
        r.answeredPerSecond());
    out.flush();
  }
}
