package io.edgeinfer.cli;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.DecodedInput;
import io.edgeinfer.core.codec.Format;
import io.edgeinfer.core.codec.InputDecoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code edgeinfer predict}: runs a model on inputs from files, a directory or stdin. A bad input
 * is reported and skipped; the others are still predicted, and the exit code tells that one failed.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Run a model on inputs from files, directories or standard input.")
final class PredictCommand implements Callable<Integer> {
  @Option(
      names = {"-m", "--model"},
      required = true,
      paramLabel = "MODEL",
      description = "A SavedModel directory.")
  Path modelPath;

  @Option(
      names = {"-s", "--signature"},
      paramLabel = "NAME",
      description = "The signature to run (default: serving_default, or the payload's).")
  String signatureName;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "FILE|DIR|-",
      description = {
        "An input file, a directory of them, or - for stdin (default: -). Repeatable.",
        "Numbers are real values; a quantized .tflite input quantizes them with its own scale and"
            + " zero point. An NPY file in the input's own quantized type (int8, uint8 or int16)"
            + " is fed as raw integers instead."
      })
  List<String> inputs = List.of(InputSource.STDIN);

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description =
          "Input format: json, csv, npy or raw (default: from the file extension; json for stdin).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE|-",
      defaultValue = "-",
      description = "Where to write predictions (default: stdout).")
  String output;

  @Option(
      names = "--output-format",
      paramLabel = "json|csv",
      description =
          "json: one JSON line per input; csv: one row per instance (default: from --output's extension, else json).")
  String outputFormat;

  @Option(
      names = "--raw-outputs",
      description =
          "Report quantized outputs of .tflite models (int8, uint8, int16) as their raw integers,"
              + " not dequantized.")
  boolean rawOutputs;

  @Mixin ModelOptions modelOptions;

  @Mixin ProfileOption profileOption;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @ParentCommand EdgeinferCommand parent;

  @Override
  public Integer call() throws Exception {
    Format inputFormat = format == null ? null : Format.fromLabel(format);
    List<InputSource> sources = InputSource.expand(inputs);
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    try (Model model = modelOptions.load(modelPath, profileOption, 1, rawOutputs);
        PredictionWriter writer = PredictionWriter.open(output, outputFormat, spec)) {
      Map<String, Predictor> predictors = new HashMap<>();
      Signature chosen = model.signatures().isEmpty() ? null : pick(model, signatureName);
      for (InputSource source : sources) {
        try {
          predictOne(model, chosen, predictors, source, inputFormat, writer);
        } catch (IllegalArgumentException | ModelException | IOException e) {
          failed++;
          err.println("edgeinfer: " + source.name() + ": " + Errors.describe(e));
          err.flush();
        }
      }
      predictors.values().forEach(Predictor::close);
    }
    return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private static Signature pick(Model model, String name) throws ModelException {
    return name == null ? model.defaultSignature() : model.predictor(name).signature();
  }

  private void predictOne(
      Model model,
      Signature chosen,
      Map<String, Predictor> predictors,
      InputSource source,
      Format inputFormat,
      PredictionWriter writer)
      throws IOException, ModelException {
    Format sourceFormat = inputFormat != null ? inputFormat : formatOf(source);
    byte[] payload = source.read(parent.stdin);
    DecodedInput decoded =
        InputDecoder.decode(
            sourceFormat,
            payload,
            chosen,
            predictor(model, predictors, chosen.name()).rawInputTypes());
    Signature signature = chosen;
    if (signatureName == null
        && decoded.signatureName() != null
        && !decoded.signatureName().equals(chosen.name())) {
      // The payload names its own signature (TF Serving's "signature_name"): decode for that one.
      signature = predictor(model, predictors, decoded.signatureName()).signature();
      decoded =
          InputDecoder.decode(
              sourceFormat,
              payload,
              signature,
              predictor(model, predictors, signature.name()).rawInputTypes());
    }
    Map<String, Tensor> outputs =
        predictor(model, predictors, signature.name()).predict(decoded.inputs());
    writer.write(source.name(), outputs, signature, decoded.columnar());
  }

  private static Predictor predictor(Model model, Map<String, Predictor> predictors, String name)
      throws ModelException {
    Predictor predictor = predictors.get(name);
    if (predictor == null) {
      predictor = model.predictor(name);
      predictors.put(name, predictor);
    }
    return predictor;
  }

  private static Format formatOf(InputSource source) {
    if (source.path() == null) {
      return Format.JSON;
    }
    return Format.fromFileName(source.name())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "cannot tell the format from the file name: expected .json, .csv, .csv.gz,"
                        + " .npy or .raw, found '"
                        + source.path().getFileName()
                        + "' (use --format)"));
  }
}
