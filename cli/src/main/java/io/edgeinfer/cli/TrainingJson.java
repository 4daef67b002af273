package io.edgeinfer.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.train.TrainingResult;
import io.edgeinfer.train.report.EpochSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code train --json}: what the text report says, as one JSON document. */
final class TrainingJson {
  private TrainingJson() {}

  static void print(
      PrintWriter out, Path data, Path model, int rows, TrainingResult result, EpochSummary epochs)
      throws IOException {
    try (JsonGenerator json = JsonReports.open(out)) {
      json.writeStartObject();
      json.writeStringField("model", model.toString());
      json.writeStringField("data", data.toString());
      json.writeNumberField("rows", rows);
      json.writeNumberField("features", result.featureCount());
      json.writeObjectFieldStart("epochs");
      json.writeNumberField("run", epochs.run());
      json.writeNumberField("cap", epochs.cap());
      json.writeBooleanField("stopped_early", epochs.stoppedEarly());
      json.writeNumberField("best", epochs.best());
      json.writeStringField("watched", epochs.watched().replace(' ', '_'));
      json.writeNumberField("best_loss", epochs.bestLoss());
      json.writeEndObject();
      json.writeNumberField("train_rows", result.trainRows());
      json.writeNumberField("validation_rows", result.validationRows());
      json.writeNumberField("test_rows", result.testRows());
      json.writeNumberField("seconds", result.trainingSeconds());
      if (result.classificationTest() != null) {
        json.writeFieldName("test");
        result.classificationTest().writeJson(json);
      } else if (result.regressionTest() != null) {
        json.writeFieldName("test");
        result.regressionTest().writeJson(json);
      }
      json.writeEndObject();
    }
    out.println();
    out.flush();
  }
}
