package io.edgeinfer.examples.bench;

/**
 * Everything measured for one relay at one QoS.
 *
 * @param warmupMessages untimed requests sent before the runs, until the JIT had settled
 * @param throughputBatch mean messages per predict call during the throughput run (from the
 *     service's own counters)
 * @param latencyBatch the same during the latency run
 * @param relayReceived requests that reached the relay during the throughput run (the rest of those
 *     sent were lost between load client and relay, in the broker); -1 when there is no relay
 * @param relayDropped QoS 0 messages the relay dropped because its queue was full, throughput run
 * @param outboxed replies the relay could not publish at once and kept on disk, throughput run
 */
record RelayResult(
    String relay,
    int qos,
    int warmupMessages,
    ThroughputRun.Result throughput,
    LatencyRun.Result latency,
    double throughputBatch,
    double latencyBatch,
    long relayReceived,
    long relayDropped,
    long outboxed) {}
