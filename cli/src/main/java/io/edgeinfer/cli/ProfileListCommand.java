package io.edgeinfer.cli;

import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.Profiles;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code edgeinfer profile list}: the built-in profiles, one line each. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the built-in device profiles.")
final class ProfileListCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
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
}
