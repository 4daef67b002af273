package io.edgeinfer.train;

import io.edgeinfer.train.data.ClassLabels;
import io.edgeinfer.train.data.DataException;
import io.edgeinfer.train.data.Dataset;
import io.edgeinfer.train.data.Normalization;
import io.edgeinfer.train.data.Split;
import io.edgeinfer.train.metrics.ClassificationReport;
import io.edgeinfer.train.metrics.RegressionReport;
import io.edgeinfer.train.report.EpochRecord;
import io.edgeinfer.train.report.History;
import java.util.Random;

/** Trains a dense network on a data set as Keras's {@code fit} would, then tests it. */
public final class Trainer {
  /** Told after every epoch, e.g. to draw a progress line. */
  @FunctionalInterface
  public interface Listener {
    void epochDone(EpochRecord record, int epochs);
  }

  private Trainer() {}

  public static TrainingResult train(Dataset data, TrainingConfig config, Listener listener) {
    boolean classification = config.task() == Task.CLASSIFICATION;
    if (!classification && !data.classNames().isEmpty()) {
      throw new DataException(
          "expected numbers to regress on in the label column, found class names "
              + data.classNames());
    }
    ClassLabels classes = classification ? ClassLabels.of(data) : null;
    int[] ids = classification ? classes.ids(data.labels()) : null;
    Split split =
        classification
            ? Split.stratified(ids, config.validationSplit(), config.testSplit(), config.seed())
            : Split.random(
                data.size(), config.validationSplit(), config.testSplit(), config.seed());
    if (split.train().length < config.batchSize()) {
      throw new DataException(
          "expected at least one batch ("
              + config.batchSize()
              + " rows) to train on, found "
              + split.train().length
              + " training rows of "
              + data.size()
              + " after the validation and test splits");
    }
    Normalization normalization =
        Normalization.fit(data.select(split.train()).features(), config.normalization());
    Part train = Part.of(data, split.train(), ids, normalization, classes);
    Part validation = Part.of(data, split.validation(), ids, normalization, classes);
    Part test = Part.of(data, split.test(), ids, normalization, classes);
    int outputs = classification ? classes.count() : 1;

    History history = new History();
    long started = System.nanoTime();
    long samples = 0;
    Weights best = null;
    double bestLoss = Double.POSITIVE_INFINITY;
    int sinceBest = 0;
    try (TrainingGraph graph = new TrainingGraph(config, data.featureCount(), outputs)) {
      Random shuffle = new Random(config.seed());
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        Part shuffled = train.shuffled(shuffle);
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < shuffled.rows(); from += config.batchSize()) {
          int to = Math.min(from + config.batchSize(), shuffled.rows());
          TrainingGraph.Step step =
              graph.train(shuffled.features, shuffled.ids, shuffled.targets, from, to);
          lossSum += step.loss() * (to - from);
          correct += classification ? correct(step.outputs(), shuffled.ids, from) : 0;
        }
        samples += shuffled.rows();
        double loss = lossSum / shuffled.rows();
        double accuracy = classification ? (double) correct / shuffled.rows() : Double.NaN;
        double validationLoss = Double.NaN;
        double validationAccuracy = Double.NaN;
        if (validation.rows() > 0) {
          TrainingGraph.Step step =
              graph.evaluate(validation.features, validation.ids, validation.targets);
          validationLoss = step.loss();
          validationAccuracy =
              classification
                  ? (double) correct(step.outputs(), validation.ids, 0) / validation.rows()
                  : Double.NaN;
        }
        EpochRecord record =
            new EpochRecord(
                epoch,
                loss,
                accuracy,
                validationLoss,
                validationAccuracy,
                (System.nanoTime() - epochStart) / 1e9);
        history.add(record);
        listener.epochDone(record, config.epochs());
        if (config.earlyStoppingPatience() > 0) {
          double watched = validation.rows() > 0 ? validationLoss : loss;
          if (watched < bestLoss) {
            bestLoss = watched;
            best = graph.weights();
            sinceBest = 0;
          } else if (++sinceBest >= config.earlyStoppingPatience()) {
            break;
          }
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      if (best != null) {
        graph.restore(best);
      }
      Weights weights = graph.weights();
      ClassificationReport classificationTest = null;
      RegressionReport regressionTest = null;
      if (test.rows() > 0) {
        TrainingGraph.Step step = graph.evaluate(test.features, test.ids, test.targets);
        if (classification) {
          float[][] probabilities = Softmax.rows(step.outputs());
          classificationTest =
              ClassificationReport.of(
                  test.ids, Softmax.argmax(probabilities), classes.names(), probabilities);
        } else {
          regressionTest = RegressionReport.of(column(test.targets), column(step.outputs()));
        }
      }
      return new TrainingResult(
          config,
          data.source(),
          data.select(split.test()),
          data.sha256(),
          data.featureCount(),
          weights,
          normalization,
          classes,
          history,
          classificationTest,
          regressionTest,
          train.rows(),
          validation.rows(),
          test.rows(),
          seconds,
          samples / seconds);
    }
  }

  private static int correct(float[][] outputs, int[] ids, int from) {
    int correct = 0;
    for (int r = 0; r < outputs.length; r++) {
      if (Softmax.argmax(outputs[r]) == ids[from + r]) {
        correct++;
      }
    }
    return correct;
  }

  private static float[] column(float[][] rows) {
    float[] values = new float[rows.length];
    for (int r = 0; r < rows.length; r++) {
      values[r] = rows[r][0];
    }
    return values;
  }

  /** Normalized features of some rows with their labels, in the forms the graph is fed. */
  private record Part(float[][] features, int[] ids, float[][] targets) {
    static Part of(
        Dataset data, int[] rows, int[] allIds, Normalization normalization, ClassLabels classes) {
      float[][] features = normalization.apply(data.select(rows).features());
      int[] ids = allIds == null ? null : new int[rows.length];
      float[][] targets = new float[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        if (allIds != null) {
          ids[i] = allIds[rows[i]];
          targets[i] = new float[classes.count()];
          targets[i][ids[i]] = 1f;
        } else {
          targets[i] = new float[] {data.labels()[rows[i]]};
        }
      }
      return new Part(features, ids, targets);
    }

    int rows() {
      return features.length;
    }

    /** The same rows in a new random order (Fisher-Yates with the trainer's seeded Random). */
    Part shuffled(Random random) {
      int[] order = new int[rows()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      float[][] f = new float[order.length][];
      float[][] t = new float[order.length][];
      int[] idsOut = ids == null ? null : new int[order.length];
      for (int i = 0; i < order.length; i++) {
        f[i] = features[order[i]];
        t[i] = targets[order[i]];
        if (ids != null) {
          idsOut[i] = ids[order[i]];
        }
      }
      return new Part(f, idsOut, t);
    }
  }
}
