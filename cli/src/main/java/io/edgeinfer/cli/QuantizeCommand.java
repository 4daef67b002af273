package io.edgeinfer.cli;

import io.edgeinfer.core.MemoryNeed;
import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.ModelTooLargeException;
import io.edgeinfer.profiles.Precision;
import io.edgeinfer.quantize.AccuracyGateException;
import io.edgeinfer.quantize.QuantizeReport;
import io.edgeinfer.quantize.QuantizeRequest;
import io.edgeinfer.quantize.Quantizer;
import io.edgeinfer.quantize.quant.Mode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code edgeinfer quantize}: a SavedModel signature as a .tflite file, optionally int8. */
@Command(
    name = "quantize",
    mixinStandardHelpOptions = true,
    description = {
      "Convert a SavedModel signature to a .tflite file for the lite engine: float32, float16"
          + " weights, dynamic-int8 (int8 weights, float activations) or int8 (calibrated"
          + " activations). Prints a report: sizes, weight errors, the difference from TensorFlow"
          + " on the calibration data, accuracy before and after on --eval-data."
    })
final class QuantizeCommand implements Callable<Integer> {
  @Option(
      names = {"-m", "--model"},
      required = true,
      paramLabel = "SAVEDMODEL",
      description = "A SavedModel directory.")
  Path model;

  @Option(
      names = {"-s", "--signature"},
      paramLabel = "NAME",
      defaultValue = "serving_default",
      description = "The signature to convert (default: ${DEFAULT-VALUE}).")
  String signature;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description =
          "float32, float16, dynamic-int8 or int8. Without it, --profile picks the most precise"
              + " mode (no more precise than the profile prefers) that fits the profile's budget.")
  String mode;

  @Mixin ProfileOption profileOption;

  @Option(
      names = "--calibration-data",
      paramLabel = "FILE",
      description =
          "Inputs for int8 ranges and for the comparison with TensorFlow: NPY [N, ...] shaped"
              + " like the input, or CSV/NPY rows of the input's width plus a label column (left"
              + " out; see --label-column and --header, read as train reads them, so the training"
              + " file works), or exactly the input's width without one.")
  Path calibrationData;

  @Option(
      names = "--calibration-samples",
      paramLabel = "N",
      defaultValue = "500",
      description = "Use at most N samples (default: ${DEFAULT-VALUE}).")
  int calibrationSamples;

  @Option(
      names = "--calibration-percentile",
      paramLabel = "P",
      defaultValue = "100",
      description =
          "Activation ranges keep this percentage of the values seen; 100 is min/max (default:"
              + " ${DEFAULT-VALUE}).")
  double percentile;

  @Option(
      names = "--per-tensor",
      description =
          "One weight scale per tensor in convolutions too (FULLY_CONNECTED weights are always per"
              + " tensor, as TFLite's quantization spec says).")
  boolean perTensor;

  @Option(names = "--int8-io", description = "int8 inputs and outputs (mode int8).")
  boolean int8Io;

  @Option(
      names = "--eval-data",
      paramLabel = "FILE",
      description =
          "Labelled data (NPY, CSV; the label in --label-column): accuracy before and after.")
  Path evalData;

  @Mixin TableOptions table;

  @Option(
      names = "--max-accuracy-drop",
      paramLabel = "POINTS",
      description = "Write the file only if accuracy drops by at most this many points.")
  Double maxAccuracyDrop;

  @Option(
      names = "--input-shape",
      paramLabel = "NAME=DIMS",
      description =
          "The shape of a signature input, e.g. x=1,28,28 (repeatable): needed for an input of"
              + " unknown rank, and fixes unknown dimensions; -1 leaves one unknown.")
  Map<String, String> inputShapes = new LinkedHashMap<>();

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "FILE.tflite",
      description = "The file to write.")
  Path out;

  @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON.")
  Path reportFile;

  @Option(names = "--json", description = "Print the report as JSON instead of text.")
  boolean json;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Mode chosen = mode(spec.commandLine().getOut());
    QuantizeRequest request;
    try {
      request =
          new QuantizeRequest(
              model,
              signature,
              chosen,
              calibrationData,
              calibrationSamples,
              percentile,
              perTensor,
              int8Io,
              evalData,
              maxAccuracyDrop,
              out,
              shapes(),
              table.labelColumn(),
              table.csv());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
      QuantizeReport report = Quantizer.quantize(request, progress::update);
      print(report, stdout);
      return ExitCodes.OK;
    } catch (AccuracyGateException e) {
      print(e.report(), stdout);
      throw e;
    }
  }

  /** The mode typed, or the one the profile's budget allows. */
  private Mode mode(PrintWriter stdout) throws Exception {
    if (mode != null) {
      try {
        return Mode.parse(mode);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    DeviceProfile profile = profileOption.profile();
    if (profile == null) {
      throw new ParameterException(
          spec.commandLine(), "expected --mode, or --profile to choose one, found neither");
    }
    MemoryNeed need =
        Quantizer.float32Need(model, signature, shapes(), profile.batching().maxBatch());
    Precision precision =
        profile
            .precisionThatFits(need)
            .orElseThrow(
                () ->
                    new ModelTooLargeException(
                        model
                            + " needs "
                            + need.totalMb()
                            + " MB in float32 and does not fit the profile "
                            + profile.name()
                            + "'s "
                            + profile.budgetMb()
                            + " MB even in int8",
                        need));
    // With --json, stdout holds the report alone; the choice is a note on stderr.
    (json ? spec.commandLine().getErr() : stdout)
        .println(ProfileModeChoice.describe(profile, precision, need.totalMb()));
    return Mode.parse(precision.label());
  }

  /** The --input-shape values as dimensions, or a usage error naming the bad one. */
  private Map<String, int[]> shapes() {
    Map<String, int[]> shapes = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : inputShapes.entrySet()) {
      String[] parts = entry.getValue().split(",", -1);
      int[] dims = new int[parts.length];
      try {
        for (int i = 0; i < parts.length; i++) {
          dims[i] = Integer.parseInt(parts[i].strip());
        }
      } catch (NumberFormatException e) {
        throw new ParameterException(
            spec.commandLine(),
            "expected --input-shape NAME=DIMS with whole numbers (e.g. x=1,28,28), found "
                + entry.getKey()
                + "="
                + entry.getValue());
      }
      shapes.put(entry.getKey(), dims);
    }
    return shapes;
  }

  private void print(QuantizeReport report, PrintWriter stdout) throws IOException {
    if (reportFile != null) {
      Files.writeString(reportFile, report.toJson());
    }
    stdout.print(json ? report.toJson() : report.toText());
    stdout.flush();
  }
}
