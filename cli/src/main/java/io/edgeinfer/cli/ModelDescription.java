package io.edgeinfer.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.core.ModelSummary;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.core.vision.VisionPipeline;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code inspect} shows of a model. Engines report a tensor's name inside their graph under
 * the metadata key {@code graph_name.SIGNATURE.input|output.NAME}; it is shown beside the tensor.
 */
record ModelDescription(
    Path path,
    String engine,
    List<Signature> signatures,
    Map<String, String> metadata,
    VisionPipeline vision) {
  private static final String GRAPH_NAME = "graph_name.";

  static ModelDescription of(ModelSummary summary) {
    return new ModelDescription(
        summary.path(), summary.engine(), summary.signatures(), summary.metadata(), null);
  }

  /** The same, showing what {@code predict} does with an image for this model. */
  ModelDescription withVision(VisionPipeline pipeline) {
    return new ModelDescription(path, engine, signatures, metadata, pipeline);
  }

  String toText() {
    StringBuilder text = new StringBuilder();
    text.append("model: ").append(path).append('\n');
    text.append("engine: ").append(engine).append('\n');
    plainMetadata().forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
    if (vision != null) {
      text.append('\n').append("image input (what predict --input IMAGE applies):\n");
      vision
          .describe()
          .forEach((k, v) -> text.append("  ").append(k).append(": ").append(v).append('\n'));
    }
    for (Signature signature : signatures) {
      text.append('\n').append("signature '").append(signature.name()).append('\'');
      if (!signature.method().isEmpty()) {
        text.append(" (").append(signature.method()).append(')');
      }
      text.append('\n');
      appendTensors(text, signature, "input", signature.inputs());
      appendTensors(text, signature, "output", signature.outputs());
    }
    return text.toString();
  }

  private void appendTensors(
      StringBuilder text, Signature signature, String direction, List<TensorSpec> specs) {
    text.append("  ").append(direction).append("s:\n");
    for (TensorSpec spec : specs) {
      text.append(
          String.format(
              "    %-16s %-8s %-16s",
              spec.name(), spec.dataType().label(), spec.shape().toString()));
      String graphName = graphName(signature, direction, spec);
      if (graphName != null) {
        text.append(" graph tensor ").append(graphName);
      }
      text.append('\n');
    }
  }

  String toJson() {
    StringWriter buffer = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(buffer)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("path", path.toString());
      json.writeStringField("engine", engine);
      json.writeObjectFieldStart("metadata");
      for (Map.Entry<String, String> entry : plainMetadata().entrySet()) {
        json.writeFieldName(entry.getKey());
        MetadataValue.write(json, entry.getValue());
      }
      json.writeEndObject();
      json.writeArrayFieldStart("signatures");
      for (Signature signature : signatures) {
        json.writeStartObject();
        json.writeStringField("name", signature.name());
        json.writeStringField("method", signature.method());
        writeTensors(json, signature, "input", signature.inputs());
        writeTensors(json, signature, "output", signature.outputs());
        json.writeEndObject();
      }
      json.writeEndArray();
      if (vision != null) {
        json.writeObjectFieldStart("vision");
        json.writeStringField("task", vision.task().label());
        json.writeStringField("labels", vision.describe().getOrDefault("labels", "none"));
        json.writeFieldName("preprocessing");
        vision.preprocessing().writeJson(json);
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer + "\n";
  }

  private void writeTensors(
      JsonGenerator json, Signature signature, String direction, List<TensorSpec> specs)
      throws IOException {
    json.writeArrayFieldStart(direction + "s");
    for (TensorSpec spec : specs) {
      json.writeStartObject();
      json.writeStringField("name", spec.name());
      json.writeStringField("dtype", spec.dataType().label());
      json.writeBooleanField("unknown_rank", spec.shape().isUnknownRank());
      json.writeFieldName("shape");
      if (spec.shape().isUnknownRank()) {
        json.writeNull();
      } else {
        json.writeArray(spec.shape().dims(), 0, spec.shape().rank());
      }
      String graphName = graphName(signature, direction, spec);
      if (graphName != null) {
        json.writeStringField("graph_name", graphName);
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private String graphName(Signature signature, String direction, TensorSpec spec) {
    return metadata.get(GRAPH_NAME + signature.name() + "." + direction + "." + spec.name());
  }

  private Map<String, String> plainMetadata() {
    Map<String, String> plain = new TreeMap<>();
    metadata.forEach(
        (k, v) -> {
          // An engine may report a field it could not fill (a SavedModel written by TF Java has no
          // tensorflow_version): left out rather than shown empty.
          if (!k.startsWith(GRAPH_NAME) && !v.isBlank()) {
            plain.put(k, v);
          }
        });
    return plain;
  }
}
