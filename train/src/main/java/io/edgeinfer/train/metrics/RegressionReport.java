package io.edgeinfer.train.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Regression metrics: mean squared error, mean absolute error and R², over {@code count} rows. */
public record RegressionReport(double mse, double mae, double r2, int count) {

  public static RegressionReport of(float[] truth, float[] predicted) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException(
          "expected one prediction per row, found "
              + truth.length
              + " rows and "
              + predicted.length
              + " predictions");
    }
    if (truth.length == 0) {
      throw new IllegalArgumentException("expected at least one row to evaluate, found none");
    }
    int n = truth.length;
    double mean = 0;
    for (float t : truth) {
      mean += t;
    }
    mean /= n;
    double squares = 0;
    double absolutes = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double error = (double) truth[i] - predicted[i];
      squares += error * error;
      absolutes += Math.abs(error);
      total += (truth[i] - mean) * (truth[i] - mean);
    }
    // R² is undefined for a constant target; like scikit-learn, 1 for a perfect fit, else 0.
    double r2 = total > 0 ? 1 - squares / total : squares == 0 ? 1 : 0;
    return new RegressionReport(squares / n, absolutes / n, r2, n);
  }

  /** One line, such as {@code mse 0.0250 mae 0.1500 r2 0.9500 (4 rows)}. */
  public String toText() {
    return "mse "
        + Numbers.format(mse)
        + "  mae "
        + Numbers.format(mae)
        + "  r2 "
        + Numbers.format(r2)
        + "  ("
        + count
        + (count == 1 ? " row)" : " rows)");
  }

  /** An object {@code {"count": ..., "mse": ..., "mae": ..., "r2": ...}}. */
  public void writeJson(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeNumberField("count", count);
    Numbers.writeNumber(json, "mse", mse);
    Numbers.writeNumber(json, "mae", mae);
    Numbers.writeNumber(json, "r2", r2);
    json.writeEndObject();
  }
}
