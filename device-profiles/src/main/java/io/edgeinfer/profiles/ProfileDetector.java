package io.edgeinfer.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the profile for the machine described by {@link SystemFacts}: a board's own profile when
 * its model string and memory match, else the fallback for the JVM's architecture and memory, with
 * its memory and budget scaled to what this machine has. A cgroup limit lowers the budget; a 32-bit
 * JVM or a budget too small for TensorFlow moves the profile to the lite engine.
 */
public final class ProfileDetector {
  /** What a 32-bit process on ARM Linux can address (3 GB of user space): a budget's ceiling. */
  static final long THIRTY_TWO_BIT_MAX_MB = 3072;

  /** Below this budget TensorFlow (~300 MB alone, ~370 MB with a small MLP) leaves no room. */
  static final long TENSORFLOW_MIN_BUDGET_MB = 400;

  private final List<DeviceProfile> profiles;

  public ProfileDetector(List<DeviceProfile> profiles) {
    this.profiles = List.copyOf(profiles);
  }

  public static ProfileDetector builtIn() {
    return new ProfileDetector(Profiles.all());
  }

  public Detection detect(SystemFacts facts) {
    if (facts.memTotalMb() <= 0) {
      throw new IllegalArgumentException(
          "cannot tell this machine's memory: expected a MemTotal line in /proc/meminfo, found"
              + " none (name a profile with --profile)");
    }
    List<String> reasons = new ArrayList<>();
    Optional<DeviceProfile> named = namedBoard(facts, reasons);
    DeviceProfile profile;
    if (named.isPresent()) {
      profile = fitNamed(named.get(), facts, reasons);
    } else {
      profile = fitFallback(fallback(facts, reasons), facts, reasons);
    }
    profile = fitEngine(profile, facts, reasons);
    profile = fitAddressSpace(profile, facts, reasons);
    return new Detection(profile, named.isPresent(), reasons);
  }

  private Optional<DeviceProfile> namedBoard(SystemFacts facts, List<String> reasons) {
    if (facts.boardModel().isEmpty()) {
      reasons.add("no board model: no /proc/device-tree/model and no Model line in /proc/cpuinfo");
      return Optional.empty();
    }
    String model = facts.boardModel().get();
    boolean anyPattern = false;
    for (DeviceProfile p : profiles) {
      String pattern = p.detect().patternFoundIn(model);
      if (pattern == null) {
        continue;
      }
      anyPattern = true;
      if (p.detect().memoryInRange(facts.memTotalMb())) {
        reasons.add(
            "board model '"
                + model
                + "' (from "
                + facts.boardModelSource()
                + ") matches "
                + p.name()
                + "'s pattern '"
                + pattern
                + "'");
        reasons.add(
            "MemTotal "
                + facts.memTotalMb()
                + " MB is in "
                + p.name()
                + "'s range ("
                + p.detect().memoryRange()
                + ")");
        return Optional.of(p);
      }
      reasons.add(
          "board model '"
              + model
              + "' matches "
              + p.name()
              + "'s pattern, but MemTotal "
              + facts.memTotalMb()
              + " MB is outside its range ("
              + p.detect().memoryRange()
              + ")");
    }
    if (!anyPattern) {
      reasons.add(
          "board model '"
              + model
              + "' (from "
              + facts.boardModelSource()
              + ") matches no board profile");
    }
    return Optional.empty();
  }

  private DeviceProfile fallback(SystemFacts facts, List<String> reasons) {
    Optional<Arch> jvmArch = Arch.fromOsArch(facts.osArch());
    Arch arch = jvmArch.orElse(Arch.ARM64);
    if (jvmArch.isEmpty()) {
      reasons.add(
          "os.arch "
              + facts.osArch()
              + " has no profiles of its own: using the "
              + arch
              + " fallback's settings");
    }
    for (DeviceProfile p : profiles) {
      if (!p.detect().namesBoard()
          && p.arch() == arch
          && p.detect().memoryInRange(facts.memTotalMb())) {
        reasons.add(
            "os.arch "
                + facts.osArch()
                + " ("
                + arch
                + ") with MemTotal "
                + facts.memTotalMb()
                + " MB: fallback "
                + p.name()
                + " ("
                + p.detect().memoryRange()
                + ")");
        return p;
      }
    }
    throw new IllegalArgumentException(
        "no fallback profile for "
            + arch
            + " with "
            + facts.memTotalMb()
            + " MB: expected one without detect.model patterns for that arch and memory");
  }

