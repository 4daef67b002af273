package io.edgeinfer.mqtt;

import java.nio.charset.StandardCharsets;

/**
 * Checks a topic name before anything is published on it. A response topic comes from whoever sent
 * the request, and a watched file's name becomes a topic: either may hold what a broker refuses,
 * and a refused publish must be caught here, where it can be answered with an error, not at the
 * broker, which disconnects the publisher (Mosquitto: wildcards, control characters, more than 200
 * levels).
 */
public final class TopicNames {
  /** Mosquitto refuses topics of more levels (its TOPIC_HIERARCHY_LIMIT) by disconnecting. */
  public static final int MAX_LEVELS = 200;

  /** MQTT encodes a topic's length in two bytes. */
  public static final int MAX_UTF8_BYTES = 65_535;

  private TopicNames() {}

  /** Why {@code topic} cannot be published on, or null when it can. */
  public static String problem(String topic) {
    if (topic == null || topic.isEmpty()) {
      return "expected a topic name, found an empty one";
    }
    int levels = 1;
    for (int i = 0; i < topic.length(); i++) {
      char c = topic.charAt(i);
      if (c == '+' || c == '#') {
        return "expected a topic name without wildcards ('+', '#'), found " + quoted(topic);
      }
      if (c <= 0x1F || (c >= 0x7F && c <= 0x9F)) {
        return "expected a topic name without control characters, found U+"
            + String.format("%04X", (int) c)
            + " at character "
            + i
            + " of "
            + quoted(topic);
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < topic.length()
              && Character.isLowSurrogate(topic.charAt(i + 1)))
          && !(Character.isLowSurrogate(c)
              && i > 0
              && Character.isHighSurrogate(topic.charAt(i - 1)))) {
        return "expected a topic name of valid UTF-8, found a lone surrogate at character "
            + i
            + " of "
            + quoted(topic);
      }
      if (c == '/') {
        levels++;
      }
    }
    if (levels > MAX_LEVELS) {
      return "expected a topic name of at most " + MAX_LEVELS + " levels, found " + levels;
    }
    int bytes = topic.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_UTF8_BYTES) {
      return "expected a topic name of at most " + MAX_UTF8_BYTES + " bytes, found " + bytes;
    }
    return null;
  }

  /** The topic in quotes, cut short when long: an error message must stay one readable line. */
  static String quoted(String topic) {
    String shown = topic.length() > 120 ? topic.substring(0, 120) + "..." : topic;
    StringBuilder out = new StringBuilder("'");
    shown
        .codePoints()
        .forEach(
            c -> {
              if (c <= 0x1F || (c >= 0x7F && c <= 0x9F)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('\'').toString();
  }
}
