package io.edgeinfer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.train.data.DataException;
import io.edgeinfer.train.data.Dataset;
import io.edgeinfer.train.data.LabelColumn;
import io.edgeinfer.train.data.NormalizationMode;
import io.edgeinfer.train.synthetic.Clusters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed example's network on data made from a seed: it must learn, and export what it learnt.
 */
class TrainerTest {
  @TempDir static Path dir;
  static Dataset data;
  static TrainingResult result;
  static Path exported;

  @BeforeAll
  static void trainSeedNetwork() throws Exception {
    data = dataset(Clusters.generate(2000, 32, 10, 1.0, 7));
    result = Trainer.train(data, withEpochs(10, 0), (record, epochs) -> {});
    exported = dir.resolve("model");
    TrainedModelWriter.prepare(exported, false);
    TrainedModelWriter.write(result, exported);
  }

  static Dataset dataset(float[][] rows) {
    int features = rows[0].length - 1;
    float[][] x = new float[rows.length][features];
    float[] y = new float[rows.length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, x[r], 0, features);
      y[r] = rows[r][features];
    }
    return new Dataset(x, y, "clusters", "none");
  }

  @Test
  void learnsTheClusters() {
    assertEquals(10, result.history().epochs().size());
    double firstLoss = result.history().epochs().get(0).loss();
    double lastLoss = result.history().epochs().get(9).loss();
    assertTrue(lastLoss < firstLoss / 2, "loss " + firstLoss + " -> " + lastLoss);
    assertTrue(
        result.classificationTest().accuracy() > 0.9,
        "test accuracy " + result.classificationTest().accuracy());
    assertEquals(1200, result.trainRows());
    assertEquals(400, result.validationRows());
    assertEquals(400, result.testRows());
    assertEquals(32 * 64 + 64 + 64 * 64 + 64 + 64 * 10 + 10, result.weights().parameterCount());
  }

  @Test
  void exportsAnInferenceOnlySavedModelThatGivesTheSameClasses() throws Exception {
    try (Model model = Engines.load(exported, LoadOptions.DEFAULTS);
        Predictor predictor = model.predictor()) {
      Signature signature = predictor.signature();
      assertEquals(
          List.of(new TensorSpec("features", DataType.FLOAT32, Shape.of(-1, 32))),
          signature.inputs());
      assertEquals(
          List.of(
              new TensorSpec("class_id", DataType.INT64, Shape.of(-1)),
              new TensorSpec("probabilities", DataType.FLOAT32, Shape.of(-1, 10))),
          signature.outputs());
      // Raw features in, as a device would send them: normalization is inside the model.
      Map<String, Tensor> out =
          predictor.predict(Map.of("features", Tensor.ofFloats(data.features())));
      int agree = 0;
      float[][] normalized = result.normalization().apply(data.features());
      for (int r = 0; r < data.size(); r++) {
        if (out.get("class_id").getLong(r) == javaArgmax(normalized[r])) {
          agree++;
        }
      }
      assertEquals(data.size(), agree);
      assertTrue(
          Integer.parseInt(model.metadata().get("graph_nodes")) < 60, model.metadata().toString());
    }
    assertTrue(Files.isRegularFile(exported.resolve(ModelCard.FILE_NAME)));
    // The float32 .tflite copy gives the SavedModel's probabilities in the lite engine.
    try (Model tf = Engines.load(exported, LoadOptions.DEFAULTS);
        Model lite = Engines.load(exported.resolve(LiteExport.FILE_NAME), LoadOptions.DEFAULTS);
        Predictor tfPredictor = tf.predictor();
        Predictor litePredictor = lite.predictor()) {
      assertEquals("lite", lite.engine());
      Map<String, Tensor> input = Map.of("features", Tensor.ofFloats(data.features()));
      float[] expected = tfPredictor.predict(input).get("probabilities").toFloatArray();
      float[] actual = litePredictor.predict(input).get("probabilities").toFloatArray();
      assertEquals(expected.length, actual.length);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], actual[i], 1e-5, "probability " + i);
      }
    }
    assertTrue(Files.isRegularFile(exported.resolve(TrainedModelWriter.HISTORY)));
    assertTrue(Files.size(exported.resolve(TrainedModelWriter.PLOT)) > 1000);
  }

  /** The trained network computed in plain Java from the result's weights. */
  private static int javaArgmax(float[] x) {
    float[] a = x;
    Weights w = result.weights();
    for (int layer = 0; layer < w.layerCount(); layer++) {
      float[][] kernel = w.kernels().get(layer);
      float[] next = w.biases().get(layer).clone();
      for (int i = 0; i < a.length; i++) {
        for (int j = 0; j < next.length; j++) {
          next[j] += a[i] * kernel[i][j];
        }
      }
      if (layer + 1 < w.layerCount()) {
        for (int j = 0; j < next.length; j++) {
          next[j] = Math.max(0, next[j]);
        }
      }
      a = next;
    }
    return Softmax.argmax(a);
  }

  @Test
  void sameSeedSameSplitAndStart() {
    // TensorFlow's CPU training steps are not bit-identical from run to run, so only what edgeinfer
    // decides is compared: the held-out rows and the initial weights (train --help says so).
    TrainingConfig oneEpoch = withEpochs(1, 0);
    TrainingResult a = Trainer.train(data, oneEpoch, (record, epochs) -> {});
    TrainingResult b = Trainer.train(data, oneEpoch, (record, epochs) -> {});
    assertArrayEquals(a.testData().features(), b.testData().features());
    assertArrayEquals(a.testData().labels(), b.testData().labels());
    assertArrayEquals(GlorotUniform.kernel(32, 64, 7), GlorotUniform.kernel(32, 64, 7));
    float limit = (float) Math.sqrt(6.0 / (32 + 64));
    double sum = 0;
    for (float[] row : GlorotUniform.kernel(32, 64, 7)) {
      for (float w : row) {
        assertTrue(w >= -limit && w <= limit, "weight " + w + " outside ±" + limit);
        sum += w;
      }
    }
    // Centred on zero: an all-positive start (TF Java's Glorot here) makes activations explode.
    assertEquals(0, sum / (32 * 64), 0.01);
  }

  @Test
  void regressionLearnsALinearFunction() {
    float[][] rows = new float[600][3];
    java.util.Random random = new java.util.Random(3);
    for (float[] row : rows) {
      row[0] = (float) random.nextGaussian();
      row[1] = (float) random.nextGaussian();
      row[2] = 3 * row[0] - 2 * row[1] + 1;
    }
    TrainingConfig config =
        new TrainingConfig(
            LabelColumn.LAST,
            Task.REGRESSION,
            new int[] {16},
            Activation.TANH,
            60,
            16,
            OptimizerKind.ADAM,
            0.01f,
            LossKind.AUTO,
            0f,
            0.2,
            0.2,
            NormalizationMode.STANDARDIZE,
            1,
            0);
    TrainingResult regression = Trainer.train(dataset(rows), config, (record, epochs) -> {});
    assertNotNull(regression.regressionTest());
    assertTrue(regression.regressionTest().r2() > 0.98, "R² " + regression.regressionTest().r2());
  }

  @Test
  void fewerRowsThanOneBatchIsRefused() {
    Dataset tiny = dataset(Clusters.generate(40, 4, 2, 1.0, 1));
    DataException e =
        assertThrows(
            DataException.class, () -> Trainer.train(tiny, TrainingConfig.DEFAULTS, (r, n) -> {}));
    assertEquals(
        "expected at least one batch (32 rows) to train on, found 24 training rows of 40 after"
            + " the validation and test splits",
        e.getMessage());
  }

  @Test
  void anExistingOutputFolderIsRefusedWithoutForce() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> TrainedModelWriter.prepare(exported, false));
    assertEquals(
        "expected a new output folder, found an existing one: "
            + exported
            + " (use --force to replace it)",
        e.getMessage());
  }

  @Test
  void earlyStoppingIsOnByDefaultAndKeepsTheBestEpoch() {
    TrainingResult stopped = Trainer.train(data, TrainingConfig.DEFAULTS, (record, epochs) -> {});
    var epochs = stopped.history().epochs();
    var summary = io.edgeinfer.train.report.EpochSummary.of(epochs, 200, true);
    assertTrue(summary.stoppedEarly(), summary.toText());
    assertEquals(summary.best() + 10, summary.run(), summary.toText());
    assertEquals(epochs.get(summary.best() - 1).validationLoss(), summary.bestLoss(), 0.0);
    assertTrue(
        summary.toText().startsWith("stopped early at epoch " + summary.run() + " (best epoch "),
        summary.toText());
  }

  private static TrainingConfig withEpochs(int epochs, int patience) {
    TrainingConfig d = TrainingConfig.DEFAULTS;
    return new TrainingConfig(
        d.labelColumn(),
        d.task(),
        d.layers(),
        d.activation(),
        epochs,
        d.batchSize(),
        d.optimizer(),
        d.learningRate(),
        d.loss(),
        d.l2(),
        d.validationSplit(),
        d.testSplit(),
        d.normalization(),
        d.seed(),
        patience);
  }
}
