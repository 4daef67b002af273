package io.edgeinfer.mqtt;

import io.edgeinfer.core.vision.VisionOptions;
import java.nio.file.Path;

/**
 * How the pipeline answers image payloads (JPEG, PNG, BMP).
 *
 * @param options the task, labels and preprocessing overrides ({@code serve}'s vision flags)
 * @param watchDir the watched folder, where segmentation masks of its images are written; or null
 */
public record VisionSetup(VisionOptions options, Path watchDir) {
  /** Everything from the model's metadata and outputs; no watched folder. */
  public static final VisionSetup DEFAULTS = new VisionSetup(VisionOptions.DEFAULTS, null);

  public VisionSetup {
    if (options == null) {
      options = VisionOptions.DEFAULTS;
    }
  }
}
