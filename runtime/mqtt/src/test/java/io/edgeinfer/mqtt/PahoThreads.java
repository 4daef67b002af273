package io.edgeinfer.mqtt;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;

/** What a test can see of Paho's threads for one client, by their names. */
final class PahoThreads {
  private PahoThreads() {}

  /**
   * Why Paho's callback thread of {@code clientId} is waiting (not running) with edgeinfer's code
   * on its stack — its state and stack — or null when it is not. A consistent snapshot of both.
   *
   * @throws AssertionError when the client has no callback thread
   */
  static String callbackWaitingInEdgeinfer(String clientId) {
    ThreadInfo info = find("MQTT Call: " + clientId);
    if (info.getThreadState() == Thread.State.RUNNABLE) {
      return null;
    }
    boolean ours =
        Arrays.stream(info.getStackTrace())
            .anyMatch(f -> f.getClassName().startsWith("io.edgeinfer"));
    return ours ? info.getThreadState() + "\n" + stack(info) : null;
  }

  /** Whether Paho's receiving thread of {@code clientId} waits in a method of {@code className}. */
  static boolean receiverWaitsIn(String clientId, String className) {
    ThreadInfo info = find("MQTT Rec: " + clientId);
    return Arrays.stream(info.getStackTrace())
        .anyMatch(f -> f.getClassName().equals("io.edgeinfer.mqtt." + className));
  }

  /** The receiving thread's stack, for a failure message. */
  static String receiverStack(String clientId) {
    return stack(find("MQTT Rec: " + clientId));
  }

  private static ThreadInfo find(String name) {
    for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
      if (info.getThreadName().equals(name)) {
        return info;
      }
    }
    throw new AssertionError("no thread named " + name);
  }

  private static String stack(ThreadInfo info) {
    return String.join("\n", Arrays.stream(info.getStackTrace()).map(String::valueOf).toList());
  }
}
