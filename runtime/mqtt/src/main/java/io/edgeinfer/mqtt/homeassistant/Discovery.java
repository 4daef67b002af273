package io.edgeinfer.mqtt.homeassistant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.mqtt.publish.Publish;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The retained discovery config of one service: per label a {@code binary_sensor} and a {@code
 * sensor} on {@code PREFIX/COMPONENT/NODE/OBJECT/config}, all of one device (the service), each
 * reading its value from the shared state topic and its availability from the service's status
 * topic (its {@code state} field, which the broker's last will sets to {@code offline}).
 */
public final class Discovery {
  private static final JsonFactory JSON = new JsonFactory();
  static final String ON = "ON";
  static final String OFF = "OFF";

  private final HomeAssistantSettings settings;
  private final String nodeId;
  private final String statusTopic;
  private final String stateTopic;
  private final String modelName;
  private final String version;
  private final Map<String, String> objectIds = new HashMap<>();

  /**
   * @param clientId the service's MQTT client id: the device's identity in Home Assistant
   * @param statusTopic the service's retained {@code {"state": "online"|"offline", ...}} topic
   * @param modelName the device's model, as Home Assistant shows it: the served model's file
   * @param version edgeinfer's version: the device's and the origin's software version
   */
  public Discovery(
      HomeAssistantSettings settings,
      String clientId,
      String statusTopic,
      String modelName,
      String version) {
    this.settings = settings;
    this.nodeId = ObjectIds.of(clientId);
    this.statusTopic = statusTopic;
    this.stateTopic = statusTopic + "/homeassistant";
    this.modelName = modelName;
    this.version = version;
    Map<String, String> labelOfId = new HashMap<>();
    for (String label : settings.labels()) {
      String id = ObjectIds.of(label);
      String earlier = labelOfId.putIfAbsent(id, label);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "expected labels that stay apart as Home Assistant ids ([a-z0-9_-]), found '"
                + earlier
                + "' and '"
                + label
                + "', both '"
                + id
                + "'");
      }
      objectIds.put(label, id);
    }
  }

  public HomeAssistantSettings settings() {
    return settings;
  }

  /** Where the retained state of every entity goes after each prediction. */
  public String stateTopic() {
    return stateTopic;
  }

  /** The config messages, retained at QoS 1: a binary sensor and a sensor per label. */
  public List<Publish> configs() {
    List<Publish> messages = new ArrayList<>();
    for (String label : settings.labels()) {
      messages.add(retained(topic("binary_sensor", label, "detected"), binarySensor(label)));
      messages.add(retained(topic("sensor", label, "score"), sensor(label)));
    }
    return messages;
  }

  /** {@code PREFIX/COMPONENT/NODE/LABEL_SUFFIX/config}. */
  String topic(String component, String label, String suffix) {
    return settings.discoveryPrefix()
        + "/"
        + component
        + "/"
        + nodeId
        + "/"
        + objectIds.get(label)
        + "_"
        + suffix
        + "/config";
  }

  private byte[] binarySensor(String label) {
    return config(
        label,
        "detected",
        json -> {
          json.writeStringField("name", label);
          json.writeStringField("value_template", template("detected", label));
          json.writeStringField("payload_on", ON);
          json.writeStringField("payload_off", OFF);
        });
  }

  private byte[] sensor(String label) {
    return config(
        label,
        "score",
        json -> {
          json.writeStringField("name", label + " score");
          json.writeStringField("value_template", template("score", label));
          json.writeStringField("state_class", "measurement");
          json.writeNumberField("suggested_display_precision", 2);
        });
  }

  /**
   * A Jinja template reading one label's field of the state message; the label is written as a JSON
   * string literal, which Jinja reads the same, so that any label is safe in it.
   */
  private static String template(String field, String label) {
    return "{{ value_json." + field + "[" + jsonString(label) + "] }}";
  }

  private interface Fields {
    void write(JsonGenerator json) throws IOException;
  }

  private byte[] config(String label, String suffix, Fields fields) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      fields.write(json);
      json.writeStringField(
          "unique_id", "edgeinfer_" + nodeId + "_" + objectIds.get(label) + "_" + suffix);
      json.writeStringField("state_topic", stateTopic);
      json.writeArrayFieldStart("availability");
      json.writeStartObject();
      json.writeStringField("topic", statusTopic);
      json.writeStringField("value_template", "{{ value_json.state }}");
      json.writeStringField("payload_available", "online");
      json.writeStringField("payload_not_available", "offline");
      json.writeEndObject();
      json.writeEndArray();
      json.writeObjectFieldStart("device");
      json.writeArrayFieldStart("identifiers");
      json.writeString("edgeinfer_" + nodeId);
      json.writeEndArray();
      json.writeStringField("name", "edgeinfer " + nodeId);
      json.writeStringField("manufacturer", "edgeinfer");
      json.writeStringField("model", modelName);
      json.writeStringField("sw_version", version);
      json.writeEndObject();
      json.writeObjectFieldStart("origin");
      json.writeStringField("name", "edgeinfer");
      json.writeStringField("sw_version", version);
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Publish retained(String topic, byte[] payload) {
    return new Publish(topic, payload, 1, true, "application/json", null, null, List.of());
  }

  private static String jsonString(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
