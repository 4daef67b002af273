package io.edgeinfer.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.OutputEncoder;
import io.edgeinfer.core.codec.RequestId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The JSON that {@code serve} publishes: a prediction, or an error that says what was wrong. */
final class ReplyEncoder {
  /**
   * Floats written by Jackson's Schubfach: the shortest text that reads back the same, as {@link
   * Float#toString} means to be, several times faster than the JDK 17 one.
   */
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  private final ModelInfo model;
  private final Signature signature;

  ReplyEncoder(ModelInfo model, Signature signature) {
    this.model = model;
    this.signature = signature;
  }

  /**
   * {@code {"id"?, "topic", "model", "model_version", "edgeinfer_version", "predictions" |
   * "outputs", "classes"?, "timings_ms"}}: {@code id} as the request wrote it (a number stays a
   * number); {@code model_version} the model's own (null when it declares none); {@code classes}
   * gives the top class label and its probability per instance when the model card has labels.
   */
  byte[] prediction(
      String topic,
      RequestId id,
      boolean columnar,
      Map<String, Tensor> outputs,
      double queueMs,
      double inferenceMs,
      double totalMs) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      writeId(json, id);
      json.writeStringField("topic", topic);
      json.writeStringField("model", model.name());
      json.writeStringField("model_version", model.version());
      json.writeStringField("edgeinfer_version", model.edgeinferVersion());
      OutputEncoder.writePredictionsField(json, outputs, signature, columnar);
      writeClasses(json, outputs);
      json.writeObjectFieldStart("timings_ms");
      json.writeNumberField("queue", round(queueMs));
      json.writeNumberField("inference", round(inferenceMs));
      json.writeNumberField("total", round(totalMs));
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** {@code {"error", "topic", "id"?, "model"}}. */
  byte[] error(String topic, RequestId id, String message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      json.writeStartObject();
      json.writeStringField("error", message);
      json.writeStringField("topic", topic);
      writeId(json, id);
      json.writeStringField("model", model.name());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The id with its JSON type: a number as the sender wrote it, a string as a string. */
  private static void writeId(JsonGenerator json, RequestId id) throws IOException {
    if (id == null) {
      return;
    }
    json.writeFieldName("id");
    if (id.number()) {
      json.writeNumber(id.text()); // the parser's own text of a number token: valid JSON as is
    } else {
      json.writeString(id.text());
    }
  }

  private void writeClasses(JsonGenerator json, Map<String, Tensor> outputs) throws IOException {
    if (model.classLabels().isEmpty()) {
      return;
    }
    Tensor probabilities = probabilities(outputs);
    if (probabilities == null) {
      return;
    }
    int rows = probabilities.shape().dim(0);
    int classes = probabilities.shape().dim(1);
    float[] values = probabilities.toFloatArray();
    json.writeArrayFieldStart("classes");
    for (int r = 0; r < rows; r++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (values[r * classes + c] > values[r * classes + best]) {
          best = c;
        }
      }
      json.writeStartObject();
      json.writeStringField("label", model.classLabels().get(best));
      json.writeNumberField("probability", values[r * classes + best]);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** The float output of shape [rows, labels]: {@code probabilities} when it has that name. */
  private Tensor probabilities(Map<String, Tensor> outputs) {
    Tensor named = outputs.get("probabilities");
    if (fits(named)) {
      return named;
    }
    for (Tensor tensor : outputs.values()) {
      if (fits(tensor)) {
        return tensor;
      }
    }
    return null;
  }

  private boolean fits(Tensor tensor) {
    if (tensor == null || !tensor.dataType().isFloatingPoint()) {
      return false;
    }
    Shape shape = tensor.shape();
    return shape.rank() == 2 && shape.dim(1) == model.classLabels().size();
  }

  private static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }
}
