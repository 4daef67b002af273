package io.edgeinfer.core;

import java.util.Set;

/**
 * How to load a model.
 *
 * @param intraOpThreads threads inside one operation (0: the engine decides)
 * @param interOpThreads operations run at once (0: the engine decides)
 * @param tags the SavedModel tag set to load
 */
public record LoadOptions(int intraOpThreads, int interOpThreads, Set<String> tags) {
  /** One thread each: the fastest setting for the small models edge devices run. */
  public static final LoadOptions DEFAULTS = new LoadOptions(1, 1, Set.of("serve"));

  public LoadOptions {
    if (intraOpThreads < 0 || interOpThreads < 0) {
      throw new IllegalArgumentException(
          "expected thread counts >= 0, found intra "
              + intraOpThreads
              + " and inter "
              + interOpThreads);
    }
    tags = Set.copyOf(tags);
  }

  public LoadOptions withThreads(int intra, int inter) {
    return new LoadOptions(intra, inter, tags);
  }
}
