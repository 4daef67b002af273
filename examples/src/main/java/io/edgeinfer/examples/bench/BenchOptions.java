package io.edgeinfer.examples.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark's command line.
 *
 * @param model the SavedModel served as the {@code seed-mlp} relay
 * @param broker the broker both the relays and the load clients use
 * @param messages requests per throughput run
 * @param outstanding the most requests sent and not yet answered in a throughput run
 * @param clients the throughput runs' load client and collector: {@code mosquitto} (mosquitto_pub
 *     and mosquitto_sub, when on the PATH) or {@code paho} (in this JVM)
 * @param maxWaitMs the relays' max wait for a batch to fill, as serve's --max-wait-ms
 * @param qosLevels the QoS levels measured, in order
 * @param rate requests per second in the latency run
 * @param seconds how long the latency run lasts
 * @param warmup untimed requests per warm-up round (rounds go on until the JIT has settled)
 * @param json where to write the results as JSON, or null
 */
record BenchOptions(
    Path model,
    String broker,
    int messages,
    int outstanding,
    String clients,
    List<Integer> qosLevels,
    long maxWaitMs,
    int rate,
    int seconds,
    int warmup,
    Path json) {

  static final String USAGE =
      "usage: ServeBenchmark --model DIR [--broker tcp://127.0.0.1:1883] [--messages 50000]"
          + " [--outstanding 500] [--clients mosquitto|paho] [--qos 0,1] [--max-wait-ms 2] [--rate 1000] [--seconds 10] [--warmup 25000] [--json FILE]";

  /**
   * @throws IllegalArgumentException saying what was expected and what was found
   */
  static BenchOptions parse(String[] args) {
    Path model = null;
    String broker = "tcp://127.0.0.1:1883";
    int messages = 50_000;
    int outstanding = 500;
    String clients = "mosquitto";
    List<Integer> qosLevels = List.of(0, 1);
    long maxWaitMs = 2;
    int rate = 1000;
    int seconds = 10;
    int warmup = 25_000;
    Path json = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("expected a value after " + option + ", found none");
      }
      String value = args[++i];
      switch (option) {
        case "--model" -> model = Path.of(value);
        case "--broker" -> broker = value;
        case "--messages" -> messages = number(option, value, 1);
        case "--outstanding" -> outstanding = number(option, value, 1);
        case "--clients" -> clients = oneOf(option, value, "mosquitto", "paho");
        case "--qos" ->
            qosLevels =
                List.of(oneOf(option, value, "0", "1", "0,1", "1,0").split(",")).stream()
                    .map(Integer::valueOf)
                    .toList();
        case "--max-wait-ms" -> maxWaitMs = number(option, value, 0);
        case "--rate" -> rate = number(option, value, 1);
        case "--seconds" -> seconds = number(option, value, 1);
        case "--warmup" -> warmup = number(option, value, 0);
        case "--json" -> json = Path.of(value);
        default ->
            throw new IllegalArgumentException(
                "expected --model, --broker, --messages, --outstanding, --clients, --qos,"
                    + " --max-wait-ms, --rate,"
                    + " --seconds, --warmup or --json,"
                    + " found '"
                    + option
                    + "'");
      }
    }
    if (model == null) {
      throw new IllegalArgumentException("expected --model DIR (a SavedModel), found none");
    }
    return new BenchOptions(
        model,
        broker,
        messages,
        outstanding,
        clients,
        qosLevels,
        maxWaitMs,
        rate,
        seconds,
        warmup,
        json);
  }

  private static String oneOf(String option, String value, String... allowed) {
    if (List.of(allowed).contains(value)) {
      return value;
    }
    throw new IllegalArgumentException(
        "expected one of "
            + String.join(", ", allowed)
            + " after "
            + option
            + ", found '"
            + value
            + "'");
  }

  private static int number(String option, String value, int min) {
    try {
      int number = Integer.parseInt(value.replace("_", "").replace(",", ""));
      if (number >= min) {
        return number;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new IllegalArgumentException(
        "expected a whole number >= " + min + " after " + option + ", found '" + value + "'");
  }
}
