package io.edgeinfer.profiles;

import java.util.stream.Collectors;

/**
 * A profile as YAML in the layout of the built-in files, so that {@link ProfileReader} reads it
 * back equal and a shell launcher finds its JVM options on the one line {@code jvm: "..."}.
 */
public final class ProfileWriter {
  private ProfileWriter() {}

  public static String toYaml(DeviceProfile p, String comment) {
    StringBuilder out = new StringBuilder();
    if (comment != null && !comment.isBlank()) {
      comment.lines().forEach(line -> out.append("# ").append(line).append('\n'));
    }
    out.append("name: ").append(p.name()).append('\n');
    out.append("description: ").append(quoted(p.description())).append('\n');
    out.append("arch: ").append(p.arch().label()).append('\n');
    out.append("cores: ").append(p.cores()).append('\n');
    out.append("memory-mb: ").append(p.memoryMb()).append('\n');
    out.append("budget-mb: ").append(p.budgetMb()).append('\n');
    out.append("engine: ").append(p.engine().label()).append('\n');
    out.append("precision: ").append(p.precision().label()).append('\n');
    out.append("threads: ").append(p.threads()).append('\n');
    out.append("batching:\n");
    out.append("  max-batch: ").append(p.batching().maxBatch()).append('\n');
    out.append("  max-wait-ms: ").append(p.batching().maxWaitMs()).append('\n');
    // One line, double-quoted: the launcher reads it with sed (the record forbids quotes in it).
    out.append("jvm: \"").append(p.jvm()).append("\"\n");
    out.append("mqtt:\n");
    out.append("  qos: ").append(p.mqtt().qos()).append('\n');
    out.append("  outbox-max-messages: ").append(p.mqtt().outboxMaxMessages()).append('\n');
    out.append("  outbox-max-mb: ").append(p.mqtt().outboxMaxMb()).append('\n');
    DetectionRules detect = p.detect();
    out.append("detect:\n");
    out.append("  model: [")
        .append(
            detect.modelPatterns().stream()
                .map(ProfileWriter::quoted)
                .collect(Collectors.joining(", ")))
        .append("]\n");
    if (detect.minMemoryMb() > 0) {
      out.append("  min-memory-mb: ").append(detect.minMemoryMb()).append('\n');
    }
    if (detect.maxMemoryMb() != Long.MAX_VALUE) {
      out.append("  max-memory-mb: ").append(detect.maxMemoryMb()).append('\n');
    }
    return out.toString();
  }

  /** A YAML single-quoted scalar: only the quote itself needs escaping (by doubling it). */
  private static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
