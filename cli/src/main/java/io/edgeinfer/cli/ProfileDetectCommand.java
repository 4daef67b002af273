package io.edgeinfer.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.profiles.Detection;
import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.ProfileDetector;
import io.edgeinfer.profiles.SystemFacts;
import io.edgeinfer.profiles.SystemProbe;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeinfer profile detect}: which profile fits this machine, and why. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description =
        "Find the profile for this machine from /proc/device-tree/model, /proc/cpuinfo, os.arch,"
            + " MemTotal and cgroup memory limits, and say why.")
final class ProfileDetectCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(
      names = "--name-only",
      description = "Print only the profile's name (for scripts and the launcher).")
  boolean nameOnly;

  /** Where /proc and /sys are; tests and the ARM proof point it at a fake tree. */
  @Option(names = "--system-root", hidden = true, defaultValue = "/")
  Path systemRoot;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    SystemFacts facts =
        SystemProbe.read(
            systemRoot, System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
    Detection detection = ProfileDetector.builtIn().detect(facts);
    DeviceProfile p = detection.profile();
    PrintWriter out = spec.commandLine().getOut();
    if (nameOnly) {
      out.println(p.name());
    } else if (json) {
      writeJson(out, facts, detection);
    } else {
      out.printf(Locale.ROOT, "%s: %s%n", p.name(), p.description());
      out.printf(
          Locale.ROOT,
          "engine %s, precision %s, %d threads, budget %d MB of %d MB, batches of up to %d%s%n",
          p.engine(),
          p.precision(),
          p.threads(),
          p.budgetMb(),
          p.memoryMb(),
          p.batching().maxBatch(),
          p.batching().maxWaitMs() == 0
              ? ""
              : String.format(Locale.ROOT, " within %d ms", p.batching().maxWaitMs()));
      out.printf(Locale.ROOT, "jvm: %s%n", p.jvm());
      out.println("why:");
      detection.reasons().forEach(reason -> out.println("  " + reason));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void writeJson(PrintWriter out, SystemFacts facts, Detection detection)
      throws IOException {
    DeviceProfile p = detection.profile();
    try (JsonGenerator g = JsonReports.open(out)) {
      g.writeStartObject();
      ProfileJson.writeFields(g, p);
      g.writeBooleanField("named_board", detection.namedBoard());
      g.writeArrayFieldStart("reasons");
      for (String reason : detection.reasons()) {
        g.writeString(reason);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("system");
      g.writeStringField("board_model", facts.boardModel().orElse(null));
      g.writeStringField("cpu", facts.cpuName().orElse(null));
      g.writeStringField("os_arch", facts.osArch());
      g.writeNumberField("cores", facts.cores());
      g.writeNumberField("mem_total_mb", facts.memTotalMb());
      if (facts.cgroupLimitMb().isPresent()) {
        g.writeNumberField("cgroup_limit_mb", facts.cgroupLimitMb().getAsLong());
        g.writeStringField("cgroup_limit_file", facts.cgroupLimitSource());
      } else {
        g.writeNullField("cgroup_limit_mb");
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    out.println();
  }
}
