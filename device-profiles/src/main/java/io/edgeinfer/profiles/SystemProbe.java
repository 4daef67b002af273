package io.edgeinfer.profiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@link SystemFacts} from a file system root ({@code /} on a device; a fake tree in tests):
 * {@code proc/device-tree/model}, {@code proc/cpuinfo}, {@code proc/meminfo}, {@code
 * proc/self/cgroup} and the cgroup v2 ({@code memory.max}) or v1 ({@code
 * memory/memory.limit_in_bytes}) files under {@code sys/fs/cgroup}.
 */
public final class SystemProbe {
  /** cgroup v1 writes a number near 2^63 for "no limit". */
  private static final long NO_LIMIT = 1L << 60;

  private SystemProbe() {}

  /** The machine this JVM runs on. */
  public static SystemFacts local() {
    return read(
        Path.of("/"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
  }

  public static SystemFacts read(Path root, String osArch, int jvmProcessors) {
    List<String> cpuinfo = lines(root.resolve("proc/cpuinfo"));
    Optional<String> model = deviceTreeModel(root);
    String modelSource = "/proc/device-tree/model";
    if (model.isEmpty()) {
      model = field(cpuinfo, "Model");
      modelSource = "/proc/cpuinfo";
    }
    Optional<String> cpuName = field(cpuinfo, "model name");
    long processors = cpuinfo.stream().filter(l -> l.matches("processor\\s*:.*")).count();
    int cores = processors > 0 ? (int) processors : jvmProcessors;
    long memTotalMb =
        field(lines(root.resolve("proc/meminfo")), "MemTotal")
            .map(SystemProbe::kilobytesToMb)
            .orElse(0L);
    CgroupLimit limit = cgroupLimit(root);
    return new SystemFacts(
        model, modelSource, cpuName, osArch, cores, memTotalMb, limit.mb(), limit.source());
  }

  private record CgroupLimit(OptionalLong mb, String source) {}

  /**
   * The lowest limit on the way from this process's cgroup up to the root, in cgroup v2 or v1. In a
   * container the cgroup path may not exist under the mount; the mount's root is read too.
   */
  private static CgroupLimit cgroupLimit(Path root) {
    Path mount = root.resolve("sys/fs/cgroup");
    String v2Path = "";
    String v1Path = "";
    for (String line : lines(root.resolve("proc/self/cgroup"))) {
      String[] parts = line.split(":", 3);
      if (parts.length < 3) {
        continue;
      }
      if (parts[0].equals("0") && parts[1].isEmpty()) {
        v2Path = parts[2];
      } else if (List.of(parts[1].split(",")).contains("memory")) {
        v1Path = parts[2];
      }
    }
    CgroupLimit v2 = lowest(root, mount, v2Path, "memory.max");
    if (v2.mb().isPresent()) {
      return v2;
    }
    return lowest(root, mount.resolve("memory"), v1Path, "memory.limit_in_bytes");
  }

  private static CgroupLimit lowest(Path root, Path mount, String cgroupPath, String file) {
    long best = Long.MAX_VALUE;
    String source = "";
    Path dir = mount.resolve(cgroupPath.replaceFirst("^/+", ""));
    while (dir != null && dir.startsWith(mount)) {
      Optional<Long> bytes = limitIn(dir.resolve(file));
      if (bytes.isPresent() && bytes.get() < best) {
        best = bytes.get();
        source = "/" + root.relativize(dir.resolve(file));
      }
      dir = dir.getParent();
    }
    if (best == Long.MAX_VALUE) {
      return new CgroupLimit(OptionalLong.empty(), "");
    }
    return new CgroupLimit(OptionalLong.of(best >> 20), source);
  }

  private static Optional<Long> limitIn(Path file) {
    List<String> lines = lines(file);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    String value = lines.get(0).strip();
    try {
      long bytes = Long.parseLong(value);
      return bytes >= NO_LIMIT ? Optional.empty() : Optional.of(bytes);
    } catch (NumberFormatException e) {
      return Optional.empty(); // "max": no limit
    }
  }

  private static Optional<String> deviceTreeModel(Path root) {
    Path file = root.resolve("proc/device-tree/model");
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      text = text.replace("\0", "").strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The value of the first {@code key : value} line whose key is {@code key}. */
  private static Optional<String> field(List<String> lines, String key) {
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
        return Optional.of(line.substring(colon + 1).strip());
      }
    }
    return Optional.empty();
  }

  private static long kilobytesToMb(String value) {
    String number = value.toLowerCase(Locale.ROOT).replace("kb", "").strip();
    try {
      return Long.parseLong(number) / 1024;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }
}
