package io.edgeinfer.examples.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Requests sent on a schedule that ignores the replies (an open loop), as devices send them: all at
 * once (a burst), or at a fixed rate for a while. Unlike {@link ThroughputRun}, nothing holds the
 * load back while the service falls behind, so the broker's queues and the service's backpressure
 * are what is measured. A request whose reply has not come once replies stop for {@value
 * ThroughputRun#QUIET_MS} ms is lost.
 */
final class OpenLoopRun {
  private OpenLoopRun() {}

  /**
   * What one run saw: {@code drainSeconds} from the first send to the last reply; {@code
   * sendSeconds} from the first send to the last handed to the load client.
   */
  record Result(
      String route,
      int qos,
      double offeredPerSecond,
      int sent,
      int received,
      int lost,
      int errors,
      double sendSeconds,
      double drainSeconds) {
    double answeredPerSecond() {
      return received == 0 ? 0 : received / drainSeconds;
    }
  }

  /** {@code messages} requests handed to the load client at once. */
  static Result burst(Route route, int messages, RequestPayloads payloads, Clients clients)
      throws MqttException, IOException, InterruptedException {
    return run(route, messages, Double.POSITIVE_INFINITY, payloads, clients);
  }

  /**
   * {@code perSecond} requests a second for {@code seconds}: request i is due at start + i /
   * perSecond, and sent when due (or as soon after as the sender can).
   */
  static Result sustained(
      Route route, double perSecond, int seconds, RequestPayloads payloads, Clients clients)
      throws MqttException, IOException, InterruptedException {
    return run(route, (int) Math.round(perSecond * seconds), perSecond, payloads, clients);
  }

  private static Result run(
      Route route, int messages, double perSecond, RequestPayloads payloads, Clients clients)
      throws MqttException, IOException, InterruptedException {
    try (ReplyCollector replies =
            clients.collector(
                route.replyTopic(), route.errorTopic(), route.qos(), messages, () -> {});
        RequestSender load = clients.sender(route.requestTopic(), route.qos())) {
      byte[][] requests = new byte[messages][];
      for (int seq = 0; seq < messages; seq++) {
        requests[seq] = payloads.request(seq);
      }
      long first = System.nanoTime();
      for (int seq = 0; seq < messages; seq++) {
        if (perSecond != Double.POSITIVE_INFINITY) {
          long due = first + (long) (seq * 1e9 / perSecond);
          long early = due - System.nanoTime();
          if (early > 200_000) {
            load.flush(); // what was due so far goes out before the generator sleeps
            TimeUnit.NANOSECONDS.sleep(early);
          }
        }
        load.send(requests[seq]);
      }
      load.flush();
      long handedOver = System.nanoTime();
      replies.await(messages, ThroughputRun.QUIET_MS);
      load.awaitIdle(ThroughputRun.QUIET_MS);
      int received = replies.received();
      return new Result(
          route.name(),
          route.qos(),
          perSecond,
          messages,
          received,
          messages - received,
          replies.errors(),
          (handedOver - first) / 1e9,
          received == 0 ? Double.NaN : (replies.lastArrival() - first) / 1e9);
    }
  }
}
