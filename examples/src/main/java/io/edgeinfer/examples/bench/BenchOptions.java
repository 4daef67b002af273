package io.edgeinfer.examples.bench;

import java.nio.file.Path;

/**
 * The benchmark's command line.
 *
 * @param model the SavedModel served as the {@code seed-mlp} relay
 * @param broker the broker both the relays and the load clients use
 * @param messages requests per throughput run
 * @param rate requests per second in the latency run
 * @param seconds how long the latency run lasts
 * @param warmup untimed requests through each relay before it is measured
 * @param json where to write the results as JSON, or null
 */
record BenchOptions(
    Path model, String broker, int messages, int rate, int seconds, int warmup, Path json) {

  static final String USAGE =
      "usage: ServeBenchmark --model DIR [--broker tcp://127.0.0.1:1883] [--messages 50000]"
          + " [--rate 1000] [--seconds 10] [--warmup 50000] [--json FILE]";

  /**
   * @throws IllegalArgumentException saying what was expected and what was found
   */
  static BenchOptions parse(String[] args) {
    Path model = null;
    String broker = "tcp://127.0.0.1:1883";
    int messages = 50_000;
    int rate = 1000;
    int seconds = 10;
    int warmup = 50_000;
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
        case "--rate" -> rate = number(option, value, 1);
        case "--seconds" -> seconds = number(option, value, 1);
        case "--warmup" -> warmup = number(option, value, 0);
        case "--json" -> json = Path.of(value);
        default ->
            throw new IllegalArgumentException(
                "expected --model, --broker, --messages, --rate, --seconds, --warmup or --json,"
                    + " found '"
                    + option
                    + "'");
      }
    }
    if (model == null) {
      throw new IllegalArgumentException("expected --model DIR (a SavedModel), found none");
    }
    return new BenchOptions(model, broker, messages, rate, seconds, warmup, json);
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
