package io.edgeinfer.core.vision;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an image of another shape is fitted to the model's input. All three resize bilinearly with
 * half-pixel centres (TensorFlow 2's {@code tf.image.resize}).
 */
public enum ResizeMode {
  /** The whole image to the input's size, aspect ratio not kept (what the Task Library does). */
  STRETCH,
  /** The largest centred part with the input's aspect ratio, so the edges are cut off. */
  CROP,
  /** The whole image with its aspect ratio, centred, the rest filled with black. */
  LETTERBOX;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named {@code label}; an error names the modes there are. */
  public static ResizeMode fromLabel(String label) {
    for (ResizeMode mode : values()) {
      if (mode.label().equals(label.toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "expected a resize mode of "
            + Arrays.stream(values()).map(ResizeMode::label).collect(Collectors.joining(", "))
            + ", found '"
            + label
            + "'");
  }
}
