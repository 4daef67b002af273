package io.edgeinfer.cli;

import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.Precision;
import java.util.Locale;

/** Why {@code quantize --profile} chose its mode, in one line. */
final class ProfileModeChoice {
  private ProfileModeChoice() {}

  /**
   * The profile's own precision when it fits (even if float32 would fit too: the profile asks for
   * it, e.g. int8 for speed on a small board), or the most precise below it that fits.
   */
  static String describe(DeviceProfile profile, Precision chosen, long float32NeedMb) {
    String need = "float32 needs " + float32NeedMb + " MB of its " + profile.budgetMb() + " MB";
    if (chosen == profile.precision()) {
      return String.format(
          Locale.ROOT,
          "mode %s: the precision the profile %s asks for (%s)",
          chosen.label(),
          profile.name(),
          need);
    }
    return String.format(
        Locale.ROOT,
        "mode %s: the profile %s asks for %s, which does not fit its budget; %s is the most"
            + " precise that does (%s)",
        chosen.label(),
        profile.name(),
        profile.precision().label(),
        chosen.label(),
        need);
  }
}
