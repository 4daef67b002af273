package io.edgeinfer.examples.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The machine a result came from: JVM, CPU, cores, the broker's own version (Mosquitto publishes
 * it, retained, on {@code $SYS/broker/version}), and how busy the machine already was before the
 * benchmark started (CPU busy over one second, and the load average): other processes share the
 * same cores.
 *
 * @param backgroundCpu the machine's busy fraction of all cores over one second before any run
 */
record Environment(
    String jvm,
    String os,
    String cpu,
    int cores,
    String broker,
    String brokerUri,
    double backgroundCpu,
    double loadAverage) {

  static Environment detect(String brokerUri) throws InterruptedException {
    CpuUsage before = CpuUsage.now();
    Thread.sleep(1000);
    double background = CpuUsage.now().machineBusySince(before);
    return new Environment(
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
            + biasedLocking(),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        brokerVersion(brokerUri),
        brokerUri,
        background,
        CpuUsage.loadAverage());
  }

  /**
   * Whether biased locking is on, where the JVM still has it (15-17): serve's launcher turns it on
   * there, and Paho's receiving thread takes half the CPU with it; run the benchmark with {@code
   * MAVEN_OPTS=-XX:+UseBiasedLocking} to measure what serve does.
   */
  private static String biasedLocking() {
    try {
      String value =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
              .getVMOption("UseBiasedLocking")
              .getValue();
      return value.equals("true")
          ? ", biased locking on (as serve's launcher sets it)"
          : ", biased locking OFF (serve's launcher turns it on: set"
              + " MAVEN_OPTS=-XX:+UseBiasedLocking)";
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      // Not Linux; the JVM's view is all there is.
    }
    return "unknown";
  }

  private static String brokerVersion(String uri) {
    CompletableFuture<String> version = new CompletableFuture<>();
    MqttAsyncClient client = null;
    try {
      client =
          BenchClients.connect(
                  uri,
                  "sys",
                  (topic, message) ->
                      version.complete(new String(message.getPayload(), StandardCharsets.UTF_8)))
              .client();
      client.subscribe(
          new MqttSubscription[] {new MqttSubscription("$SYS/broker/version", 0)},
          null,
          null,
          new MqttProperties());
      return version.get(2, TimeUnit.SECONDS);
    } catch (MqttException | ExecutionException | TimeoutException e) {
      return "unknown (no $SYS/broker/version)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    } finally {
      if (client != null) {
        BenchClients.closeQuietly(client);
      }
    }
  }
}
