package io.edgeinfer.core.vision;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a vision model's outputs are read as. */
public enum VisionTask {
  /** One score per class: the top classes with their labels. */
  CLASSIFY,
  /** Boxes, classes, scores and a count (TFLite_Detection_PostProcess): labelled boxes. */
  DETECT,
  /** One score per class per pixel: a category mask and pixel counts per label. */
  SEGMENT,
  /** The output tensors as they are. */
  RAW;

  /** The name on the command line and in the JSON, e.g. {@code classify}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The task named {@code label} ({@code classify}, {@code detect}, {@code segment}, {@code raw}).
   *
   * @throws IllegalArgumentException naming the tasks there are
   */
  public static VisionTask fromLabel(String label) {
    for (VisionTask task : values()) {
      if (task.label().equals(label.toLowerCase(Locale.ROOT))) {
        return task;
      }
    }
    throw new IllegalArgumentException(
        "expected a task of "
            + Arrays.stream(values()).map(VisionTask::label).collect(Collectors.joining(", "))
            + ", found '"
            + label
            + "'");
  }
}
