package io.edgeinfer.tensorflow;

import io.edgeinfer.core.DiskUsage;
import io.edgeinfer.core.MalformedModelException;
import io.edgeinfer.core.MemoryNeed;
import io.edgeinfer.core.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory a SavedModel needs in TensorFlow, from file sizes only (nothing native is loaded): the
 * graph ({@code saved_model.pb}) and the variables are read into memory whole, on top of the
 * runtime's own footprint.
 */
final class TensorFlowMemoryEstimate {
  /**
   * Peak RSS of a bare TF Java 1.1.0 process on x86_64, as measured for the team
   * (/work/shared/docs/tensorflow-java.md: ~300 MB bare, ~370 MB with a small MLP loaded).
   */
  static final long RUNTIME_OVERHEAD_BYTES = 300L << 20;

  private TensorFlowMemoryEstimate() {}

  static MemoryNeed of(Path dir) throws ModelException {
    Path graph = dir.resolve("saved_model.pb");
    if (!Files.isRegularFile(graph)) {
      throw new MalformedModelException(
          "expected a SavedModel directory with saved_model.pb, found " + dir);
    }
    try {
      long weights = Files.size(graph) + DiskUsage.bytes(dir.resolve("variables"));
      return new MemoryNeed(
          weights,
          0,
          RUNTIME_OVERHEAD_BYTES,
          "saved_model.pb and variables/ on disk; TensorFlow's runtime measured at ~300 MB peak"
              + " RSS bare (~370 MB with a small MLP); activations are TensorFlow's own, not"
              + " planned ahead");
    } catch (IOException e) {
      throw new ModelException("cannot read " + dir + ": " + e.getMessage(), e);
    }
  }
}
