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
import io.edgeinfer.train.data.NormalizationMode;
import io.edgeinfer.train.report.EpochSummary;
import io.edgeinfer.train.report.ProgressLine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgeinfer train}: a dense network from a table, exported for inference. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a dense network with TensorFlow on a table (NPY, CSV or CSV.gz: features, then the"
          + " label) and export an inference-only SavedModel.",
      "Defaults: Dense(64, relu) x2, Adam, cross-entropy, batches of 32, up to 200 epochs with"
          + " early stopping (patience 10, keeping the best epoch's weights).",
      "Not bit-for-bit repeatable: --seed fixes the splits, the initial weights and the batch"
          + " order, but TensorFlow's CPU training steps differ slightly from run to run, so"
          + " losses and accuracies can differ in their last digits (and early stopping by an"
          + " epoch or two)."
    })
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training data.")
  Path data;

  @Mixin TableOptions table;

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

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "200",
      description = "The most epochs to run (default: ${DEFAULT-VALUE}).")
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

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "42",
      description =
          "Seeds the splits, the initial weights and the batch order (default:"
              + " ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--early-stopping",
      paramLabel = "PATIENCE",
      defaultValue = "10",
      description =
          "Stop after this many epochs without a better validation loss, keeping the best epoch's"
              + " weights (default: ${DEFAULT-VALUE}; 0: off, run every epoch).")
  int earlyStopping;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--force", description = "Replace the output folder if it exists.")
  boolean force;

  @Option(
      names = "--json",
      description =
          "Print the result as JSON: model, data, rows, features, epochs (run, cap, stopped_early,"
              + " best, watched, best_loss), train/validation/test_rows, seconds, and the test"
              + " report as evaluate --json gives it.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    TrainingConfig config = Usage.parse(spec, this::config);
    table.csv(); // a bad --delimiter is a usage error before anything is written
    TrainedModelWriter.prepare(out, force);
    Dataset dataset = table.read(data);
    PrintWriter console = spec.commandLine().getOut();
    if (!json) {
      console.printf(
          Locale.ROOT,
          "training on %s: %d rows, %d features%n",
          data,
          dataset.size(),
          dataset.featureCount());
      console.flush();
    }
    boolean terminal = Terminal.isInteractive();
    TrainingResult result = Trainer.train(dataset, config, epochProgress(terminal));
    if (terminal) {
      spec.commandLine().getErr().println();
    }
    TrainedModelWriter.write(result, out);
    EpochSummary epochs =
        EpochSummary.of(
            result.history().epochs(), config.epochs(), config.earlyStoppingPatience() > 0);
    if (json) {
      TrainingJson.print(console, data, out, dataset.size(), result, epochs);
      return ExitCodes.OK;
    }
    console.println(epochs.toText());
    console.printf(
        Locale.ROOT,
        "trained in %.1f s (%,.0f samples/s); %d train, %d validation, %d test rows%n",
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

  /**
   * On a terminal, one line on stderr that redraws itself each epoch; piped, nothing (history.csv
   * has every epoch).
   */
  private Trainer.Listener epochProgress(boolean terminal) {
    if (!terminal) {
      return (record, total) -> {};
    }
    PrintWriter err = spec.commandLine().getErr();
    return (record, total) -> {
      err.print("\r" + ProgressLine.format(record, total));
      err.flush();
    };
  }

  private TrainingConfig config() {
    OptimizerKind optimizerKind = OptimizerKind.parse(optimizer);
    return new TrainingConfig(
        table.labelColumn(),
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
