package io.edgeinfer.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The targets of the issue "serve", checked against what was measured. They are only compared here;
 * nothing in the benchmark is set to reach them.
 */
final class Targets {
  static final double MIN_QOS0_PER_SECOND = 20_000;
  static final double MAX_P99_MS = 5;
  static final double MIN_RATIO_TO_ECHO = 0.80;

  private Targets() {}

  /** One target: what was measured and whether it was met. */
  record Check(String target, String measured, boolean met) {}

  /** The model relay's throughput over the echo relay's at {@code qos}, if both ran. */
  static Optional<Double> ratio(List<RelayResult> results, String model, int qos) {
    Optional<RelayResult> echo = find(results, ServeBenchmark.ECHO, qos);
    Optional<RelayResult> real = find(results, model, qos);
    if (echo.isEmpty() || real.isEmpty() || echo.get().throughput().perSecond() == 0) {
      return Optional.empty();
    }
    return Optional.of(real.get().throughput().perSecond() / echo.get().throughput().perSecond());
  }

  static List<Check> check(List<RelayResult> results, String model, int rate) {
    List<Check> checks = new ArrayList<>();
    find(results, model, 0)
        .ifPresent(
            r -> {
              double perSecond = r.throughput().perSecond();
              checks.add(
                  new Check(
                      ">= 20,000 predictions/s at QoS 0 with batching",
                      String.format(Locale.ROOT, "%s QoS 0: %,.0f/s", model, perSecond)
                          + versus(perSecond, MIN_QOS0_PER_SECOND, true),
                      perSecond >= MIN_QOS0_PER_SECOND));
            });
    for (int qos = 0; qos <= 1; qos++) {
      int q = qos;
      find(results, model, qos)
          .ifPresent(
              r -> {
                double p99 = r.latency().latency().p99();
                checks.add(
                    new Check(
                        String.format(Locale.ROOT, "p99 <= 5 ms at %,d msg/s (QoS %d)", rate, q),
                        String.format(Locale.ROOT, "%s QoS %d: p99 %.2f ms", model, q, p99)
                            + versus(p99, MAX_P99_MS, false),
                        p99 <= MAX_P99_MS));
              });
      ratio(results, model, qos)
          .ifPresent(
              ratio ->
                  checks.add(
                      new Check(
                          String.format(Locale.ROOT, "throughput >= 80%% of echo (QoS %d)", q),
                          String.format(
                                  Locale.ROOT, "%s/echo QoS %d: %.0f%%", model, q, 100 * ratio)
                              + versus(ratio, MIN_RATIO_TO_ECHO, true),
                          ratio >= MIN_RATIO_TO_ECHO)));
    }
    return checks;
  }

  /** " (missed by 12%)" when a measurement is on the wrong side of its target, else "". */
  private static String versus(double measured, double target, boolean higherIsBetter) {
    boolean met = higherIsBetter ? measured >= target : measured <= target;
    if (met || Double.isNaN(measured)) {
      return "";
    }
    return String.format(
        Locale.ROOT, " (missed by %.0f%%)", 100 * Math.abs(measured - target) / target);
  }

  private static Optional<RelayResult> find(List<RelayResult> results, String relay, int qos) {
    return results.stream().filter(r -> r.relay().equals(relay) && r.qos() == qos).findFirst();
  }
}
