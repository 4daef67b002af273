package io.edgeinfer.core.vision;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A class the model scored.
 *
 * @param label the class's label, or null when the model has no labels (then the JSON leaves {@code
 *     "label"} out)
 * @param index the class's index in the model's output
 * @param score its score as the model gives it (a probability for most classifiers)
 */
public record Category(String label, int index, float score) {

  /** Writes {@code "label"} (when known), {@code "index"} and {@code "score"}. */
  void writeFields(JsonGenerator json) throws IOException {
    if (label != null) {
      json.writeStringField("label", label);
    }
    json.writeNumberField("index", index);
    json.writeNumberField("score", score);
  }
}
