package io.edgeinfer.train;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelCard;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.train.data.DataException;
import io.edgeinfer.train.data.Dataset;
import io.edgeinfer.train.metrics.ClassificationReport;
import io.edgeinfer.train.metrics.RegressionReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scores any loadable model on labelled data. The task and class labels come from the model card
 * when there is one; otherwise an output of shape [-1, k] with k ≥ 2 means classification (class
 * ids 0..k-1), and [-1] or [-1, 1] regression.
 */
public final class Evaluator {
  private static final int BATCH = 256;

  private Evaluator() {}

  public static Evaluation evaluate(Model model, String signatureName, Dataset data)
      throws ModelException {
    Optional<ModelCard> card = ModelCard.of(model);
    try (Predictor predictor = model.predictor(signatureName)) {
      Signature signature = predictor.signature();
      TensorSpec input = singleFloatInput(signature, data);
      boolean classification =
          card.map(ModelCard::isClassification).orElseGet(() -> classOutput(signature) != null);
      TensorSpec output = classification ? classOutput(signature) : valueOutput(signature);
      if (output == null) {
        throw new IllegalArgumentException(
            "expected an output of shape "
                + (classification ? "[-1, classes]" : "[-1] or [-1, 1]")
                + " to evaluate, found "
                + signature.outputs());
      }
      float[][] results = predictAll(predictor, input.name(), output.name(), data);
      if (!classification) {
        float[] predicted = new float[results.length];
        for (int r = 0; r < results.length; r++) {
          predicted[r] = results[r][0];
        }
        return new Evaluation(
            Task.REGRESSION,
            null,
            RegressionReport.of(data.labels(), predicted),
            output.name(),
            List.of());
      }
      int classes = results[0].length;
      List<String> labels = card.map(ModelCard::classLabels).orElse(List.of());
      List<String> warnings = new ArrayList<>();
      if (labels.isEmpty()) {
        labels = new ArrayList<>();
        for (int id = 0; id < classes; id++) {
          labels.add(Integer.toString(id));
        }
        // Labels 1, 2, 3 read as ids would score class 1 as class 0's: say how they were mapped.
        warnings.add(
            model.path()
                + " carries no class labels (no model card inside it or beside it): the data's"
                + " labels are taken as class ids 0.."
                + (classes - 1)
                + " of output '"
                + output.name()
                + "'");
      } else if (labels.size() != classes) {
        throw new IllegalArgumentException(
            "expected "
                + labels.size()
                + " classes (the model card's labels "
                + labels
                + "), found "
                + classes
                + " in output '"
                + output.name()
                + "'");
      }
      float[][] probabilities = looksLikeProbabilities(results) ? results : Softmax.rows(results);
      int[] truth = classIds(data, labels);
      return new Evaluation(
          Task.CLASSIFICATION,
          ClassificationReport.of(truth, Softmax.argmax(probabilities), labels, probabilities),
          null,
          output.name(),
          warnings);
    }
  }

  private static TensorSpec singleFloatInput(Signature signature, Dataset data) {
    if (signature.inputs().size() != 1
        || signature.inputs().get(0).dataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException(
          "expected a signature with one float32 input to evaluate on a table, found "
              + signature.inputs());
    }
    TensorSpec input = signature.inputs().get(0);
    Shape shape = input.shape();
    if (!shape.isUnknownRank()
        && shape.rank() == 2
        && shape.dim(1) != Shape.UNKNOWN
        && shape.dim(1) != data.featureCount()) {
      throw new DataException(
          "expected "
              + shape.dim(1)
              + " features (input '"
              + input.name()
              + "' is "
              + shape
              + "), found "
              + data.featureCount()
              + " in "
              + data.source());
    }
    return input;
  }

  /** {@code probabilities} if there is one, else the first float output of shape [-1, k ≥ 2]. */
  private static TensorSpec classOutput(Signature signature) {
    Optional<TensorSpec> named = signature.output(InferenceExport.PROBABILITIES);
    if (named.isPresent()) {
      return named.get();
    }
    for (TensorSpec spec : signature.outputs()) {
      Shape shape = spec.shape();
      if (spec.dataType() == DataType.FLOAT32
          && !shape.isUnknownRank()
          && shape.rank() == 2
          && shape.dim(1) >= 2) {
        return spec;
      }
    }
    return null;
  }

  /** {@code prediction} if there is one, else the first float output of shape [-1] or [-1, 1]. */
  private static TensorSpec valueOutput(Signature signature) {
    Optional<TensorSpec> named = signature.output(InferenceExport.PREDICTION);
    if (named.isPresent()) {
      return named.get();
    }
    for (TensorSpec spec : signature.outputs()) {
      Shape shape = spec.shape();
      if (spec.dataType() == DataType.FLOAT32
          && !shape.isUnknownRank()
          && (shape.rank() == 1 || (shape.rank() == 2 && shape.dim(1) == 1))) {
        return spec;
      }
    }
    return null;
  }

  private static float[][] predictAll(
      Predictor predictor, String input, String output, Dataset data) throws ModelException {
    float[][] results = new float[data.size()][];
    for (int from = 0; from < data.size(); from += BATCH) {
      int to = Math.min(from + BATCH, data.size());
      float[][] rows = Arrays.copyOfRange(data.features(), from, to);
      Tensor out = predictor.predict(Map.of(input, Tensor.ofFloats(rows))).get(output);
      int width = out.shape().rank() == 2 ? out.shape().dim(1) : 1;
      float[] flat = out.toFloatArray();
      for (int r = 0; r < to - from; r++) {
        results[from + r] = Arrays.copyOfRange(flat, r * width, (r + 1) * width);
      }
    }
    return results;
  }

  private static boolean looksLikeProbabilities(float[][] rows) {
    for (float[] row : rows) {
      double sum = 0;
      for (float v : row) {
        if (v < 0 || v > 1) {
          return false;
        }
        sum += v;
      }
      if (Math.abs(sum - 1) > 1e-3) {
        return false;
      }
    }
    return true;
  }

  /**
   * Each row's class id: its label's position among the model's labels. A file that names its
   * classes may meet a model that only numbers them (a .tflite without a card), and the reverse
   * (the test split's NPY of a model trained on named classes): then the number is the class id.
   */
  private static int[] classIds(Dataset data, List<String> labels) {
    boolean modelNamesClasses = labels.stream().noneMatch(l -> l.matches("-?\\d+"));
    int[] ids = new int[data.size()];
    for (int r = 0; r < ids.length; r++) {
      float value = data.labels()[r];
      String text = data.labelText(r);
      int id = labels.indexOf(text);
      boolean classId = value == Math.rint(value) && value >= 0 && value < labels.size();
      if (id < 0 && classId && !data.classNames().isEmpty()) {
        id = labels.indexOf(Integer.toString((int) value));
      }
      if (id < 0 && classId && data.classNames().isEmpty() && modelNamesClasses) {
        id = (int) value;
      }
      if (id < 0) {
        throw new DataException(
            "expected a label among the model's classes "
                + labels
                + " (the model does not know it)"
                + ", found "
                + text
                + " at row "
                + (r + 1));
      }
      ids[r] = id;
    }
    return ids;
  }
}
