package io.edgeinfer.profiles;

/**
 * How {@code serve} groups requests into one model call.
 *
 * @param maxBatch the most requests joined into one call
 * @param maxWaitMs how long the first request of a batch waits for others
 */
public record Batching(int maxBatch, long maxWaitMs) {
  public Batching {
    if (maxBatch < 1) {
      throw new IllegalArgumentException(
          "field 'batching.max-batch': expected a whole number >= 1, found " + maxBatch);
    }
    if (maxWaitMs < 0) {
      throw new IllegalArgumentException(
          "field 'batching.max-wait-ms': expected a whole number >= 0, found " + maxWaitMs);
    }
  }
}
