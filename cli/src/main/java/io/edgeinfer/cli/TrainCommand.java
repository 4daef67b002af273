package io.edgeinfer.cli;

import io.edgeinfer.train.Activation;
import io.edgeinfer.train.LossKind;
import io.edgeinfer.train.OptimizerKind;
import io.edgeinfer.train.Task;
import io.edgeinfer.train.TrainedModelWriter;
import io.edgeinfer.train.Trainer;
import io.edgeinfer.train.TrainingConfig;
import io.edgeinfer.train.TrainingResult;
import io.edgeinfer.train.data.Dataset;
import io.edgeinfer.train.data.DatasetReader;
import io.edgeinfer.train.data.LabelColumn;
import io.edgeinfer.train.data.NormalizationMode;
import io.edgeinfer.train.report.ProgressLine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeinfer train}: a dense network from a table, exported for inference. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a dense network with TensorFlow on a table (NPY, CSV or CSV.gz: features, then the"
          + " label) and export an inference-only SavedModel.",
      "Defaults are the seed example's: Dense(64, relu) x2, Adam, cross-entropy, 10 epochs of 32."
    })
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training data.")
  Path data;

  @Option(
      names = "--label-column",
      paramLabel = "N|last",
      defaultValue = "last",
      description = "The label's column, 0-based (default: ${DEFAULT-VALUE}).")
  String labelColumn;

  @Option(
      names = "--task",
      paramLabel = "classification|regression",
      defaultValue = "classification",
      description = "Default: ${DEFAULT-VALUE}.")
  String task;

  @Option(
      names = "--layers",
      paramLabel = "W,W",
      split = ",",
      defaultValue = "64,64",
      description = "Hidden layer widths (default: ${DEFAULT-VALUE}).")
  List<Integer> layers;

  @Option(
      names = "--activation",
      paramLabel = "relu|tanh|sigmoid",
      defaultValue = "relu",
      description = "Default: ${DEFAULT-VALUE}.")
  String activation;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Default: 10.")
  int epochs;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "32",
      description = "Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(
      names = "--optimizer",
      paramLabel = "adam|sgd|momentum",
      defaultValue = "adam",
      description = "Default: ${DEFAULT-VALUE}.")
  String optimizer;

  @Option(
      names = "--learning-rate",
      paramLabel = "R",
      description = "Default: 0.001 for adam, 0.01 for sgd and momentum.")
  Float learningRate;

  @Option(
      names = "--loss",
      paramLabel = "auto|sparse-cross-entropy|cross-entropy|mse",
      defaultValue = "auto",
      description = "auto: sparse cross-entropy to classify, mse to regress.")
  String loss;

  @Option(
      names = "--l2",
      paramLabel = "LAMBDA",
      defaultValue = "0",
      description = "L2 weight penalty (default: ${DEFAULT-VALUE}).")
  float l2;

  @Option(
      names = "--validation-split",
      paramLabel = "F",
      defaultValue = "0.2",
      description = "Default: ${DEFAULT-VALUE}.")
  double validationSplit;

  @Option(
      names = "--test-split",
      paramLabel = "F",
      defaultValue = "0.2",
      description = "Default: ${DEFAULT-VALUE}.")
  double testSplit;

  @Option(
      names = "--normalize",
      paramLabel = "none|scale|standardize",
      defaultValue = "standardize",
      description =
          "Computed on the training rows, baked into the model (default: ${DEFAULT-VALUE}).")
  String normalize;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Default: 42.")
  long seed;

  @Option(
      names = "--early-stopping",
      paramLabel = "PATIENCE",
      defaultValue = "0",
      description =
          "Stop after this many epochs without a better validation loss, keeping the best weights (0: off).")
  int earlyStopping;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--force", description = "Replace the output folder if it exists.")
  boolean force;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    TrainingConfig config = config();
    TrainedModelWriter.prepare(out, force);
    Dataset dataset = DatasetReader.read(data, config.labelColumn());
    PrintWriter console = spec.commandLine().getOut();
    console.printf(
        Locale.ROOT,
        "training on %s: %d rows, %d features%n",
        data,
        dataset.size(),
        dataset.featureCount());
    console.flush();
    TrainingResult result =
        Trainer.train(
            dataset,
            config,
            (record, total) -> {
              console.println(ProgressLine.format(record, total));
              console.flush();
            });
    TrainedModelWriter.write(result, out);
    console.printf(
        Locale.ROOT,
        "%ntrained in %.1f s (%,.0f samples/s); %d train, %d validation, %d test rows%n",
        result.trainingSeconds(),
        result.samplesPerSecond(),
        result.trainRows(),
        result.validationRows(),
        result.testRows());
    if (result.classificationTest() != null) {
      console.println("\ntest split:\n" + result.classificationTest().toText());
    }
    if (result.regressionTest() != null) {
      console.println("\ntest split:\n" + result.regressionTest().toText());
    }
    console.println("wrote " + out + " (SavedModel, edgeinfer-model.json, history, plot)");
    console.flush();
    return ExitCodes.OK;
  }

  private TrainingConfig config() {
    OptimizerKind optimizerKind = OptimizerKind.parse(optimizer);
    return new TrainingConfig(
        LabelColumn.parse(labelColumn),
        Task.parse(task),
        layers.stream().mapToInt(Integer::intValue).toArray(),
        Activation.parse(activation),
        epochs,
        batchSize,
        optimizerKind,
        learningRate == null ? optimizerKind.defaultLearningRate() : learningRate,
        LossKind.parse(loss),
        l2,
        validationSplit,
        testSplit,
        NormalizationMode.parse(normalize),
        seed,
        earlyStopping);
  }
}
