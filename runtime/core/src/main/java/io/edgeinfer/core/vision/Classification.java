package io.edgeinfer.core.vision;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * The top classes, best first: {@code {"task":"classify","classes":[{"label":"cheeseburger",
 * "index":934,"score":0.87},...]}}.
 */
public record Classification(List<Category> classes) implements VisionResult {
  public Classification {
    classes = List.copyOf(classes);
  }

  @Override
  public VisionTask task() {
    return VisionTask.CLASSIFY;
  }

  @Override
  public void writeFields(JsonGenerator json) throws IOException {
    json.writeStringField("task", task().label());
    json.writeArrayFieldStart("classes");
    for (Category c : classes) {
      json.writeStartObject();
      c.writeFields(json);
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
