package io.edgeinfer.mqtt;

/**
 * A message taken from a source (an MQTT subscription or a watched folder), as the pipeline sees
 * it. {@code acknowledge} tells the source the message is fully handled: its reply was published or
 * written to the outbox.
 *
 * @param responseTopic the MQTT v5 response topic, or null
 * @param correlationData the MQTT v5 correlation data, or null
 * @param contentType the MQTT v5 content type, or null
 */
public record InboundMessage(
    String topic,
    byte[] payload,
    String contentType,
    String responseTopic,
    byte[] correlationData,
    int qos,
    long receivedNanos,
    Runnable acknowledge) {}
