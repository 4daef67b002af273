package io.edgeinfer.cli;

import io.edgeinfer.core.Engine;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What the edge distribution leaves out (TensorFlow, training, the quantizer), so that asking for
 * it there gets one line saying where it is instead of a generic "unknown" error.
 */
final class WorkstationOnly {
  private WorkstationOnly() {}

  static final String WHERE = "the workstation distribution";

  /** Commands that Main registers only when their module is on the class path. */
  static final Set<String> COMMANDS = Set.of("train", "evaluate", "quantize");

  private static final String TENSORFLOW = "tensorflow";

  /** Refuses, before any engine sees it, a model that needs the absent tensorflow engine. */
  static void checkEngine(Path model, String engineName) throws ModelException {
    List<String> installed = Engines.available().stream().map(Engine::name).toList();
    if (installed.contains(TENSORFLOW)) {
      return;
    }
    if (TENSORFLOW.equals(engineName)) {
      throw new ModelException(
          "expected an installed engine "
              + installed
              + ", found --engine tensorflow, which is in "
              + WHERE);
    }
    if (engineName == null && Files.isRegularFile(model.resolve("saved_model.pb"))) {
      throw new ModelException(
          "expected a .tflite file, found a SavedModel directory: "
              + model
              + " (SavedModels need the tensorflow engine of "
              + WHERE
              + ")");
    }
  }
}
