package io.edgeinfer.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.Profiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeinfer profile list}: the built-in profiles, one line each. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the built-in device profiles.")
final class ProfileListCommand implements Callable<Integer> {
  @Option(
      names = "--json",
      description =
          "Print {\"profiles\": [...]} with name, arch, cores, memory_mb, budget_mb, engine,"
              + " precision, threads and description, as profile detect --json names them.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      printJson(out);
      return ExitCodes.OK;
    }
    String format = "%-14s %-7s %8s %8s  %-10s %-9s %s%n";
    out.printf(
        Locale.ROOT, format, "NAME", "ARCH", "MEMORY", "BUDGET", "ENGINE", "PRECISION", "BOARD");
    for (DeviceProfile p : Profiles.all()) {
      out.printf(
          Locale.ROOT,
          format,
          p.name(),
          p.arch(),
          p.memoryMb() + " MB",
          p.budgetMb() + " MB",
          p.engine(),
          p.precision(),
          p.description());
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void printJson(PrintWriter out) throws IOException {
    try (JsonGenerator json = JsonReports.open(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("profiles");
      for (DeviceProfile p : Profiles.all()) {
        json.writeStartObject();
        json.writeStringField("name", p.name());
        json.writeStringField("arch", String.valueOf(p.arch()));
        json.writeNumberField("cores", p.cores());
        json.writeNumberField("memory_mb", p.memoryMb());
        json.writeNumberField("budget_mb", p.budgetMb());
        json.writeStringField("engine", p.engine().label());
        json.writeStringField("precision", p.precision().label());
        json.writeNumberField("threads", p.threads());
        json.writeStringField("description", p.description());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.println();
    out.flush();
  }
}
