package io.edgeinfer.mqtt;

/**
 * A message taken from a source (an MQTT subscription or a watched folder), as the pipeline sees
 * it. {@code acknowledge} tells the source the message is fully handled: its reply was published or
 * written to the outbox.
 *
 * @param responseTopic the MQTT v5 response topic, or null
 * @param correlationData the MQTT v5 correlation data, or null
 * @param contentType the MQTT v5 content type, or null
 * @param problem why the message was refused as it arrived (answered with this error, never
 *     decoded), or null
 */
public record InboundMessage(
    String topic,
    byte[] payload,
    String contentType,
    String responseTopic,
    byte[] correlationData,
    int qos,
    long receivedNanos,
    Runnable acknowledge,
    String problem) {

  /** A message taken as it came. */
  public InboundMessage(
      String topic,
      byte[] payload,
      String contentType,
      String responseTopic,
      byte[] correlationData,
      int qos,
      long receivedNanos,
      Runnable acknowledge) {
    this(
        topic,
        payload,
        contentType,
        responseTopic,
        correlationData,
        qos,
        receivedNanos,
        acknowledge,
        null);
  }
}
