package io.edgeinfer.mqtt.homeassistant;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * What {@code serve --homeassistant} announces.
 *
 * @param discoveryPrefix the first level of discovery topics (Home Assistant's default is {@code
 *     homeassistant})
 * @param labels the labels that become entities, as the model names them
 * @param threshold the score at or above which a label counts as detected
 */
public record HomeAssistantSettings(String discoveryPrefix, List<String> labels, double threshold) {
  public static final String DEFAULT_PREFIX = "homeassistant";

  public HomeAssistantSettings {
    if (discoveryPrefix == null
        || discoveryPrefix.isBlank()
        || discoveryPrefix.contains("+")
        || discoveryPrefix.contains("#")) {
      throw new IllegalArgumentException(
          "expected a discovery prefix such as 'homeassistant' (no wildcards), found '"
              + discoveryPrefix
              + "'");
    }
    if (labels == null || labels.isEmpty()) {
      throw new IllegalArgumentException(
          "expected at least one label for Home Assistant (--ha-labels person,car), found none");
    }
    for (String label : labels) {
      if (label.isBlank()) {
        throw new IllegalArgumentException(
            "expected non-empty labels in --ha-labels, found an empty one in " + labels);
      }
    }
    if (new LinkedHashSet<>(labels).size() != labels.size()) {
      throw new IllegalArgumentException(
          "expected each label once in --ha-labels, found " + labels);
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "expected a Home Assistant threshold between 0 and 1, found " + threshold);
    }
    labels = List.copyOf(labels);
  }

  /** Where Home Assistant publishes its birth message ({@code online}) and last will. */
  public String birthTopic() {
    return discoveryPrefix + "/status";
  }
}
