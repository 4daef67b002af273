package io.edgeinfer.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.ProfileDetector;
import io.edgeinfer.profiles.ProfileWriter;
import io.edgeinfer.profiles.Profiles;
import io.edgeinfer.profiles.SystemProbe;
import io.edgeinfer.profiles.UnknownProfileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgeinfer profile show NAME}: a built-in profile as shipped (with its comments), or a
 * profile file or the detected profile as read.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Print a profile as YAML: a built-in name, a profile file, or auto (with --json, its"
            + " fields as profile detect --json names them).")
final class ProfileShowCommand implements Callable<Integer> {
  @Parameters(paramLabel = "NAME|PATH|auto", description = "The profile.")
  String name;

  @Option(
      names = "--json",
      description =
          "Print {profile, description, arch, cores, memory_mb, budget_mb, engine, precision,"
              + " threads, max_batch, max_wait_ms, jvm, mqtt_qos, outbox_max_messages,"
              + " outbox_max_mb, source} instead of YAML.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      printJson(out);
      return ExitCodes.OK;
    }
    if (name.equals(ProfileOption.AUTO)) {
      DeviceProfile detected = ProfileDetector.builtIn().detect(SystemProbe.local()).profile();
      out.print(ProfileWriter.toYaml(detected, "detected on this machine"));
    } else if (Profiles.names().contains(name)) {
      out.print(Profiles.builtInYaml(name));
    } else {
      DeviceProfile profile;
      try {
        profile = Profiles.resolve(name);
      } catch (UnknownProfileException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      out.print(ProfileWriter.toYaml(profile, "read from " + name));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void printJson(PrintWriter out) throws IOException {
    DeviceProfile profile;
    String source;
    if (name.equals(ProfileOption.AUTO)) {
      profile = ProfileDetector.builtIn().detect(SystemProbe.local()).profile();
      source = "detected";
    } else {
      try {
        profile = Profiles.resolve(name);
      } catch (UnknownProfileException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      source = Profiles.names().contains(name) ? "built-in" : name;
    }
    try (JsonGenerator g = JsonReports.open(out)) {
      g.writeStartObject();
      ProfileJson.writeFields(g, profile);
      g.writeStringField("source", source);
      g.writeEndObject();
    }
    JsonReports.end(out);
  }
}
