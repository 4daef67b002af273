package io.edgeinfer.tensorflow;

import io.edgeinfer.core.Engine;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.MemoryNeed;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import java.nio.file.Path;

/** The {@code tensorflow} engine: SavedModels, run by TensorFlow Java's native library. */
public final class TensorFlowEngine implements Engine {
  public static final String NAME = "tensorflow";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String format() {
    return "a SavedModel directory (with saved_model.pb)";
  }

  @Override
  public boolean canLoad(Path path) {
    return SavedModelReader.isSavedModel(path);
  }

  @Override
  public Model load(Path path, LoadOptions options) throws ModelException {
    return TensorFlowModel.load(path, options);
  }

  @Override
  public MemoryNeed estimate(Path path, LoadOptions options, int batch) throws ModelException {
    return TensorFlowMemoryEstimate.of(path);
  }
}
