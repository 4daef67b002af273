package io.edgeinfer.train.data;

import java.util.Locale;

/** How features are rescaled before training. */
public enum NormalizationMode {
  /** Features as they are. */
  NONE,
  /** Min-max scaling to [0, 1] on the training rows. */
  SCALE,
  /** Zero mean and unit variance on the training rows. */
  STANDARDIZE;

  /** Parses {@code none}, {@code scale} or {@code standardize}, in any case. */
  public static NormalizationMode parse(String text) {
    for (NormalizationMode mode : values()) {
      if (mode.name().equalsIgnoreCase(text.strip())) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "expected a normalization of none, scale or standardize, found '" + text + "'");
  }

  /** The lower-case name used on the command line and in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
