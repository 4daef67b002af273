package io.edgeinfer.cli;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.DecodedInput;
import io.edgeinfer.core.codec.Format;
import io.edgeinfer.core.codec.InputDecoder;
import io.edgeinfer.core.codec.SignatureName;
import io.edgeinfer.core.vision.VisionOptions;
import io.edgeinfer.core.vision.VisionResult;
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
    description = {
      "Run a model on inputs from files, directories or standard input.",
      "An image (PNG, JPEG or BMP) is prepared as the model's metadata says (size, colour,"
          + " normalization; see inspect) and answered in the model's terms: the top classes,"
          + " labelled boxes in the image's pixels, or a category mask written as PNG."
    })
final class PredictCommand implements Callable<Integer> {
  @Option(
      names = {"-m", "--model"},
      required = true,
      paramLabel = "MODEL",
      description = "A SavedModel directory or a .tflite file.")
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
          "Input format: json, csv, npy, raw or image (default: from the file extension, else"
              + " image when the bytes are a PNG, JPEG or BMP; json for stdin).")
  String format;

  @Option(
      names = "--annotate",
      paramLabel = "DIR",
      description =
          "Write a copy of each image input to DIR as NAME.png with the answer drawn on it: boxes"
              + " and labels, the mask laid over it, or the top classes.")
  Path annotateDir;

  @Option(
      names = "--mask-dir",
      paramLabel = "DIR",
      description =
          "Where a segmentation's category mask goes, as NAME"
              + ImagePredictions.MASK_SUFFIX
              + " (default: beside the input; none for stdin).")
  Path maskDir;

  @Mixin VisionFlags vision;

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
    boolean imagesForced = "image".equalsIgnoreCase(format);
    Format inputFormat =
        format == null || imagesForced ? null : Usage.parse(spec, () -> Format.fromLabel(format));
    boolean csv = Usage.parse(spec, () -> PredictionWriter.isCsv(output, outputFormat));
    VisionOptions visionOptions = vision.options(spec);
    List<InputSource> sources = InputSource.expand(inputs);
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    try (Model model = modelOptions.load(modelPath, profileOption, 1, rawOutputs);
        PredictionWriter writer = PredictionWriter.open(output, outputFormat, spec)) {
      Map<String, Predictor> predictors = new HashMap<>();
      ImagePredictions images = new ImagePredictions(model, visionOptions, maskDir, annotateDir);
      // Without --signature and serving_default, each payload must name its signature.
      Signature chosen = pick(model, signatureName);
      for (InputSource source : sources) {
        try {
          byte[] payload = source.read(parent.stdin);
          boolean image = imagesForced || (inputFormat == null && isImage(source, payload));
          if (image) {
            if (csv) {
              throw new IllegalArgumentException(
                  "expected JSON output for an image input, found CSV (--output-format json)");
            }
            Signature signature = chosen != null ? chosen : model.defaultSignature();
            VisionResult result =
                images.predict(predictor(model, predictors, signature.name()), source, payload);
            writer.write(source.name(), result);
          } else {
            predictOne(model, chosen, predictors, source, payload, inputFormat, writer);
          }
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

  /** An image by its name, or (when the name says no format) by its first bytes. */
  private static boolean isImage(InputSource source, byte[] payload) {
    if (ImagePredictions.isImageName(source.name())) {
      return true;
    }
    boolean namedFormat = source.path() != null && Format.fromFileName(source.name()).isPresent();
    return !namedFormat && ImagePredictions.looksLikeImage(payload);
  }

  private static Signature pick(Model model, String name) throws ModelException {
    if (model.signatures().isEmpty()) {
      StringBuilder why = new StringBuilder();
      model.metadata().entrySet().stream()
          .filter(e -> e.getKey().startsWith("skipped_signature."))
          .forEach(
              e ->
                  why.append("; ")
                      .append(e.getKey().substring("skipped_signature.".length()))
                      .append(": ")
                      .append(e.getValue()));
      throw new ModelException(
          "expected a signature to run in " + model.path() + ", found none it can run" + why);
    }
    if (name != null) {
      return model.predictor(name).signature();
    }
    boolean hasDefault =
        model.signatures().size() == 1
            || model.signatures().stream().anyMatch(s -> s.name().equals(Signature.DEFAULT_NAME));
    return hasDefault ? model.defaultSignature() : null;
  }

  private void predictOne(
      Model model,
      Signature chosen,
      Map<String, Predictor> predictors,
      InputSource source,
      byte[] payload,
      Format inputFormat,
      PredictionWriter writer)
      throws IOException, ModelException {
    Format sourceFormat = inputFormat != null ? inputFormat : formatOf(source);
    // The payload may name its own signature (TF Serving's "signature_name"): its inputs are
    // decoded for that one, not first misread as the default's.
    String named = SignatureName.peek(sourceFormat, payload);
    if (chosen == null && named == null) {
      model.defaultSignature(); // throws, naming the signatures there are
    }
    Signature signature = chosen;
    if (named != null && (chosen == null || !named.equals(chosen.name()))) {
      if (signatureName != null) {
        throw new IllegalArgumentException(
            "expected signature '"
                + chosen.name()
                + "' (chosen by --signature), found a request for '"
                + named
                + "' (its \"signature_name\"): drop one of them");
      }
      signature = predictor(model, predictors, named).signature();
    }
    Predictor predictor = predictor(model, predictors, signature.name());
    DecodedInput decoded =
        InputDecoder.decode(sourceFormat, payload, signature, predictor.rawInputTypes());
    Map<String, Tensor> outputs = predictor.predict(decoded.inputs());
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
                        + " .npy, .raw or an image (.png, .jpg, .jpeg, .bmp), found '"
                        + source.path().getFileName()
                        + "' (use --format)"));
  }
}
