package io.edgeinfer.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code edgeinfer train} records beside a model ({@value #FILE_NAME} in its folder, and
 * inside the {@code .tflite} files {@code train} and {@code quantize} write) that serving and
 * evaluation need: the task and the class labels. Models made elsewhere have none.
 *
 * @param task {@code classification} or {@code regression}
 * @param classLabels the label of each class id, empty for regression
 */
public record ModelCard(String task, List<String> classLabels) {
  public static final String FILE_NAME = "edgeinfer-model.json";

  public ModelCard {
    classLabels = List.copyOf(classLabels);
  }

  public boolean isClassification() {
    return task.equals("classification");
  }

  /**
   * The metadata key under which an engine gives the card a model file carries inside itself (a
   * {@code .tflite} written by {@code train} or {@code quantize}).
   */
  public static final String METADATA_KEY = "model_card";

  /**
   * The card of a loaded model: the one inside the model file (metadata {@value #METADATA_KEY}),
   * else {@value #FILE_NAME} in its folder ({@link #read}).
   */
  public static Optional<ModelCard> of(Model model) throws ModelException {
    String inside = model.metadata().get(METADATA_KEY);
    if (inside != null) {
      return Optional.of(parse(inside, "the model card inside " + model.path()));
    }
    return read(model.path());
  }

  /**
   * The card of a model folder, or of a model file ({@value #FILE_NAME} beside it, where {@code
   * train} writes {@code model.tflite}), if there is one.
   */
  public static Optional<ModelCard> read(Path model) throws ModelException {
    Path folder = Files.isDirectory(model) ? model : model.toAbsolutePath().getParent();
    Path file = folder == null ? null : folder.resolve(FILE_NAME);
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(Files.readString(file), file.toString()));
    } catch (IOException e) {
      throw new MalformedModelException(
          "expected a readable " + FILE_NAME + " in " + model + ", found: " + e.getMessage(), e);
    }
  }

  /**
   * The card as compact JSON: the task and class labels only (what a model file carries inside
   * itself; the full card beside a trained model also records data, settings and metrics).
   */
  public String toJson() {
    java.io.StringWriter text = new java.io.StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("task", task);
      if (!classLabels.isEmpty()) {
        json.writeArrayFieldStart("class_labels");
        for (String label : classLabels) {
          json.writeString(label);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to a string failed", e);
    }
    return text.toString();
  }

  /** A card from its JSON text; {@code source} names where it came from in errors. */
  public static ModelCard parse(String text, String source) throws MalformedModelException {
    String task = null;
    List<String> labels = new ArrayList<>();
    try (JsonParser json = new JsonFactory().createParser(text)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedModelException("expected a JSON object in " + source);
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("task") && value == JsonToken.VALUE_STRING) {
          task = json.getText();
        } else if (field.equals("class_labels") && value == JsonToken.START_ARRAY) {
          while (json.nextToken() != JsonToken.END_ARRAY) {
            labels.add(json.getText());
          }
        } else {
          json.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new MalformedModelException(
          "expected readable JSON in " + source + ", found: " + e.getMessage(), e);
    }
    if (task == null) {
      throw new MalformedModelException("expected a \"task\" in " + source + ", found none");
    }
    return new ModelCard(task, labels);
  }
}
