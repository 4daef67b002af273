package io.edgeinfer.core.vision;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** One object found: its class and where it is, in the original image's pixels. */
public record Detection(Category category, Box box) {

  void writeJson(JsonGenerator json) throws IOException {
    json.writeStartObject();
    category.writeFields(json);
    json.writeObjectFieldStart("box");
    json.writeNumberField("x", box.x());
    json.writeNumberField("y", box.y());
    json.writeNumberField("width", box.width());
    json.writeNumberField("height", box.height());
    json.writeEndObject();
    json.writeEndObject();
  }
}
