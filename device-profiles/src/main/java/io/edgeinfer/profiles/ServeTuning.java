package io.edgeinfer.profiles;

/**
 * The settings of {@code serve} a device profile tunes, and the one rule that picks each: what the
 * operator set (a flag, or a key of a config file) wins over the profile, which wins over the
 * built-in default. Commands ask {@link #resolve} and hold no precedence of their own.
 *
 * @param threads pipeline workers
 * @param maxBatch the most requests joined into one model call
 * @param maxWaitMs how long requests that arrived together may wait for more
 * @param qos the QoS of subscriptions and replies
 * @param outboxMaxMessages replies kept on disk while the broker is away
 * @param outboxMaxMb the outbox's size limit
 */
public record ServeTuning(
    int threads, int maxBatch, long maxWaitMs, int qos, int outboxMaxMessages, int outboxMaxMb) {
  // Constants, so that help texts can name them.
  public static final int DEFAULT_THREADS = 1;
  public static final int DEFAULT_MAX_BATCH = 32;
  public static final long DEFAULT_MAX_WAIT_MS = 2;
  public static final int DEFAULT_QOS = 1;
  public static final int DEFAULT_OUTBOX_MAX_MESSAGES = 100_000;
  public static final int DEFAULT_OUTBOX_MAX_MB = 256;

  /** Without a profile and without anything set. */
  public static final ServeTuning BUILT_IN =
      new ServeTuning(
          DEFAULT_THREADS,
          DEFAULT_MAX_BATCH,
          DEFAULT_MAX_WAIT_MS,
          DEFAULT_QOS,
          DEFAULT_OUTBOX_MAX_MESSAGES,
          DEFAULT_OUTBOX_MAX_MB);

  public ServeTuning {
    require(threads >= 1, "threads", "a whole number >= 1", threads);
    require(maxBatch >= 1, "max-batch", "a whole number >= 1", maxBatch);
    require(maxWaitMs >= 0, "max-wait-ms", "a whole number >= 0", maxWaitMs);
    require(qos >= 0 && qos <= 2, "qos", "0, 1 or 2", qos);
    require(
        outboxMaxMessages >= 1, "outbox-max-messages", "a whole number >= 1", outboxMaxMessages);
    require(outboxMaxMb >= 1, "outbox-max-mb", "a whole number >= 1", outboxMaxMb);
  }

  /** What {@code profile} sets. */
  public static ServeTuning of(DeviceProfile profile) {
    return new ServeTuning(
        profile.threads(),
        profile.batching().maxBatch(),
        profile.batching().maxWaitMs(),
        profile.mqtt().qos(),
        profile.mqtt().outboxMaxMessages(),
        profile.mqtt().outboxMaxMb());
  }

  /**
   * Each setting from {@code set} where the operator set it, else from {@code profile} (null for
   * none), else built in.
   */
  public static ServeTuning resolve(Explicit set, DeviceProfile profile) {
    ServeTuning base = profile == null ? BUILT_IN : of(profile);
    return new ServeTuning(
        set.threads() != null ? set.threads() : base.threads(),
        set.maxBatch() != null ? set.maxBatch() : base.maxBatch(),
        set.maxWaitMs() != null ? set.maxWaitMs() : base.maxWaitMs(),
        set.qos() != null ? set.qos() : base.qos(),
        set.outboxMaxMessages() != null ? set.outboxMaxMessages() : base.outboxMaxMessages(),
        set.outboxMaxMb() != null ? set.outboxMaxMb() : base.outboxMaxMb());
  }

  /** What the operator set; null where nothing was. */
  public record Explicit(
      Integer threads,
      Integer maxBatch,
      Long maxWaitMs,
      Integer qos,
      Integer outboxMaxMessages,
      Integer outboxMaxMb) {
    public static final Explicit NOTHING = new Explicit(null, null, null, null, null, null);
  }

  private static void require(boolean ok, String option, String expected, long found) {
    if (!ok) {
      throw new IllegalArgumentException(
          "--" + option + ": expected " + expected + ", found " + found);
    }
  }
}
