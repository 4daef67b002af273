package io.edgeinfer.cli;

import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.ProfileDetector;
import io.edgeinfer.profiles.Profiles;
import io.edgeinfer.profiles.SystemProbe;
import io.edgeinfer.profiles.UnknownProfileException;
import java.io.IOException;
import java.util.function.Function;
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

  /** The variable the launcher also reads, for the JVM options of the same profile. */
  static final String VARIABLE = "EDGEINFER_PROFILE";

  /** Where {@value #VARIABLE} is read from; tests put a map in its place. */
  static Function<String, String> environment = System::getenv;

  /**
   * The profile asked for: {@code --profile}, else {@value #VARIABLE} (as the launcher takes it),
   * else null. An unknown name is a usage error wherever it came from.
   */
  DeviceProfile profile() throws IOException {
    String asked = value != null ? value : environment.apply(VARIABLE);
    if (asked == null || asked.isBlank() || resolved != null) {
      return resolved;
    }
    if (asked.equals(AUTO)) {
      resolved = ProfileDetector.builtIn().detect(SystemProbe.local()).profile();
    } else {
      try {
        resolved = Profiles.resolve(asked);
      } catch (UnknownProfileException e) {
        throw new ParameterException(
            mixee.commandLine(), (value != null ? "" : VARIABLE + ": ") + e.getMessage());
      }
    }
    return resolved;
  }

  /**
   * Whether the operator set {@code option} (a long name, e.g. {@code --threads}): typed on the
   * command line, or a key of {@code --config}. Either wins over the profile.
   */
  boolean given(String option) {
    picocli.CommandLine commandLine = mixee.commandLine();
    return commandLine.getParseResult() != null
            && commandLine.getParseResult().hasMatchedOption(option)
        || commandLine.getDefaultValueProvider() instanceof YamlConfigDefaults config
            && config.sets(option);
  }
}
