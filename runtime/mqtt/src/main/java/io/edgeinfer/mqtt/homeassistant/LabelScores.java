package io.edgeinfer.mqtt.homeassistant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The top score of each label in a prediction reply, read from its JSON so that every kind of
 * answer counts the same way: {@code classes} ({@code score}, or {@code probability} of a model
 * card's classifier), {@code detections} ({@code score}), and {@code pixels} of a segmentation (the
 * label's share of the image's pixels). Labels are compared without case.
 */
final class LabelScores {
  private static final JsonFactory JSON = new JsonFactory();

  private LabelScores() {}

  /** Label (lower case) to its highest score; empty when the reply names no labels. */
  static Map<String, Double> of(byte[] reply) {
    Map<String, Double> scores = new HashMap<>();
    try (JsonParser parser = JSON.createParser(reply)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return scores;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ((field.equals("classes") || field.equals("detections"))
            && value == JsonToken.START_ARRAY) {
          readLabelled(parser, scores);
        } else if (field.equals("pixels") && value == JsonToken.START_OBJECT) {
          readPixels(parser, scores);
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException e) {
      // Our own reply, so this does not happen; a partial answer is still an answer.
    }
    return scores;
  }

  /** An array of {@code {"label": ..., "score"|"probability": ...}}. */
  private static void readLabelled(JsonParser parser, Map<String, Double> scores)
      throws IOException {
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      String label = null;
      double score = Double.NaN;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("label") && value == JsonToken.VALUE_STRING) {
          label = parser.getText();
        } else if ((field.equals("score") || field.equals("probability")) && value.isNumeric()) {
          score = parser.getDoubleValue();
        } else {
          parser.skipChildren();
        }
      }
      if (label != null && !Double.isNaN(score)) {
        scores.merge(label.toLowerCase(Locale.ROOT), score, Math::max);
      }
    }
  }

  /** {@code {"label": pixelCount, ...}}: each label's share of all pixels. */
  private static void readPixels(JsonParser parser, Map<String, Double> scores) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    long total = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String label = parser.currentName().toLowerCase(Locale.ROOT);
      JsonToken value = parser.nextToken();
      if (value.isNumeric()) {
        long count = parser.getLongValue();
        counts.merge(label, count, Long::sum);
        total += count;
      } else {
        parser.skipChildren();
      }
    }
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      scores.merge(entry.getKey(), total == 0 ? 0.0 : entry.getValue() / (double) total, Math::max);
    }
  }
}
