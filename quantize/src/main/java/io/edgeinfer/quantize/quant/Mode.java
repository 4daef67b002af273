package io.edgeinfer.quantize.quant;

import java.util.Arrays;
import java.util.Locale;

/** What the converter does to precision. */
public enum Mode {
  /** Conversion only. */
  FLOAT32,
  /** Weights stored as IEEE half floats, widened once at load (DEQUANTIZE). */
  FLOAT16,
  /**
   * int8 weights (per channel in convolutions, per tensor in FULLY_CONNECTED), float activations.
   */
  DYNAMIC_INT8,
  /** int8 weights and activations, int32 biases, calibrated ranges. */
  INT8;

  /**
   * The command-line spelling: {@code float32}, {@code float16}, {@code dynamic-int8}, {@code
   * int8}.
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Mode parse(String text) {
    for (Mode mode : values()) {
      if (mode.label().equals(text)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "expected a mode among "
            + Arrays.stream(values()).map(Mode::label).toList()
            + ", found "
            + text);
  }

  public boolean needsCalibration() {
    return this == INT8;
  }
}
