package io.edgeinfer.examples.bench;

import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Sends requests at a fixed rate for a fixed time and measures each one's latency: from the moment
 * it was due to be sent to the arrival of its reply at a separate subscriber. Send times are fixed
 * in advance (start + i / rate), so a late wake-up or a full publish window delays that request and
 * its latency shows it, instead of quietly pushing every later request back.
 */
final class LatencyRun {
  private LatencyRun() {}

  /**
   * What one latency run saw; {@code maxLagMs} is how late the generator ever was; {@code
   * insideRelay} is the time the relay itself reported in each reply (Paho's callback to the reply
   * encoded), empty when there is no relay.
   */
  record Result(
      int sent,
      int received,
      int lost,
      int errors,
      long sendFailures,
      double achievedRate,
      double maxLagMs,
      Percentiles latency,
      Percentiles insideRelay) {}

  static Result run(Route route, int rate, int seconds, RequestPayloads payloads, String uri)
      throws MqttException, InterruptedException {
    int messages = Math.multiplyExact(rate, seconds);
    try (ReplyCollector replies =
            ReplyCollector.subscribe(
                uri, route.replyTopic(), route.errorTopic(), route.qos(), messages, () -> {});
        LoadClient load = LoadClient.connect(uri, route.requestTopic(), route.qos())) {
      byte[][] requests = new byte[messages][];
      for (int seq = 0; seq < messages; seq++) {
        requests[seq] = payloads.request(seq);
      }
      long[] due = new long[messages];
      double interval = 1e9 / rate;
      long start = System.nanoTime() + 10_000_000L;
      long maxLag = 0;
      for (int seq = 0; seq < messages; seq++) {
        due[seq] = start + Math.round(seq * interval);
        long now;
        while ((now = System.nanoTime()) < due[seq]) {
          // Sleeping, not spinning: the generator shares the CPUs with the broker and the relay.
          LockSupport.parkNanos(due[seq] - now);
        }
        maxLag = Math.max(maxLag, now - due[seq]);
        load.send(requests[seq]);
      }
      long lastSend = System.nanoTime();
      load.awaitIdle(ThroughputRun.QUIET_MS);
      replies.await(messages, ThroughputRun.QUIET_MS);
      long[] latencies = new long[messages];
      long[] relayNanos = new long[messages];
      int received = 0;
      int reported = 0;
      for (int seq = 0; seq < messages; seq++) {
        long arrival = replies.arrival(seq);
        if (arrival != 0) {
          latencies[received++] = arrival - due[seq];
        }
        long relay = replies.relayMicros(seq);
        if (relay >= 0) {
          relayNanos[reported++] = relay * 1000;
        }
      }
      double achievedRate = (messages - 1) / ((lastSend - start) / 1e9);
      return new Result(
          messages,
          received,
          messages - received,
          replies.errors(),
          load.failures(),
          messages > 1 ? achievedRate : Double.NaN,
          maxLag / 1e6,
          Percentiles.ofNanos(latencies, received),
          Percentiles.ofNanos(relayNanos, reported));
    }
  }
}
