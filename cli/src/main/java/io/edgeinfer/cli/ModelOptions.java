package io.edgeinfer.cli;

import io.edgeinfer.core.Engine;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.MemoryNeed;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.ModelSummary;
import io.edgeinfer.profiles.DeviceProfile;
import io.edgeinfer.profiles.MemoryBudget;
import io.edgeinfer.profiles.ModelTooLargeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Option;

/** How a command loads its model: engine, threads, tags, and the device profile's budget. */
final class ModelOptions {
  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description =
          "The engine to use (default: the profile's when it loads the model, else the one that"
              + " recognises the model).")
  String engine;

  @Option(
      names = "--intra-op-threads",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Threads inside one operation: TensorFlow's, or lite's large convolutions (default:"
              + " the profile's threads, else ${DEFAULT-VALUE}; 0 lets the engine decide).")
  int intraOpThreads;

  @Option(
      names = "--inter-op-threads",
      paramLabel = "N",
      defaultValue = "1",
      description = "TensorFlow operations run at once (default: ${DEFAULT-VALUE}).")
  int interOpThreads;

  @Option(
      names = "--tags",
      paramLabel = "TAG",
      split = ",",
      defaultValue = "serve",
      description = "The SavedModel tag set to load (default: ${DEFAULT-VALUE}).")
  Set<String> tags;

  Model load(Path path) throws ModelException {
    return load(path, false);
  }

  /** Loads, with int8 outputs as raw integers when {@code rawOutputs} (see LoadOptions). */
  Model load(Path path, boolean rawOutputs) throws ModelException {
    WorkstationOnly.checkEngine(path, engine);
    return Engines.load(
        path, engine, new LoadOptions(intraOpThreads, interOpThreads, tags, rawOutputs));
  }

  /** What the model declares, from the engine that would load it (see Engine#describe). */
  ModelSummary describe(Path path) throws ModelException {
    WorkstationOnly.checkEngine(path, engine);
    return Engines.describe(
        path, engine, new LoadOptions(intraOpThreads, interOpThreads, tags, false));
  }

  /**
   * Loads the model with the profile's engine and threads where the flags leave them open, after
   * checking that its memory need for batches of {@code batch} rows fits the profile's budget.
   *
   * @throws ModelTooLargeException before anything of the model is loaded
   */
  Model load(Path path, ProfileOption profileOption, int batch)
      throws ModelException, IOException, ModelTooLargeException {
    return load(path, profileOption, batch, false);
  }

  /** The same, with int8 outputs as raw integers when {@code rawOutputs}. */
  Model load(Path path, ProfileOption profileOption, int batch, boolean rawOutputs)
      throws ModelException, IOException, ModelTooLargeException {
    DeviceProfile profile = profileOption.profile();
    String engineName = engine;
    int intra = intraOpThreads;
    if (profile != null) {
      if (engineName == null) {
        engineName = preferredEngine(profile, path);
      }
      if (!profileOption.given("--intra-op-threads")) {
        intra = profile.threads();
      }
    }
    WorkstationOnly.checkEngine(path, engineName);
    LoadOptions options = new LoadOptions(intra, interOpThreads, tags, rawOutputs);
    if (profile != null) {
      MemoryNeed need = Engines.estimate(path, engineName, options, batch);
      MemoryBudget.check(path.toString(), need, profile);
    }
    return Engines.load(path, engineName, options);
  }

  /** The profile's engine when it is installed and loads this model; else null (any engine). */
  private static String preferredEngine(DeviceProfile profile, Path path) {
    for (Engine candidate : Engines.available()) {
      if (candidate.name().equals(profile.engine().label()) && candidate.canLoad(path)) {
        return candidate.name();
      }
    }
    return null;
  }
}
