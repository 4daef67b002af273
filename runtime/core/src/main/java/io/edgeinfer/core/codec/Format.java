package io.edgeinfer.core.codec;

import java.util.Locale;
import java.util.Optional;

/** The payload formats edgeinfer reads. */
public enum Format {
  JSON,
  CSV,
  NPY,
  RAW;

  /**
   * From a file name: {@code .json}/{@code .jsonl} -> JSON, {@code .csv} and {@code .csv.gz} ->
   * CSV, {@code .npy} -> NPY, {@code .raw}/{@code .bin}/{@code .f32} -> RAW. Case-insensitive.
   */
  public static Optional<Format> fromFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".json") || name.endsWith(".jsonl")) {
      return Optional.of(JSON);
    }
    if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
      return Optional.of(CSV);
    }
    if (name.endsWith(".npy")) {
      return Optional.of(NPY);
    }
    if (name.endsWith(".raw") || name.endsWith(".bin") || name.endsWith(".f32")) {
      return Optional.of(RAW);
    }
    return Optional.empty();
  }

  /** Parses {@code json}, {@code csv}, {@code npy} or {@code raw}, in any case. */
  public static Format fromLabel(String label) {
    for (Format format : values()) {
      if (format.name().equalsIgnoreCase(label)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "expected one of json, csv, npy, raw, found '" + label + "'");
  }

  /** The lower-case label, e.g. {@code npy}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
