package io.edgeinfer.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The engines on the class path, and loading a model with the right one. */
public final class Engines {
  private Engines() {}

  public static List<Engine> available() {
    List<Engine> engines = new ArrayList<>();
    ServiceLoader.load(Engine.class).forEach(engines::add);
    return engines;
  }

  /** Loads {@code path} with the first engine that recognises it. */
  public static Model load(Path path, LoadOptions options) throws ModelException {
    return load(path, null, options);
  }

  /**
   * Loads {@code path} with the engine called {@code engineName}, or with the first engine that
   * recognises the path when the name is null.
   */
  public static Model load(Path path, String engineName, LoadOptions options)
      throws ModelException {
    return pick(path, engineName).load(path, options);
  }

  /** What {@code path} declares, from the engine {@link #pick} picks. */
  public static ModelSummary describe(Path path, String engineName, LoadOptions options)
      throws ModelException {
    return pick(path, engineName).describe(path, options);
  }

  /**
   * What {@code path} would need in memory in the engine {@link #load(Path, String, LoadOptions)}
   * would pick, without loading it.
   */
  public static MemoryNeed estimate(Path path, String engineName, LoadOptions options, int batch)
      throws ModelException {
    return pick(path, engineName).estimate(path, options, batch);
  }

  /**
   * The engine called {@code engineName}, or the first that recognises the path when the name is
   * null.
   */
  public static Engine pick(Path path, String engineName) throws ModelException {
    if (!Files.exists(path)) {
      throw new ModelException("no such file or directory: " + path);
    }
    List<Engine> engines = available();
    if (engineName != null) {
      for (Engine engine : engines) {
        if (engine.name().equals(engineName)) {
          return engine;
        }
      }
      throw new ModelException(
          "unknown engine '" + engineName + "': expected one of " + names(engines));
    }
    for (Engine engine : engines) {
      if (engine.canLoad(path)) {
        return engine;
      }
    }
    String expected =
        engines.isEmpty()
            ? "a model, but no engine is installed"
            : engines.stream().map(Engine::format).collect(Collectors.joining(" or "));
    throw new MalformedModelException(
        "expected "
            + expected
            + ", found "
            + (Files.isDirectory(path)
                ? "a directory that is neither: "
                : "a file that is neither: ")
            + path);
  }

  private static String names(List<Engine> engines) {
    return engines.isEmpty()
        ? "(none installed)"
        : engines.stream().map(Engine::name).collect(Collectors.joining(", "));
  }
}
