package io.edgeinfer.cli;

import io.edgeinfer.mqtt.homeassistant.HomeAssistantSettings;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code serve --homeassistant}: the labels that become Home Assistant entities, and when. */
final class HomeAssistantFlags {
  @Option(
      names = "--homeassistant",
      description =
          "Publish Home Assistant MQTT discovery config (retained): per --ha-labels label a binary"
              + " sensor (on when found at or above --ha-threshold) and a sensor with its top"
              + " score, available while this service is online.")
  boolean enabled;

  @Option(
      names = "--ha-prefix",
      paramLabel = "PREFIX",
      defaultValue = HomeAssistantSettings.DEFAULT_PREFIX,
      description = "Home Assistant's discovery prefix (default: ${DEFAULT-VALUE}).")
  String prefix;

  @Option(
      names = "--ha-labels",
      paramLabel = "LABEL",
      split = ",",
      description = "The labels that become entities, as the model names them: person,car.")
  List<String> labels = List.of();

  @Option(
      names = "--ha-threshold",
      paramLabel = "SCORE",
      defaultValue = "0.5",
      description = "The score from which a label is on (default: ${DEFAULT-VALUE}).")
  double threshold;

  /** The settings, or null without {@code --homeassistant}. */
  HomeAssistantSettings settings() {
    if (!enabled) {
      if (!labels.isEmpty()) {
        throw new IllegalArgumentException(
            "expected --homeassistant with --ha-labels, found --ha-labels alone");
      }
      return null;
    }
    return new HomeAssistantSettings(prefix, labels, threshold);
  }
}
