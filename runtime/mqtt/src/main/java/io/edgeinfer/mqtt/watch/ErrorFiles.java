package io.edgeinfer.mqtt.watch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The error file for an input that never reached the pipeline (an image that cannot be read): the
 * same {@code {"error", "topic"}} fields as the pipeline's error replies.
 */
final class ErrorFiles {
  private static final JsonFactory JSON = new JsonFactory();

  private ErrorFiles() {}

  static void write(Path dir, String name, String message) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("error", message);
      json.writeStringField("topic", WatchedFiles.topic(name));
      json.writeEndObject();
    }
    Answers.write(dir, name, bytes.toByteArray(), true);
  }
}
