package io.edgeinfer.cli;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.ModelSummary;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.vision.VisionOptions;
import io.edgeinfer.core.vision.VisionPipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgeinfer inspect MODEL}: what a model takes and gives, for people or for scripts. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Show a model's signatures (inputs, outputs, types, shapes) and metadata.",
      "A .tflite file is described even when the lite engine cannot run it: its subgraphs,"
          + " tensor types, operators (version, count), TFLite model metadata, the planned"
          + " activation arena (arena_bytes) and what is not runnable here.",
      "For a model with one image input: what predict does with an image (task, labels, size,"
          + " resize, normalization), as the flags below would change it."
    })
final class InspectCommand implements Callable<Integer> {
  @Parameters(paramLabel = "MODEL", description = "A SavedModel directory or a .tflite file.")
  Path modelPath;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin ModelOptions modelOptions;

  @Mixin VisionFlags vision;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ModelSummary summary = modelOptions.describe(modelPath);
    ModelDescription description = ModelDescription.of(summary);
    VisionOptions options = vision.options(spec);
    if (hasImageInput(summary)) {
      try (Model model = modelOptions.load(modelPath);
          Predictor predictor = model.predictor()) {
        description = description.withVision(VisionPipeline.of(model, predictor, options));
      } catch (IllegalArgumentException | ModelException e) {
        // Not an image model after all, or one the engine cannot run: nothing to show.
      }
    }
    out.print(json ? description.toJson() : description.toText());
    out.flush();
    return ExitCodes.OK;
  }

  /** A default signature with one input of rank 4: worth loading the model to ask. */
  private static boolean hasImageInput(ModelSummary summary) {
    List<Signature> signatures = summary.signatures();
    Signature signature =
        signatures.size() == 1
            ? signatures.get(0)
            : signatures.stream()
                .filter(s -> s.name().equals(Signature.DEFAULT_NAME))
                .findFirst()
                .orElse(null);
    return signature != null
        && signature.inputs().size() == 1
        && !signature.inputs().get(0).shape().isUnknownRank()
        && signature.inputs().get(0).shape().rank() == 4;
  }
}
