package io.edgeinfer.mqtt.homeassistant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The state every entity reads: {@code {"detected": {"person": "ON", ...}, "score": {"person":
 * 0.87, ...}, "topic": "cameras/door"}}. A label the prediction does not name scores 0.
 */
final class StateMessage {
  private static final JsonFactory JSON = new JsonFactory();

  private StateMessage() {}

  static byte[] of(HomeAssistantSettings settings, Map<String, Double> scores, String topic) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeObjectFieldStart("detected");
      for (String label : settings.labels()) {
        boolean on = score(scores, label) >= settings.threshold();
        json.writeStringField(label, on ? Discovery.ON : Discovery.OFF);
      }
      json.writeEndObject();
      json.writeObjectFieldStart("score");
      for (String label : settings.labels()) {
        // Rounded: Home Assistant keeps a history of every distinct value.
        json.writeNumberField(label, Math.round(score(scores, label) * 10_000) / 10_000.0);
      }
      json.writeEndObject();
      json.writeStringField("topic", topic);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static double score(Map<String, Double> scores, String label) {
    return scores.getOrDefault(label.toLowerCase(Locale.ROOT), 0.0);
  }
}
