package io.edgeinfer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
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
          + " activation arena (arena_bytes) and what is not runnable here."
    })
final class InspectCommand implements Callable<Integer> {
  @Parameters(paramLabel = "MODEL", description = "A SavedModel directory or a .tflite file.")
  Path modelPath;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin ModelOptions modelOptions;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ModelDescription description = ModelDescription.of(modelOptions.describe(modelPath));
    out.print(json ? description.toJson() : description.toText());
    out.flush();
    return ExitCodes.OK;
  }
}
