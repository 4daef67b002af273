package io.edgeinfer.mqtt.publish;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One MQTT publish, complete: the full topic (never a topic alias) and the v5 properties a reply
 * needs. userProperties keep their order. What the pipeline hands the publisher, what the outbox
 * stores while the broker is away, and what the dead-letter folder keeps when the broker refuses
 * it: one record all the way, so nothing is rebuilt from parts on the way.
 *
 * <p>The byte arrays are not copied; do not change them after handing the message over. Equality
 * compares their contents.
 *
 * @param topic the full topic name, without wildcards
 * @param payload the payload, possibly empty
 * @param qos 0, 1 or 2
 * @param retain the retain flag
 * @param contentType the v5 content type, or null
 * @param responseTopic the v5 response topic, or null
 * @param correlationData the v5 correlation data, or null
 * @param userProperties the v5 user properties in order (names may repeat); null means none
 */
public record Publish(
    String topic,
    byte[] payload,
    int qos,
    boolean retain,
    String contentType,
    String responseTopic,
    byte[] correlationData,
    List<Map.Entry<String, String>> userProperties) {

  public Publish {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    if (topic.isEmpty() || topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
      throw new IllegalArgumentException(
          "expected a full topic name without wildcards, found '" + topic + "'");
    }
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("expected qos 0, 1 or 2, found " + qos);
    }
    userProperties = copyOf(userProperties);
  }

  /** A plain publish with no v5 properties. */
  public static Publish of(String topic, byte[] payload, int qos) {
    return new Publish(topic, payload, qos, false, null, null, null, List.of());
  }

  private static List<Map.Entry<String, String>> copyOf(List<Map.Entry<String, String>> source) {
    if (source == null) {
      return List.of();
    }
    List<Map.Entry<String, String>> copy = new ArrayList<>(source.size());
    for (Map.Entry<String, String> e : source) {
      if (e == null || e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException(
            "expected user properties with a name and a value, found " + e);
      }
      // An immutable copy: a caller's mutable entry (e.g. from a HashMap) cannot change it later.
      copy.add(Map.entry(e.getKey(), e.getValue()));
    }
    return List.copyOf(copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Publish m
        && topic.equals(m.topic)
        && Arrays.equals(payload, m.payload)
        && qos == m.qos
        && retain == m.retain
        && Objects.equals(contentType, m.contentType)
        && Objects.equals(responseTopic, m.responseTopic)
        && Arrays.equals(correlationData, m.correlationData)
        && userProperties.equals(m.userProperties);
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(topic, qos, retain, contentType, responseTopic, userProperties);
    h = 31 * h + Arrays.hashCode(payload);
    return 31 * h + Arrays.hashCode(correlationData);
  }

  @Override
  public String toString() {
    return "Publish[topic="
        + topic
        + ", payload="
        + payload.length
        + " bytes, qos="
        + qos
        + ", retain="
        + retain
        + ", contentType="
        + contentType
        + ", responseTopic="
        + responseTopic
        + ", correlationData="
        + (correlationData == null ? "null" : correlationData.length + " bytes")
        + ", userProperties="
        + userProperties
        + "]";
  }
}
