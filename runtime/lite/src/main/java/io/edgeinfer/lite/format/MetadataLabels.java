package io.edgeinfer.lite.format;

import io.edgeinfer.core.MalformedModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The class labels a .tflite file carries in TFLite's standard metadata: the output's {@code
 * TENSOR_AXIS_LABELS} file named in {@value TfliteMetadata#ENTRY}, read from the zip after the
 * model (see {@link PackedFiles}). This is where Google's classifiers (and the files edgeinfer
 * writes) keep them.
 */
public final class MetadataLabels {
  /** A label file larger than this is not read. */
  private static final int MAX_BYTES = 64 << 20;

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
        .flatMap(name -> lines(file, name))
        .orElse(List.of());
  }

  /**
   * The lines of one packed file (one label a line; a last empty line is not a label), if the file
   * packs it and it is no larger than 64 MB.
   */
  static Optional<List<String>> lines(Path file, String name) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry entry = zip.getEntry(name);
      if (entry == null || entry.getSize() > MAX_BYTES) {
        return Optional.empty();
      }
      try (InputStream in = zip.getInputStream(entry)) {
        String text = new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\\r?\\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
          lines.remove(lines.size() - 1);
        }
        return Optional.of(List.copyOf(lines));
      }
    } catch (IOException | RuntimeException e) {
      // No zip, or a broken one: the file has no labels to give.
      return Optional.empty();
    }
  }
}
