package io.edgeinfer.lite.format;

import io.edgeinfer.core.MalformedModelException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The class labels a .tflite file carries in TFLite's standard metadata: the output's {@code
 * TENSOR_AXIS_LABELS} file named in {@value TfliteMetadata#ENTRY}, read from the zip after the
 * model. This is where Google's classifiers (and the files edgeinfer writes) keep them.
 */
public final class MetadataLabels {
  private MetadataLabels() {}

  /**
   * The labels, one per class; empty when the file has no such metadata, names a label file it does
   * not pack, or has unreadable metadata ({@code inspect} reports that).
   */
  public static List<String> read(LiteModel model, Path file) {
    Optional<TfliteMetadata> metadata;
    try {
      metadata =
          model.metadata(TfliteMetadata.ENTRY).isPresent()
              ? Optional.of(TfliteMetadata.read(model.metadata(TfliteMetadata.ENTRY).get()))
              : Optional.empty();
    } catch (MalformedModelException e) {
      return List.of();
    }
    return metadata
        .flatMap(TfliteMetadata::axisLabelsFile)
        .flatMap(name -> PackedFiles.lines(file, name))
        .orElse(List.of());
  }
}
