package io.edgeinfer.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.edgeinfer.core.vision.VisionResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON that answers an image: the envelope of every {@code serve} reply ({@code id}, {@code
 * topic}, {@code model}, {@code model_version}, {@code edgeinfer_version}) around the vision
 * result's own fields, as {@code predict} writes them ({@code "task"} first), and the timings with
 * decoding apart.
 */
final class VisionReplyEncoder {
  /** A segmentation mask PNG up to this size goes inline, base64, in an MQTT reply. */
  static final int MAX_INLINE_MASK_BYTES = 64 * 1024;

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  private final ModelInfo model;

  VisionReplyEncoder(ModelInfo model) {
    this.model = model;
  }

  /**
   * @param decodeMs reading the image's bytes into pixels
   * @param inferenceMs preparing the input, running the model and reading its answer
   */
  record Timings(double queueMs, double decodeMs, double inferenceMs, double totalMs) {}

  /**
   * {@code {"id"?, "topic", "model", "model_version", "edgeinfer_version", "task", ...,
   * "mask_png_base64"? | "mask_not_sent"?, "timings_ms"}}.
   */
  byte[] prediction(
      String topic,
      String id,
      VisionResult result,
      byte[] inlineMask,
      String maskNotSent,
      Timings timings) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      if (id != null) {
        json.writeStringField("id", id);
      }
      json.writeStringField("topic", topic);
      json.writeStringField("model", model.name());
      json.writeStringField("model_version", model.version());
      json.writeStringField("edgeinfer_version", model.edgeinferVersion());
      result.writeFields(json);
      if (inlineMask != null) {
        json.writeFieldName("mask_png_base64");
        json.writeBinary(inlineMask);
      }
      if (maskNotSent != null) {
        json.writeStringField("mask_not_sent", maskNotSent);
      }
      json.writeObjectFieldStart("timings_ms");
      json.writeNumberField("queue", round(timings.queueMs()));
      json.writeNumberField("decode", round(timings.decodeMs()));
      json.writeNumberField("inference", round(timings.inferenceMs()));
      json.writeNumberField("total", round(timings.totalMs()));
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }
}
