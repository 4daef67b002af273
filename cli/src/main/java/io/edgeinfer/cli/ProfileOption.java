package io.edgeinfer.cli;

import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.ProfileDetector;
import io.edgeinfer.profiles.Profiles;
import io.edgeinfer.profiles.SystemProbe;
import io.edgeinfer.profiles.UnknownProfileException;
import java.io.IOException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --profile NAME|PATH|auto}: the device profile whose defaults a command applies to every
 * option not given on the command line.
 */
final class ProfileOption {
  static final String AUTO = "auto";

  @Option(
      names = "--profile",
      paramLabel = "NAME|PATH|auto",
      description =
          "A device profile (see 'edgeinfer profile list'), a profile file, or auto to detect the"
              + " board: its engine, threads, batching and MQTT settings become the defaults, and"
              + " a model larger than its memory budget is refused before it loads.")
  String value;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  private DeviceProfile resolved;

  /** The profile asked for, or null without {@code --profile}. */
  DeviceProfile profile() throws IOException {
    if (value == null || resolved != null) {
      return resolved;
    }
    if (value.equals(AUTO)) {
      resolved = ProfileDetector.builtIn().detect(SystemProbe.local()).profile();
    } else {
      try {
        resolved = Profiles.resolve(value);
      } catch (UnknownProfileException e) {
        throw new ParameterException(mixee.commandLine(), e.getMessage());
      }
    }
    return resolved;
  }

  /** Whether {@code option} (a long name, e.g. {@code --threads}) was typed on the command line. */
  boolean given(String option) {
    return mixee.commandLine().getParseResult() != null
        && mixee.commandLine().getParseResult().hasMatchedOption(option);
  }
}
