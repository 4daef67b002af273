package io.edgeinfer.mqtt;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * Counters and a latency reservoir for status messages and Prometheus. Latency percentiles come
 * from the last {@value #RESERVOIR} replies, which keeps memory fixed on a small board.
 */
public final class Metrics {
  private static final int RESERVOIR = 4096;

  final AtomicLong received = new AtomicLong();
  final AtomicLong predicted = new AtomicLong();
  final AtomicLong errors = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong batches = new AtomicLong();
  final AtomicLong outboxed = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong deadLettered = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong outboxFullWaits = new AtomicLong();
  private final long[] latenciesNanos = new long[RESERVOIR];
  private long latencyCount;
  private volatile IntSupplier queueDepth = () -> 0;
  private volatile IntSupplier outboxDepth = () -> 0;

  void recordLatency(long nanos) {
    synchronized (latenciesNanos) {
      latenciesNanos[(int) (latencyCount++ % RESERVOIR)] = nanos;
    }
  }

  void queueDepth(IntSupplier supplier) {
    this.queueDepth = supplier;
  }

  void outboxDepth(IntSupplier supplier) {
    this.outboxDepth = supplier;
  }

  /** A consistent copy of everything, for reporting. */
  public Snapshot snapshot() {
    long[] copy;
    synchronized (latenciesNanos) {
      copy = Arrays.copyOf(latenciesNanos, (int) Math.min(latencyCount, RESERVOIR));
    }
    Arrays.sort(copy);
    return new Snapshot(
        received.get(),
        predicted.get(),
        errors.get(),
        dropped.get(),
        batches.get(),
        outboxed.get(),
        refused.get(),
        deadLettered.get(),
        failures.get(),
        outboxFullWaits.get(),
        queueDepth.getAsInt(),
        outboxDepth.getAsInt(),
        percentileMs(copy, 0.50),
        percentileMs(copy, 0.99));
  }

  private static double percentileMs(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  /**
   * The numbers at one moment; latencies in milliseconds.
   *
   * @param received messages taken into the queues
   * @param dropped QoS 0 messages dropped because their queue was full
   * @param refused QoS 1/2 messages given back to the broker unacknowledged (the service was
   *     stopping, or its queue stayed full): the broker sends them again
   * @param deadLettered replies the broker refused, written to the dead-letter folder
   * @param failures unexpected faults while handling a message (each answered with an error)
   * @param outboxFullWaits times a reply had to wait for room in a full outbox
   */
  public record Snapshot(
      long received,
      long predicted,
      long errors,
      long dropped,
      long batches,
      long outboxed,
      long refused,
      long deadLettered,
      long failures,
      long outboxFullWaits,
      int queueDepth,
      int outboxDepth,
      double latencyP50Ms,
      double latencyP99Ms) {}
}
