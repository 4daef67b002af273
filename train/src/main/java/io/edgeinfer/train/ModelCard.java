package io.edgeinfer.train;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.train.data.NormalizationMode;
import io.edgeinfer.train.report.EpochRecord;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The metadata JSON written beside a trained model ({@value #FILE_NAME}): what it takes and gives,
 * how inputs are normalized inside it, which data and settings made it, and how well it did.
 * Engines and {@code serve} read the class labels from it.
 */
public final class ModelCard {
  public static final String FILE_NAME = io.edgeinfer.core.ModelCard.FILE_NAME;

  private ModelCard() {}

  public static void write(TrainingResult result, Path file) throws IOException {
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        JsonGenerator json = new JsonFactory().createGenerator(writer)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("edgeinfer_version", version());
      TrainingConfig config = result.config();
      json.writeStringField("task", config.task().label());
      json.writeNumberField("feature_count", result.featureCount());
      json.writeStringField("input", InferenceExport.INPUT);
      if (result.classLabels() != null) {
        json.writeArrayFieldStart("class_labels");
        for (int id = 0; id < result.classLabels().count(); id++) {
          json.writeString(result.classLabels().name(id));
        }
        json.writeEndArray();
      }
      writeNormalization(json, result);
      writeData(json, result);
      writeConfig(json, config);
      writeMetrics(json, result);
      json.writeEndObject();
    }
  }

  private static void writeNormalization(JsonGenerator json, TrainingResult result)
      throws IOException {
    json.writeObjectFieldStart("normalization");
    NormalizationMode mode = result.normalization().mode();
    json.writeStringField("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
    json.writeStringField("formula", "(x - shift) * multiplier, inside the model");
    float[] shift = result.normalization().shift();
    float[] multiplier = result.normalization().multiplier();
    json.writeFieldName("shift");
    writeFloats(json, shift);
    json.writeFieldName("multiplier");
    writeFloats(json, multiplier);
    json.writeEndObject();
  }

  private static void writeData(JsonGenerator json, TrainingResult result) throws IOException {
    json.writeObjectFieldStart("data");
    json.writeStringField("source", result.dataSource());
    json.writeStringField("sha256", result.dataSha256());
    json.writeNumberField("train_rows", result.trainRows());
    json.writeNumberField("validation_rows", result.validationRows());
    json.writeNumberField("test_rows", result.testRows());
    json.writeEndObject();
  }

  private static void writeConfig(JsonGenerator json, TrainingConfig config) throws IOException {
    json.writeObjectFieldStart("training");
    json.writeFieldName("layers");
    int[] layers = config.layers();
    json.writeArray(layers, 0, layers.length);
    json.writeStringField("activation", config.activation().label());
    json.writeNumberField("epochs", config.epochs());
    json.writeNumberField("batch_size", config.batchSize());
    json.writeStringField("optimizer", config.optimizer().label());
    json.writeNumberField("learning_rate", config.learningRate());
    json.writeStringField("loss", config.loss().resolve(config.task()).label());
    json.writeNumberField("l2", config.l2());
    json.writeNumberField("validation_split", config.validationSplit());
    json.writeNumberField("test_split", config.testSplit());
    json.writeNumberField("seed", config.seed());
    json.writeNumberField("early_stopping_patience", config.earlyStoppingPatience());
    json.writeEndObject();
  }

  private static void writeMetrics(JsonGenerator json, TrainingResult result) throws IOException {
    json.writeObjectFieldStart("metrics");
    List<EpochRecord> epochs = result.history().epochs();
    EpochRecord last = epochs.get(epochs.size() - 1);
    json.writeNumberField("epochs_run", epochs.size());
    writeNumber(json, "loss", last.loss());
    writeNumber(json, "accuracy", last.accuracy());
    writeNumber(json, "val_loss", last.validationLoss());
    writeNumber(json, "val_accuracy", last.validationAccuracy());
    json.writeNumberField("samples_per_second", Math.round(result.samplesPerSecond()));
    if (result.classificationTest() != null) {
      json.writeFieldName("test");
      result.classificationTest().writeJson(json);
    }
    if (result.regressionTest() != null) {
      json.writeFieldName("test");
      result.regressionTest().writeJson(json);
    }
    json.writeEndObject();
  }

  private static void writeNumber(JsonGenerator json, String name, double value)
      throws IOException {
    if (Double.isFinite(value)) {
      json.writeNumberField(name, value);
    }
  }

  private static void writeFloats(JsonGenerator json, float[] values) throws IOException {
    json.writeStartArray();
    for (float value : values) {
      json.writeNumber(value);
    }
    json.writeEndArray();
  }

  /** The version in the train jar's manifest; {@code dev} when run from classes. */
  static String version() {
    String version = ModelCard.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
