package io.edgeinfer.profiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fake file system root with the /proc and /sys/fs/cgroup files detection reads. */
final class FakeSystem {
  private final Path root;

  FakeSystem(Path root) {
    this.root = root;
  }

  /** The device tree's model is NUL-terminated, as the kernel writes it. */
  FakeSystem deviceTreeModel(String model) throws IOException {
    return file("proc/device-tree/model", model + "\0");
  }

  FakeSystem cpuinfo(int processors, String extraLines) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < processors; i++) {
      text.append("processor\t: ").append(i).append("\nBogoMIPS\t: 108.00\n\n");
    }
    return file("proc/cpuinfo", text + extraLines);
  }

  FakeSystem memTotalKb(long kb) throws IOException {
    return file(
        "proc/meminfo",
        "MemTotal:       " + kb + " kB\nMemFree:          123456 kB\nMemAvailable:   234567 kB\n");
  }

  FakeSystem file(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return this;
  }

  SystemFacts facts(String osArch) {
    return SystemProbe.read(root, osArch, 2);
  }
}
