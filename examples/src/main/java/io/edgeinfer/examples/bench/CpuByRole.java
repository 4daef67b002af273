package io.edgeinfer.examples.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time so far of this JVM's threads, summed by the part they play in the benchmark (Paho names
 * its threads after the client id, which says whose they are), and of the broker's process when it
 * runs on this machine. The difference of two snapshots, divided by the replies in between, says
 * where a relayed message's CPU goes.
 */
final class CpuByRole {
  static final String LOAD = "load client";
  static final String COLLECTOR = "reply collector";
  static final String RELAY_MQTT = "relay: Paho";
  static final String RELAY_PIPELINE = "relay: pipeline";
  static final String RELAY_OTHER = "relay: other";
  static final String JIT = "JVM: JIT";
  static final String GC = "JVM: GC";
  static final String NATIVE = "native threads (TensorFlow's), other JVM threads";
  static final String OTHER = "other threads";
  static final String BROKER = "broker process";

  private CpuByRole() {}

  /** Nanoseconds of CPU by role; a role with no thread is absent. */
  static Map<String, Long> now() {
    Map<String, Long> nanos = new LinkedHashMap<>();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (threads.isThreadCpuTimeSupported()) {
      long[] ids = threads.getAllThreadIds();
      ThreadInfo[] infos = threads.getThreadInfo(ids);
      for (int i = 0; i < ids.length; i++) {
        long cpu = threads.getThreadCpuTime(ids[i]);
        if (infos[i] != null && cpu > 0) {
          nanos.merge(role(infos[i].getThreadName()), cpu, Long::sum);
        }
      }
      // The JVM's compiler and GC threads and TensorFlow's are not Java threads: /proc names
      // the first two; the rest is the process's CPU time less all of those.
      long javaThreads = nanos.values().stream().mapToLong(Long::longValue).sum();
      Map<String, Long> jvm = jvmThreadNanos();
      nanos.putAll(jvm);
      long named = javaThreads + jvm.values().stream().mapToLong(Long::longValue).sum();
      if (ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean os) {
        nanos.put(NATIVE, Math.max(0, os.getProcessCpuTime() - named));
      }
    }
    brokerNanos().ifPresent(broker -> nanos.put(BROKER, broker));
    return nanos;
  }

  static String role(String thread) {
    if (thread.contains("-load-")) {
      return LOAD;
    }
    if (thread.contains("-replies-")) {
      return COLLECTOR;
    }
    if (thread.startsWith("MQTT ") && thread.indexOf(':') > 5) {
      // "MQTT Rec: <client id>", "MQTT Snd: ...", "MQTT Call: ...": Paho's receiver, sender and
      // callback threads.
      return RELAY_MQTT + " " + thread.substring(5, thread.indexOf(':'));
    }
    if (thread.startsWith("MQTT")) {
      return RELAY_MQTT;
    }
    if (thread.startsWith("edgeinfer-pipeline")) {
      return RELAY_PIPELINE;
    }
    if (thread.startsWith("edgeinfer-")) {
      return RELAY_OTHER;
    }
    return OTHER;
  }

  /** Each role's CPU between two snapshots, in microseconds per reply. */
  static Map<String, Double> microsPerReply(
      Map<String, Long> before, Map<String, Long> after, int replies) {
    Map<String, Double> micros = new LinkedHashMap<>();
    if (replies <= 0) {
      return micros;
    }
    for (Map.Entry<String, Long> entry : after.entrySet()) {
      long spent = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
      micros.put(entry.getKey(), spent / 1000.0 / replies);
    }
    return micros;
  }

  /** The JIT compiler's and the garbage collector's threads, by their names in /proc/self/task. */
  private static Map<String, Long> jvmThreadNanos() {
    Map<String, Long> nanos = new LinkedHashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      tasks.forEach(
          task -> {
            String name = read(task.resolve("comm")).strip();
            String role =
                name.contains("CompilerThre")
                    ? JIT
                    : name.startsWith("GC Thread") || name.startsWith("G1 ") ? GC : null;
            String stat = read(task.resolve("stat"));
            if (role != null && !stat.isEmpty()) {
              nanos.merge(role, cpuNanosOf(stat), Long::sum);
            }
          });
    } catch (IOException | RuntimeException e) {
      // Not Linux: these stay within the remainder.
    }
    return nanos;
  }

  /** utime + stime of the process named mosquitto, from /proc (clock ticks of 10 ms). */
  private static Optional<Long> brokerNanos() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(p -> "mosquitto".equals(read(p.resolve("comm")).strip()))
          .map(p -> read(p.resolve("stat")))
          .filter(stat -> !stat.isEmpty())
          .map(CpuByRole::cpuNanosOf)
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static long cpuNanosOf(String stat) {
    // After the ")" that ends the command name: state is field 3, utime 14, stime 15.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return "";
    }
  }
}
