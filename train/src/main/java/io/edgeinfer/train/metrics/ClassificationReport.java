package io.edgeinfer.train.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Classification metrics.
 *
 * @param loss mean cross-entropy of the true classes' probabilities, NaN if none were given
 * @param perClass one entry per label, in label order
 * @param macroF1 the unweighted mean of the classes' F1, so that small classes count as much as
 *     large ones
 * @param confusion counts indexed {@code [truth][predicted]}
 */
public record ClassificationReport(
    double loss,
    double accuracy,
    List<ClassMetrics> perClass,
    double macroF1,
    int[][] confusion,
    List<String> labels) {
  /** Probabilities are clamped up to this, so that a confident mistake costs ln(1e7), not inf. */
  private static final double MIN_PROBABILITY = 1e-7;

  public ClassificationReport {
    perClass = List.copyOf(perClass);
    labels = List.copyOf(labels);
  }

  /**
   * Computes the report. Precision of a class never predicted is 0, as is recall of a class absent
   * from {@code truth}, and F1 when precision + recall is 0 (scikit-learn's zero_division=0).
   *
   * @param truth the true class id (an index into {@code labels}) of each row
   * @param predicted the predicted class id of each row
   * @param probabilities each row's probability per class, or null (then the loss is NaN)
   */
  public static ClassificationReport of(
      int[] truth, int[] predicted, List<String> labels, float[][] probabilities) {
    int n = truth.length;
    int k = labels.size();
    if (predicted.length != n || (probabilities != null && probabilities.length != n)) {
      throw new IllegalArgumentException(
          "expected one prediction per row, found "
              + n
              + " rows, "
              + predicted.length
              + " predictions"
              + (probabilities == null
                  ? ""
                  : " and " + probabilities.length + " probability rows"));
    }
    if (n == 0) {
      throw new IllegalArgumentException("expected at least one row to evaluate, found none");
    }
    int[][] confusion = new int[k][k];
    int correct = 0;
    for (int i = 0; i < n; i++) {
      confusion[classId(truth[i], k, i)][classId(predicted[i], k, i)]++;
      correct += truth[i] == predicted[i] ? 1 : 0;
    }
    List<ClassMetrics> perClass = new ArrayList<>(k);
    double f1Sum = 0;
    for (int c = 0; c < k; c++) {
      int predictedAs = 0;
      int support = 0;
      for (int other = 0; other < k; other++) {
        predictedAs += confusion[other][c];
        support += confusion[c][other];
      }
      int hits = confusion[c][c];
      double precision = predictedAs == 0 ? 0 : (double) hits / predictedAs;
      double recall = support == 0 ? 0 : (double) hits / support;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      perClass.add(new ClassMetrics(labels.get(c), precision, recall, f1, support));
      f1Sum += f1;
    }
    double loss = probabilities == null ? Double.NaN : crossEntropy(truth, probabilities, k);
    return new ClassificationReport(
        loss, (double) correct / n, perClass, f1Sum / k, confusion, labels);
  }

  /** The number of rows evaluated. */
  public int count() {
    int count = 0;
    for (int[] row : confusion) {
      for (int cell : row) {
        count += cell;
      }
    }
    return count;
  }

  /**
   * A readable table: accuracy, loss, macro F1, then precision, recall, F1 and support per class,
   * then the confusion matrix with truth down the side and predictions across the top.
   */
  public String toText() {
    return ClassificationText.render(this);
  }

  /**
   * An object with {@code count}, {@code accuracy}, {@code loss} (null when not known), {@code
   * macro_f1}, {@code labels}, {@code per_class} (label, precision, recall, f1, support) and {@code
   * confusion} (rows: truth, columns: predicted).
   */
  public void writeJson(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeNumberField("count", count());
    Numbers.writeNumber(json, "accuracy", accuracy);
    Numbers.writeNumber(json, "loss", loss);
    Numbers.writeNumber(json, "macro_f1", macroF1);
    json.writeArrayFieldStart("labels");
    for (String label : labels) {
      json.writeString(label);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("per_class");
    for (ClassMetrics metrics : perClass) {
      json.writeStartObject();
      json.writeStringField("label", metrics.label());
      Numbers.writeNumber(json, "precision", metrics.precision());
      Numbers.writeNumber(json, "recall", metrics.recall());
      Numbers.writeNumber(json, "f1", metrics.f1());
      json.writeNumberField("support", metrics.support());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("confusion");
    for (int[] row : confusion) {
      json.writeArray(row, 0, row.length);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static double crossEntropy(int[] truth, float[][] probabilities, int k) {
    double sum = 0;
    for (int i = 0; i < truth.length; i++) {
      if (probabilities[i].length != k) {
        throw new IllegalArgumentException(
            "expected "
                + k
                + " probabilities per row, found "
                + probabilities[i].length
                + " at row "
                + (i + 1));
      }
      double p = Math.min(1, Math.max(MIN_PROBABILITY, probabilities[i][truth[i]]));
      sum -= Math.log(p);
    }
    return sum / truth.length;
  }

  private static int classId(int id, int k, int row) {
    if (id < 0 || id >= k) {
      throw new IllegalArgumentException(
          "expected a class id in 0.." + (k - 1) + ", found " + id + " at row " + (row + 1));
    }
    return id;
  }
}
