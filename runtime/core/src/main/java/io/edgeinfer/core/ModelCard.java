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
 * What {@code edgeinfer train} records beside a model ({@value #FILE_NAME} in its folder) that
 * serving and evaluation need: the task and the class labels. Models made elsewhere have none.
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

  /** The card of a model folder, if it has one. */
  public static Optional<ModelCard> read(Path model) throws ModelException {
    Path file = Files.isDirectory(model) ? model.resolve(FILE_NAME) : null;
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String task = null;
    List<String> labels = new ArrayList<>();
    try (JsonParser json = new JsonFactory().createParser(file.toFile())) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedModelException("expected a JSON object in " + file);
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
          "expected a readable " + FILE_NAME + " in " + model + ", found: " + e.getMessage(), e);
    }
    if (task == null) {
      throw new MalformedModelException("expected a \"task\" in " + file + ", found none");
    }
    return Optional.of(new ModelCard(task, labels));
  }
}
