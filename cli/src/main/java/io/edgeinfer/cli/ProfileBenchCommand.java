package io.edgeinfer.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.Precision;
import io.edgeinfer.profiles.ProfileDetector;
import io.edgeinfer.profiles.ProfileReader;
import io.edgeinfer.profiles.ProfileWriter;
import io.edgeinfer.profiles.SystemProbe;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgeinfer profile bench}: a first-boot micro benchmark of the lite engine (float32 against
 * int8, 1 to n threads) that writes a local profile tuned from the detected (or named) one.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Time the lite engine's float32 and int8 kernels with 1 to N threads on this machine and"
            + " write a tuned profile (threads, precision) based on the detected one.")
final class ProfileBenchCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Where to write the tuned profile (default: $XDG_CONFIG_HOME/edgeinfer/profile.yaml,"
              + " else ~/.config/edgeinfer/profile.yaml).")
  Path out;

  @Option(
      names = "--max-threads",
      paramLabel = "N",
      description = "Try 1 to N threads (default: the profile's cores).")
  Integer maxThreads;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      defaultValue = "2000",
      description = "Timed calls per thread and setting (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Untimed calls on each model first, for the JIT (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin ProfileOption profileOption;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DeviceProfile base =
        profileOption.profile() == null
            ? ProfileDetector.builtIn().detect(SystemProbe.local()).profile()
            : profileOption.profile();
    int threadsMax = maxThreads == null ? base.cores() : maxThreads;
    if (threadsMax < 1 || threadsMax > base.cores() || iterations < 1 || warmup < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "expected --max-threads from 1 to the profile's cores ("
              + base.cores()
              + "), --iterations >= 1 and --warmup >= 0, found "
              + threadsMax
              + ", "
              + iterations
              + ", "
              + warmup);
    }
    Path dir = Files.createTempDirectory("edgeinfer-profile-bench");
    List<ProfileBench.Result> results;
    try {
      results = ProfileBench.run(dir, threadsMax, iterations, warmup);
    } finally {
      try (var files = Files.list(dir)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Files.delete(file);
        }
      }
      Files.delete(dir);
    }
    PrecisionChoice choice = PrecisionChoice.of(base, results);
    Precision precision = choice.precision();
    int threads = ProfileBench.threadsFor(results, precision);
    DeviceProfile tuned = tuned(base, precision, threads);
    Path file = out != null ? out : defaultPath();
    String comment =
        "Tuned by 'edgeinfer profile bench' from "
            + base.name()
            + " (lite engine, "
            + BenchModels.WIDTH
            + "-wide MLP, batch 1, calls/s):\n"
            + results.stream()
                .map(
                    r ->
                        String.format(
                            Locale.ROOT,
                            "%s, %d threads: %.0f",
                            r.precision(),
                            r.threads(),
                            r.callsPerSecond()))
                .collect(Collectors.joining("\n"))
            + "\nUse it with --profile "
            + file;
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, ProfileWriter.toYaml(tuned, comment), StandardCharsets.UTF_8);
    // Read back, so that a file this command writes is always one --profile accepts.
    ProfileReader.read(file);
    report(base, results, tuned, choice, file);
    return ExitCodes.OK;
  }

  private static DeviceProfile tuned(DeviceProfile base, Precision precision, int threads) {
    String name = base.name().endsWith("-tuned") ? base.name() : base.name() + "-tuned";
    String description =
        base.description().endsWith("tuned by profile bench")
            ? base.description()
            : base.description() + "; tuned by profile bench";
    return base.withTuning(precision, threads).withName(name, description);
  }

  static Path defaultPath() {
    String config = System.getenv("XDG_CONFIG_HOME");
    Path dir =
        config != null && !config.isBlank()
            ? Path.of(config)
            : Path.of(System.getProperty("user.home"), ".config");
    return dir.resolve("edgeinfer").resolve("profile.yaml");
  }

  private void report(
      DeviceProfile base,
      List<ProfileBench.Result> results,
      DeviceProfile tuned,
      PrecisionChoice choice,
      Path file)
      throws Exception {
    PrintWriter writer = spec.commandLine().getOut();
    if (json) {
      try (JsonGenerator g = JsonReports.open(writer)) {
        g.writeStartObject();
        g.writeStringField("base", base.name());
        g.writeStringField("base_precision", base.precision().label());
        g.writeNumberField("base_budget_mb", base.budgetMb());
        g.writeStringField("engine", base.engine().label());
        g.writeArrayFieldStart("results");
        for (ProfileBench.Result r : results) {
          g.writeStartObject();
          g.writeStringField("precision", r.precision().label());
          g.writeNumberField("threads", r.threads());
          g.writeNumberField("calls_per_second", r.callsPerSecond());
          g.writeNumberField("us_per_call", r.microsPerCall());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("precision", tuned.precision().label());
        g.writeStringField("precision_reason", choice.reason());
        g.writeNumberField("threads", tuned.threads());
        g.writeStringField("profile", tuned.name());
        g.writeStringField("file", file.toString());
        g.writeEndObject();
      }
      writer.println();
    } else {
      writer.printf(
          Locale.ROOT,
          "lite engine, %d-wide MLP, batch 1, %d calls per thread, based on %s"
              + " (calls/s: all threads together; us/call: one call on one thread)%n",
          BenchModels.WIDTH,
          iterations,
          base.name());
      writer.printf(
          Locale.ROOT, "%-9s %7s %12s %10s%n", "precision", "threads", "calls/s", "us/call");
      for (ProfileBench.Result r : results) {
        writer.printf(
            Locale.ROOT,
            "%-9s %7d %12.0f %10.2f%n",
            r.precision(),
            r.threads(),
            r.callsPerSecond(),
            r.microsPerCall());
      }
      writer.println(choice.reason());
      writer.printf(
          Locale.ROOT,
          "chose %s with %d threads; wrote %s (profile %s): use it with --profile %s%n",
          tuned.precision(),
          tuned.threads(),
          file,
          tuned.name(),
          file);
    }
    writer.flush();
  }
}
