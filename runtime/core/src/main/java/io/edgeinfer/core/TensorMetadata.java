package io.edgeinfer.core;

import java.util.List;

/**
 * What a model file says about one input or output beyond its type and shape (TFLite model
 * metadata): how the model wants its input normalized and which packed files label its values.
 * Engines whose format has no such metadata give none.
 *
 * @param mean per-channel means of the normalization {@code (value - mean) / std}; empty when the
 *     file declares none
 * @param std per-channel standard deviations, as many as {@code mean}
 * @param axisLabels names of the packed files that label the tensor's last axis (one label per
 *     line: a classifier's classes, a segmenter's categories)
 * @param valueLabels names of the packed files that label the tensor's values (a detector's class
 *     ids)
 */
public record TensorMetadata(
    String name,
    String description,
    List<Float> mean,
    List<Float> std,
    List<String> axisLabels,
    List<String> valueLabels) {
  public TensorMetadata {
    mean = List.copyOf(mean);
    std = List.copyOf(std);
    axisLabels = List.copyOf(axisLabels);
    valueLabels = List.copyOf(valueLabels);
  }

  /** Whether the file declares a normalization for this tensor. */
  public boolean hasNormalization() {
    return !mean.isEmpty() && !std.isEmpty();
  }
}
