package io.edgeinfer.profiles;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a model's numbers are stored, as {@code edgeinfer quantize --mode} names them. */
public enum Precision {
  FLOAT32("float32", 4, 4),
  FLOAT16("float16", 2, 4),
  /** Int8 weights, float activations (TFLite's "dynamic range" quantization). */
  DYNAMIC_INT8("dynamic-int8", 1, 4),
  /** Int8 weights and activations. */
  INT8("int8", 1, 1);

  private final String label;
  private final int weightBytes;
  private final int activationBytes;

  Precision(String label, int weightBytes, int activationBytes) {
    this.label = label;
    this.weightBytes = weightBytes;
    this.activationBytes = activationBytes;
  }

  public String label() {
    return label;
  }

  /** Bytes per weight in the model file. */
  public int weightBytes() {
    return weightBytes;
  }

  /** Bytes per activation element at run time. */
  public int activationBytes() {
    return activationBytes;
  }

  public static Optional<Precision> fromLabel(String label) {
    return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
  }

  public static String labels() {
    return Arrays.stream(values()).map(Precision::label).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return label;
  }
}
