package io.edgeinfer.examples.bench;

import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Sends N requests as fast as the load client's window allows and counts the replies: throughput is
 * replies received / (arrival of the last reply - the first send). A separate client collects the
 * replies; one that has not arrived once replies stop coming for {@value #QUIET_MS} ms is lost.
 */
final class ThroughputRun {
  static final long QUIET_MS = 5000;

  private ThroughputRun() {}

  /**
   * What one throughput run saw; {@code window} is how many publishes were let out at once; {@code
   * machineCpu} and {@code jvmCpu} are the CPU used during it, as fractions of all cores, by
   * everything and by this JVM.
   */
  record Result(
      int window,
      int sent,
      int received,
      int lost,
      int duplicates,
      int errors,
      long sendFailures,
      double seconds,
      double perSecond,
      double machineCpu,
      double jvmCpu) {}

  static Result run(Route route, int messages, RequestPayloads payloads, String uri)
      throws MqttException, InterruptedException {
    try (ReplyCollector replies =
            ReplyCollector.start(
                uri, route.replyTopic(), route.errorTopic(), route.qos(), messages);
        LoadClient load = LoadClient.connect(uri)) {
      String topic = route.requestTopic();
      // Made before the clock starts: the generator shares the CPUs with broker and relay.
      byte[][] requests = new byte[messages][];
      for (int seq = 0; seq < messages; seq++) {
        requests[seq] = payloads.request(seq);
      }
      CpuUsage cpuBefore = CpuUsage.now();
      long firstSend = System.nanoTime();
      for (int seq = 0; seq < messages; seq++) {
        load.publish(topic, requests[seq], route.qos());
      }
      load.awaitIdle(QUIET_MS);
      replies.await(QUIET_MS);
      CpuUsage cpuAfter = CpuUsage.now();
      if (load.failures() > 0) {
        System.err.printf(
            "bench: %s QoS %d: %d publishes failed, last: %s%n",
            route.name(), route.qos(), load.failures(), load.lastFailure());
      }
      if (replies.errors() > 0) {
        System.err.printf(
            "bench: %s QoS %d: %d error replies, first: %s%n",
            route.name(), route.qos(), replies.errors(), replies.firstError());
      }
      int received = replies.received();
      double seconds = received == 0 ? Double.NaN : (replies.lastArrival() - firstSend) / 1e9;
      return new Result(
          load.window(),
          messages,
          received,
          messages - received,
          replies.duplicates(),
          replies.errors(),
          load.failures(),
          seconds,
          received == 0 ? 0 : received / seconds,
          cpuAfter.machineBusySince(cpuBefore),
          cpuAfter.processShareSince(cpuBefore));
    }
  }
}
