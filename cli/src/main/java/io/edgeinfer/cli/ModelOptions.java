package io.edgeinfer.cli;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Option;

/** How a command loads its model: engine, threads, tags. */
final class ModelOptions {
  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description = "The engine to use (default: the one that recognises the model).")
  String engine;

  @Option(
      names = "--intra-op-threads",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Threads inside one TensorFlow operation (default: ${DEFAULT-VALUE}; 0 lets TF decide).")
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
    WorkstationOnly.checkEngine(path, engine);
    return Engines.load(path, engine, new LoadOptions(intraOpThreads, interOpThreads, tags));
  }
}
