package io.edgeinfer.examples.bench;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Sends N requests as fast as the system answers them, with at most {@code outstanding} requests
 * sent but not yet answered (a closed loop: the load follows the service's pace instead of
 * overrunning the broker's queues, which drop QoS 0 messages and, past {@code max_queued_messages},
 * QoS 1 ones too). Throughput is replies received / (arrival of the last reply - the first send). A
 * separate client collects the replies; one that has not arrived once replies stop coming for
 * {@value #QUIET_MS} ms is lost, and the run stops sending.
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
      int outstanding,
      int sent,
      int received,
      int lost,
      int duplicates,
      int errors,
      long sendFailures,
      double seconds,
      double perSecond,
      double machineCpu,
      double jvmCpu,
      Map<String, Double> cpuMicrosPerReply) {}

  /** One run, with a load client and a collector from {@code clients}. */
  static Result run(
      Route route, int messages, int outstanding, RequestPayloads payloads, Clients clients)
      throws MqttException, IOException, InterruptedException {
    Semaphore unanswered = new Semaphore(outstanding);
    try (ReplyCollector replies =
            clients.collector(
                route.replyTopic(),
                route.errorTopic(),
                route.qos(),
                messages,
                unanswered::release);
        RequestSender load = clients.sender(route.requestTopic(), route.qos())) {
      // Made before the clock starts: the generator shares the CPUs with broker and relay.
      byte[][] requests = new byte[messages][];
      for (int seq = 0; seq < messages; seq++) {
        requests[seq] = payloads.request(seq);
      }
      CpuUsage cpuBefore = CpuUsage.now();
      Map<String, Long> rolesBefore = roles(load, replies);
      long firstSend = System.nanoTime();
      int sent = 0;
      while (sent < messages) {
        if (!unanswered.tryAcquire()) {
          load.flush();
          if (!unanswered.tryAcquire(QUIET_MS, TimeUnit.MILLISECONDS)) {
            break;
          }
        }
        load.send(requests[sent++]);
      }
      load.flush();
      replies.await(sent, QUIET_MS);
      CpuUsage cpuAfter = CpuUsage.now();
      Map<String, Long> rolesAfter = roles(load, replies);
      load.awaitIdle(QUIET_MS);
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
          outstanding,
          sent,
          received,
          sent - received,
          replies.duplicates(),
          replies.errors(),
          load.failures(),
          seconds,
          received == 0 ? 0 : received / seconds,
          cpuAfter.machineBusySince(cpuBefore),
          cpuAfter.processShareSince(cpuBefore),
          CpuByRole.microsPerReply(rolesBefore, rolesAfter, received));
    }
  }

  /** This JVM's threads by role, plus the client processes when they run outside it. */
  private static Map<String, Long> roles(RequestSender load, ReplyCollector replies) {
    Map<String, Long> roles = CpuByRole.now();
    load.processCpuNanos().ifPresent(nanos -> roles.merge(CpuByRole.LOAD, nanos, Long::sum));
    replies
        .processCpuNanos()
        .ifPresent(nanos -> roles.merge(CpuByRole.COLLECTOR, nanos, Long::sum));
    return roles;
  }
}
