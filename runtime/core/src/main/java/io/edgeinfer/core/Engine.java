package io.edgeinfer.core;

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
}
