package io.edgeinfer.core;

import java.util.Set;

/**
 * How to load a model.
 *
 * @param intraOpThreads threads inside one operation (0: the engine decides)
 * @param interOpThreads operations run at once (0: the engine decides)
 * @param tags the SavedModel tag set to load
 * @param rawOutputs quantized (int8) outputs come back as their raw integers, typed as such in the
 *     signature, instead of dequantized to float32; engines without quantized outputs ignore it
 */
public record LoadOptions(
    int intraOpThreads, int interOpThreads, Set<String> tags, boolean rawOutputs) {
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

  /** Dequantized outputs. */
  public LoadOptions(int intraOpThreads, int interOpThreads, Set<String> tags) {
    this(intraOpThreads, interOpThreads, tags, false);
  }

  public LoadOptions withThreads(int intra, int inter) {
    return new LoadOptions(intra, inter, tags, rawOutputs);
  }

  public LoadOptions withRawOutputs(boolean raw) {
    return new LoadOptions(intraOpThreads, interOpThreads, tags, raw);
  }
}