  /** A named board keeps its profile; only a cgroup limit lowers the budget. */
  private static DeviceProfile fitNamed(DeviceProfile p, SystemFacts facts, List<String> reasons) {
    if (!facts.cgroupLimited()) {
      return p;
    }
    long limit = facts.cgroupLimitMb().getAsLong();
    long budget = Math.min(p.budgetMb(), scaled(p, limit));
    reasons.add(
        "cgroup limit "
            + limit
            + " MB ("
            + facts.cgroupLimitSource()
            + ") is below MemTotal: budget "
            + budget
            + " MB (was "
            + p.budgetMb()
            + ")");
    return resized(p, p.description(), p.cores(), p.memoryMb(), budget, p.threads(), reasons);
  }

  /** A fallback takes this machine's memory, cores and a budget in the same proportion. */
  private static DeviceProfile fitFallback(
      DeviceProfile p, SystemFacts facts, List<String> reasons) {
    long memory = facts.effectiveMemoryMb();
    if (facts.cgroupLimited()) {
      reasons.add(
          "cgroup limit "
              + memory
              + " MB ("
              + facts.cgroupLimitSource()
              + ") is below MemTotal "
              + facts.memTotalMb()
              + " MB: the limit is this process's memory");
    }
    long budget = scaled(p, memory);
    int threads = Math.min(p.threads(), facts.cores());
    reasons.add(
        "scaled to this machine: memory "
            + memory
            + " MB, budget "
            + budget
            + " MB ("
            + (100 * p.budgetMb() / p.memoryMb())
            + "% as in "
            + p.name()
            + "), "
            + facts.cores()
            + " cores, "
            + threads
            + " threads");
    String description =
        p.description() + ", fitted to " + memory + " MB and " + facts.cores() + " cores";
    return resized(p, description, facts.cores(), memory, budget, threads, reasons);
  }

  /** TensorFlow has no 32-bit natives: a 32-bit JVM runs the lite engine whatever the board. */
  private static DeviceProfile fitEngine(DeviceProfile p, SystemFacts facts, List<String> reasons) {
    Optional<Arch> jvmArch = Arch.fromOsArch(facts.osArch());
    if (p.engine() != EngineKind.TENSORFLOW || jvmArch.isEmpty() || jvmArch.get().is64Bit()) {
      return p;
    }
    return toLite(
        p,
        "this is a 32-bit JVM (os.arch " + facts.osArch() + ") and TensorFlow has no natives",
        reasons);
  }

  private static DeviceProfile fitAddressSpace(
      DeviceProfile p, SystemFacts facts, List<String> reasons) {
    Optional<Arch> jvmArch = Arch.fromOsArch(facts.osArch());
    if (jvmArch.isEmpty() || jvmArch.get().is64Bit() || p.budgetMb() <= THIRTY_TWO_BIT_MAX_MB) {
      return p;
    }
    reasons.add(
        "a 32-bit JVM addresses at most "
            + THIRTY_TWO_BIT_MAX_MB
            + " MB: budget "
            + THIRTY_TWO_BIT_MAX_MB
            + " MB (was "
            + p.budgetMb()
            + ")");
    return p.withResources(
        p.description(), p.cores(), p.memoryMb(), THIRTY_TWO_BIT_MAX_MB, p.threads());
  }

  private static DeviceProfile resized(
      DeviceProfile p,
      String description,
      int cores,
      long memory,
      long budget,
      int threads,
      List<String> reasons) {
    if (budget < EngineKind.LITE.overheadMb()) {
      throw new IllegalArgumentException(
          "this machine leaves edgeinfer a budget of "
              + budget
              + " MB ("
              + memory
              + " MB of memory): expected at least "
              + EngineKind.LITE.overheadMb()
              + " MB, the lite runtime's own overhead");
    }
    if (p.engine() == EngineKind.TENSORFLOW && budget < TENSORFLOW_MIN_BUDGET_MB) {
      p =
          toLite(
              p,
              "a budget of "
                  + budget
                  + " MB leaves no room for TensorFlow (~300 MB before any model)",
              reasons);
    }
    return p.withResources(description, cores, memory, budget, Math.min(threads, cores));
  }

  private static DeviceProfile toLite(DeviceProfile p, String why, List<String> reasons) {
    Precision precision = EngineKind.LITE.runs(p.precision()) ? p.precision() : Precision.INT8;
    reasons.add(why + ": engine lite, precision " + precision);
    return p.withEngine(EngineKind.LITE, precision);
  }

  private static long scaled(DeviceProfile p, long memoryMb) {
    return memoryMb * p.budgetMb() / p.memoryMb();
  }
}
