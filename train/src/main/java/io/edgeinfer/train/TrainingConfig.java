package io.edgeinfer.train;

import io.edgeinfer.train.data.LabelColumn;
import io.edgeinfer.train.data.NormalizationMode;
import java.util.Arrays;

/**
 * Everything that decides how a model is trained. The defaults: two hidden layers of 64 with relu,
 * Adam, cross-entropy, batches of 32, up to 200 epochs with early stopping after 10 without a
 * better validation loss (small tables need many epochs, large ones stop early), a fifth held out
 * for validation and a fifth for testing.
 */
public record TrainingConfig(
    LabelColumn labelColumn,
    Task task,
    int[] layers,
    Activation activation,
    int epochs,
    int batchSize,
    OptimizerKind optimizer,
    float learningRate,
    LossKind loss,
    float l2,
    double validationSplit,
    double testSplit,
    NormalizationMode normalization,
    long seed,
    int earlyStoppingPatience) {

  public static final TrainingConfig DEFAULTS =
      new TrainingConfig(
          LabelColumn.LAST,
          Task.CLASSIFICATION,
          new int[] {64, 64},
          Activation.RELU,
          200,
          32,
          OptimizerKind.ADAM,
          OptimizerKind.ADAM.defaultLearningRate(),
          LossKind.AUTO,
          0f,
          0.2,
          0.2,
          NormalizationMode.STANDARDIZE,
          42,
          10);

  public TrainingConfig {
    layers = layers.clone();
    for (int width : layers) {
      require(width > 0, "hidden layer widths > 0", Arrays.toString(layers));
    }
    require(epochs > 0, "epochs > 0", Integer.toString(epochs));
    require(batchSize > 0, "a batch size > 0", Integer.toString(batchSize));
    require(
        learningRate > 0 && Float.isFinite(learningRate),
        "a learning rate > 0",
        Float.toString(learningRate));
    require(l2 >= 0 && Float.isFinite(l2), "an l2 factor >= 0", Float.toString(l2));
    require(
        validationSplit >= 0 && validationSplit < 1,
        "a validation split in [0, 1)",
        Double.toString(validationSplit));
    require(testSplit >= 0 && testSplit < 1, "a test split in [0, 1)", Double.toString(testSplit));
    require(
        validationSplit + testSplit < 1,
        "validation and test splits that leave rows to train on",
        validationSplit + " + " + testSplit);
    require(
        earlyStoppingPatience >= 0,
        "an early-stopping patience >= 0",
        Integer.toString(earlyStoppingPatience));
    LossKind resolved = loss.resolve(task);
    require(
        task == Task.CLASSIFICATION || resolved == LossKind.MSE,
        "mse for regression",
        resolved.label());
  }

  @Override
  public int[] layers() {
    return layers.clone();
  }

  private static void require(boolean ok, String expected, String found) {
    if (!ok) {
      throw new IllegalArgumentException("expected " + expected + ", found " + found);
    }
  }
}
