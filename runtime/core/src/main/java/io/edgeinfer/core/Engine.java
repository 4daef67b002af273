package io.edgeinfer.core;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A way to run one model format. Engines are found with {@link java.util.ServiceLoader}: an engine
 * jar on the class path is all it takes to add one.
 */
public interface Engine {
  /** A short name users type, e.g. {@code tensorflow} or {@code lite}. */
  String name();

  /** What this engine loads, for error messages, e.g. {@code a SavedModel directory}. */
  String format();

  /** Whether {@code path} looks like this engine's format; cheap, reads at most a header. */
  boolean canLoad(Path path);

  Model load(Path path, LoadOptions options) throws ModelException;

  /**
   * What {@code path} declares. The default loads the model; engines that can read what they cannot
   * run override it, so that a model they refuse is still described.
   */
  default ModelSummary describe(Path path, LoadOptions options) throws ModelException {
    try (Model model = load(path, options)) {
      return ModelSummary.of(model);
    }
  }

  /**
   * What {@code path} would need in memory once loaded and run on batches of {@code batch} rows,
   * worked out without loading it. Engines that know their planner and runtime override this; the
   * default only counts the bytes on disk, so it understates the need.
   */
  default MemoryNeed estimate(Path path, LoadOptions options, int batch) throws ModelException {
    if (batch < 1) {
      throw new IllegalArgumentException("expected a batch >= 1, found " + batch);
    }
    try {
      long bytes = DiskUsage.bytes(path);
      return new MemoryNeed(bytes, 0, 0, "the " + name() + " engine gives only the size on disk");
    } catch (IOException e) {
      throw new ModelException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
