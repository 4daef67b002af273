package io.edgeinfer.mqtt;

/**
 * How the pipeline batches and replies.
 *
 * @param threads worker threads; messages of one input topic always go to the same worker, so their
 *     replies keep their order
 * @param maxBatch the most messages predicted in one call
 * @param maxWaitMillis how long a batch of messages that arrived together may wait for more; a
 *     message that arrived alone never waits
 * @param queueCapacity messages each worker may hold waiting; beyond that QoS 0 messages are
 *     dropped (and counted) while QoS 1 and 2 are held back by the broker (MQTT v5 receive maximum)
 * @param maxPayloadBytes larger payloads are refused with an error reply
 * @param allowNonFinite whether NaN and infinities may reach the model
 */
public record PipelineSettings(
    int threads,
    int maxBatch,
    long maxWaitMillis,
    int queueCapacity,
    int maxPayloadBytes,
    boolean allowNonFinite,
    TopicTemplate outputTopic,
    TopicTemplate errorTopic,
    int qos,
    PayloadFormats formats) {

  public PipelineSettings {
    require(threads >= 1, "threads >= 1", threads);
    require(maxBatch >= 1, "a max batch >= 1", maxBatch);
    require(maxWaitMillis >= 0, "a max wait >= 0 ms", maxWaitMillis);
    require(queueCapacity >= 1, "a queue capacity >= 1", queueCapacity);
    require(maxPayloadBytes >= 1, "a max payload >= 1 byte", maxPayloadBytes);
    require(qos >= 0 && qos <= 2, "a QoS of 0, 1 or 2", qos);
  }

  private static void require(boolean ok, String expected, long found) {
    if (!ok) {
      throw new IllegalArgumentException("expected " + expected + ", found " + found);
    }
  }
}
