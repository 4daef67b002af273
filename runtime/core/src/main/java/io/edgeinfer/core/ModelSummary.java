package io.edgeinfer.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a model declares, for {@code inspect}: its signatures and metadata. Engines that can read a
 * model they cannot run describe it anyway, and say in the metadata what they cannot run.
 */
public record ModelSummary(
    Path path, String engine, List<Signature> signatures, Map<String, String> metadata) {
  public ModelSummary {
    signatures = List.copyOf(signatures);
    metadata = Map.copyOf(metadata);
  }

  /** A loaded model's signatures and metadata. */
  public static ModelSummary of(Model model) {
    return new ModelSummary(model.path(), model.engine(), model.signatures(), model.metadata());
  }
}
