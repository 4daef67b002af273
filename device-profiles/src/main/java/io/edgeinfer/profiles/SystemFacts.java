package io.edgeinfer.profiles;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What detection knows about the machine.
 *
 * @param boardModel the board's model string, e.g. {@code Raspberry Pi 4 Model B Rev 1.4}
 * @param boardModelSource where it was read ({@code /proc/device-tree/model} or the {@code Model}
 *     line of {@code /proc/cpuinfo})
 * @param cpuName the processor's name from {@code /proc/cpuinfo}, when it gives one
 * @param osArch the JVM's {@code os.arch}
 * @param cores processors listed in {@code /proc/cpuinfo} (the JVM's count when it lists none)
 * @param memTotalMb {@code MemTotal} of {@code /proc/meminfo}
 * @param cgroupLimitMb the tightest cgroup memory limit over this process, when there is one
 * @param cgroupLimitSource the file that set it
 */
public record SystemFacts(
    Optional<String> boardModel,
    String boardModelSource,
    Optional<String> cpuName,
    String osArch,
    int cores,
    long memTotalMb,
    OptionalLong cgroupLimitMb,
    String cgroupLimitSource) {

  /** The memory this process may use: MemTotal, or a lower cgroup limit. */
  public long effectiveMemoryMb() {
    return cgroupLimitMb.isPresent() ? Math.min(memTotalMb, cgroupLimitMb.getAsLong()) : memTotalMb;
  }

  /** Whether a cgroup limits this process below the machine's memory. */
  public boolean cgroupLimited() {
    return cgroupLimitMb.isPresent() && cgroupLimitMb.getAsLong() < memTotalMb;
  }
}
