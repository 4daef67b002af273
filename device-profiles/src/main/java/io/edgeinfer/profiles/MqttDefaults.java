package io.edgeinfer.profiles;

/**
 * What {@code serve} uses for MQTT unless told otherwise.
 *
 * @param qos the QoS of subscriptions and replies
 * @param outboxMaxMessages replies kept on disk while the broker is away
 * @param outboxMaxMb the outbox's size limit (SD cards are small and wear out)
 */
public record MqttDefaults(int qos, int outboxMaxMessages, int outboxMaxMb) {
  public MqttDefaults {
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("field 'mqtt.qos': expected 0, 1 or 2, found " + qos);
    }
    if (outboxMaxMessages < 1) {
      throw new IllegalArgumentException(
          "field 'mqtt.outbox-max-messages': expected a whole number >= 1, found "
              + outboxMaxMessages);
    }
    if (outboxMaxMb < 1) {
      throw new IllegalArgumentException(
          "field 'mqtt.outbox-max-mb': expected a whole number >= 1, found " + outboxMaxMb);
    }
  }
}
