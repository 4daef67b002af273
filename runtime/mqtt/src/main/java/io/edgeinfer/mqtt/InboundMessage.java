package io.edgeinfer.mqtt;

/**
 * A message taken from a source (an MQTT subscription or a watched folder), as the pipeline sees
 * it, with the route its answer takes. {@code acknowledge} tells the source the message is fully
 * handled: its reply was published, written to the outbox, or (for a file) written beside it.
 *
 * @param topic the topic it came on ({@code file/NAME} for a watched file): what replies name, what
 *     the output and error topic templates are filled from, and what picks the worker
 * @param contentType the MQTT v5 content type, or null
 * @param route where the answer goes
 * @param problem why the message was refused as it arrived (answered with this error, never
 *     decoded), or null
 */
public record InboundMessage(
    String topic,
    byte[] payload,
    String contentType,
    ReplyRoute route,
    int qos,
    long receivedNanos,
    Runnable acknowledge,
    String problem) {

  public InboundMessage {
    java.util.Objects.requireNonNull(route, "route");
  }

  /** An MQTT message taken as it came, its route from its v5 properties. */
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
        ReplyRoute.ofMqtt(responseTopic, correlationData),
        qos,
        receivedNanos,
        acknowledge,
        null);
  }

  /** The MQTT v5 response topic, or null when the route has none. */
  public String responseTopic() {
    return route instanceof ReplyRoute.ResponseTopic r ? r.responseTopic() : null;
  }

  /** The MQTT v5 correlation data, or null. */
  public byte[] correlationData() {
    return route.correlationData();
  }
}
