package io.edgeinfer.mqtt;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.common.util.MqttTopicValidator;

/**
 * Refuses, at start, input filters that cover the service's own output: a filter such as {@code
 * sensors/#} with replies on {@code {topic}/prediction} would take every reply as a new request,
 * answer it with an error on {@code .../error}, take that too, and so on, the topics growing a
 * level each round until the broker refuses them.
 */
final class OwnTopics {
  private OwnTopics() {}

  /**
   * @throws IllegalArgumentException naming the filter and the topic of ours it covers
   */
  static void requireNoLoop(
      List<String> inputFilters, PipelineSettings settings, String statusTopic) {
    List<String> filters = new ArrayList<>();
    for (String filter : inputFilters) {
      filters.add(withoutShare(filter));
    }
    for (String filter : filters) {
      String sample = sampleTopic(filter);
      check(filters, settings.outputTopic(), "--output-topic", sample, inputFilters);
      check(filters, settings.errorTopic(), "--error-topic", sample, inputFilters);
    }
    for (int i = 0; i < filters.size(); i++) {
      for (String own : List.of(statusTopic, statusTopic + "/metrics")) {
        if (MqttTopicValidator.isMatched(filters.get(i), own)) {
          throw new IllegalArgumentException(
              "expected input topics that leave out the service's status topic, found '"
                  + inputFilters.get(i)
                  + "', which covers '"
                  + own
                  + "' (narrow the filter, or move --status-topic)");
        }
      }
    }
  }

  private static void check(
      List<String> filters,
      TopicTemplate template,
      String option,
      String sample,
      List<String> original) {
    String ours;
    try {
      ours = template.render(sample);
    } catch (IllegalArgumentException e) {
      return; // the template needs more levels than this filter has: nothing to publish on
    }
    for (int i = 0; i < filters.size(); i++) {
      if (MqttTopicValidator.isMatched(filters.get(i), ours)) {
        throw new IllegalArgumentException(
            "expected input topics that leave out the service's own replies, found '"
                + original.get(i)
                + "', which covers '"
                + ours
                + "' ("
                + option
                + " "
                + template
                + " for input '"
                + sample
                + "'); narrow the filter (e.g. '+' instead of '#'), or move "
                + option);
      }
    }
  }

  /** {@code $share/GROUP/filter} subscribes to {@code filter}. */
  private static String withoutShare(String filter) {
    if (filter.startsWith("$share/")) {
      int slash = filter.indexOf('/', "$share/".length());
      return slash < 0 ? filter : filter.substring(slash + 1);
    }
    return filter;
  }

  /** A topic the filter matches: every wildcard stands for one level named {@code x}. */
  private static String sampleTopic(String filter) {
    String[] levels = filter.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      if (levels[i].equals("+") || levels[i].equals("#")) {
        levels[i] = "x";
      }
    }
    return String.join("/", levels);
  }
}
