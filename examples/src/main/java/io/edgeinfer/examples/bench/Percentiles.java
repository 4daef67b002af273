package io.edgeinfer.examples.bench;

import java.util.Arrays;

/**
 * Latency percentiles over every measured request (no sampling), by the nearest-rank method: p99 is
 * the smallest latency that at least 99% of requests did not exceed. In milliseconds; NaN when
 * nothing was measured.
 */
record Percentiles(int count, double p50, double p90, double p99, double max, double mean) {

  static Percentiles ofNanos(long[] latencies, int count) {
    if (count == 0) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    long[] sorted = Arrays.copyOf(latencies, count);
    Arrays.sort(sorted);
    double sum = 0;
    for (long latency : sorted) {
      sum += latency;
    }
    return new Percentiles(
        count,
        rank(sorted, 0.50),
        rank(sorted, 0.90),
        rank(sorted, 0.99),
        sorted[count - 1] / 1e6,
        sum / count / 1e6);
  }

  private static double rank(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
