package io.edgeinfer.lite;

import io.edgeinfer.core.Engine;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.MemoryNeed;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.ModelSummary;
import io.edgeinfer.lite.format.TfliteFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The {@code lite} engine: TensorFlow Lite models, interpreted in plain Java. */
public final class LiteEngine implements Engine {
  public static final String NAME = "lite";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String format() {
    return "a .tflite file";
  }

  @Override
  public boolean canLoad(Path path) {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    return TfliteFile.hasIdentifier(path)
        || path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tflite");
  }

  @Override
  public Model load(Path path, LoadOptions options) throws ModelException {
    return LiteRuntimeModel.load(path, options);
  }

  /** Describes any sound .tflite file, naming what this engine cannot run yet. */
  @Override
  public ModelSummary describe(Path path, LoadOptions options) throws ModelException {
    return LiteDescription.describe(path, options);
  }

  @Override
  public MemoryNeed estimate(Path path, LoadOptions options, int batch) throws ModelException {
    return LiteMemoryEstimate.of(path, batch, LiteRuntimeModel.threads(options));
  }
}
