package io.edgeinfer.core.vision;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A vision model's answer for one image. The same JSON goes out of {@code predict}, {@code serve}
 * replies and {@code --watch} result files: an object starting with {@code "task"}.
 */
public sealed interface VisionResult permits Classification, Detections, Segmentation, RawOutputs {
  VisionTask task();

  /** Writes the fields ({@code "task"} first) into an object the caller has opened. */
  void writeFields(JsonGenerator json) throws IOException;

  /** Writes the result as one JSON object. */
  default void writeJson(JsonGenerator json) throws IOException {
    json.writeStartObject();
    writeFields(json);
    json.writeEndObject();
  }

  /** The result as one line of JSON. */
  default String toJson() {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      writeJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
