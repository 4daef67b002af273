package io.edgeinfer.mqtt.watch;

import io.edgeinfer.core.codec.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The naming rules of a watched folder: which files are inputs, and what their outputs are called.
 */
final class WatchedFiles {
  static final String TOPIC_PREFIX = "file/";
  static final String PREDICTION = ".prediction.json";
  static final String ERROR = ".error.json";
  static final String MASK = ".mask.png";
  static final String NPY = "application/x-npy";

  private WatchedFiles() {}

  /**
   * An input: a format edgeinfer reads (by extension, as {@code predict} decides), and not hidden,
   * an output of ours, or a file another program is still writing under a temporary name.
   */
  static boolean isInput(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (name.isEmpty()
        || name.startsWith(".")
        || lower.endsWith(PREDICTION)
        || lower.endsWith(ERROR)
        || lower.endsWith(MASK)
        || lower.endsWith(".tmp")
        || lower.endsWith(".part")) {
      return false;
    }
    return imageType(name) != null || Format.fromFileName(name).isPresent();
  }

  /**
   * The media type of an image by its extension ({@code .jpg}, {@code .jpeg}, {@code .png}, {@code
   * .bmp}, in any case), or null for another file.
   */
  static String imageType(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (lower.endsWith(".png")) {
      return "image/png";
    }
    return lower.endsWith(".bmp") ? "image/bmp" : null;
  }

  /** The content type the pipeline decodes the file's payload by. */
  static String contentType(String name) {
    String image = imageType(name);
    if (image != null) {
      return image;
    }
    Optional<Format> format = Format.fromFileName(name);
    return switch (format.orElseThrow(
        () -> new IllegalArgumentException("not an input: " + name))) {
      case JSON -> "application/json";
      case CSV -> "text/csv";
      case NPY -> NPY;
      case RAW -> "application/octet-stream";
    };
  }

  static String topic(String name) {
    return TOPIC_PREFIX + name;
  }

  static Path prediction(Path dir, String name) {
    return dir.resolve(name + PREDICTION);
  }

  static Path mask(Path dir, String name) {
    return dir.resolve(name + MASK);
  }

  static Path error(Path dir, String name) {
    return dir.resolve(name + ERROR);
  }

  /** Answered already, by this run or an earlier one. */
  static boolean hasOutput(Path dir, String name) {
    return Files.exists(prediction(dir, name)) || Files.exists(error(dir, name));
  }
}
