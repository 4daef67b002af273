package io.edgeinfer.examples.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine's CPUs were between two moments (from {@code /proc/stat}: everything, the
 * broker and other processes included), and how much of that was this JVM (load generator, relay
 * and reply collector together). Both as a fraction of all cores; NaN where the OS does not say. It
 * shows whether a run was limited by CPU, and whether something else was using it.
 */
record CpuUsage(long machineBusyTicks, long machineTotalTicks, long processNanos, long wallNanos) {

  static CpuUsage now() {
    long busy = -1;
    long total = -1;
    try {
      String line = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0);
      String[] fields = line.trim().split("\\s+");
      if (fields[0].equals("cpu")) {
        total = 0;
        // user nice system idle iowait irq softirq steal (guest time is already in user)
        for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
          total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
        busy = total - idle;
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux: machine-wide figures stay unknown.
    }
    long process = -1;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      process = os.getProcessCpuTime();
    }
    return new CpuUsage(busy, total, process, System.nanoTime());
  }

  /** The machine's busy fraction of all its cores since {@code earlier}. */
  double machineBusySince(CpuUsage earlier) {
    long total = machineTotalTicks - earlier.machineTotalTicks;
    if (machineTotalTicks < 0 || earlier.machineTotalTicks < 0 || total <= 0) {
      return Double.NaN;
    }
    return (double) (machineBusyTicks - earlier.machineBusyTicks) / total;
  }

  /** This JVM's CPU time since {@code earlier}, as a fraction of all cores over the wall time. */
  double processShareSince(CpuUsage earlier) {
    long wall = wallNanos - earlier.wallNanos;
    if (processNanos < 0 || earlier.processNanos < 0 || wall <= 0) {
      return Double.NaN;
    }
    return (double) (processNanos - earlier.processNanos)
        / wall
        / Runtime.getRuntime().availableProcessors();
  }

  /** The 1-minute load average, or NaN. */
  static double loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? Double.NaN : load;
  }
}
