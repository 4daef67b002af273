package io.edgeinfer.core.vision;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * The objects found, best first, with boxes in the original image's pixels: {@code
 * {"task":"detect","image":{"width":W,"height":H},"detections":[{"label":"cat","index":16,
 * "score":0.72,"box":{"x":..,"y":..,"width":..,"height":..}}]}}.
 */
public record Detections(int imageWidth, int imageHeight, List<Detection> detections)
    implements VisionResult {
  public Detections {
    detections = List.copyOf(detections);
  }

  @Override
  public VisionTask task() {
    return VisionTask.DETECT;
  }

  @Override
  public void writeFields(JsonGenerator json) throws IOException {
    json.writeStringField("task", task().label());
    json.writeObjectFieldStart("image");
    json.writeNumberField("width", imageWidth);
    json.writeNumberField("height", imageHeight);
    json.writeEndObject();
    json.writeArrayFieldStart("detections");
    for (Detection d : detections) {
      d.writeJson(json);
    }
    json.writeEndArray();
  }
}
