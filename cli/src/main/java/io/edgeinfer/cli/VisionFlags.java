package io.edgeinfer.cli;

import io.edgeinfer.core.vision.Box;
import io.edgeinfer.core.vision.ResizeMode;
import io.edgeinfer.core.vision.VisionOptions;
import io.edgeinfer.core.vision.VisionTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The flags of image inputs, shared by {@code predict}, {@code inspect} and {@code serve}
 * ({@code @Mixin VisionFlags vision;}): each overrides what the model's metadata and outputs say.
 */
final class VisionFlags {
  @Option(
      names = "--task",
      paramLabel = "classify|detect|segment|raw",
      description =
          "How to read the outputs for an image input (default: from the model's metadata and"
              + " outputs).")
  String task;

  @Option(
      names = "--mean",
      paramLabel = "V",
      split = ",",
      description =
          "Image normalization (pixel - mean) / std, one value or one per channel, with --std"
              + " (default: the model's metadata; else feed uint8 inputs the pixels as they are"
              + " and others (pixel - 127.5) / 127.5).")
  List<Float> mean = List.of();

  @Option(
      names = "--std",
      paramLabel = "V",
      split = ",",
      description = "Image normalization's standard deviation, with --mean.")
  List<Float> std = List.of();

  @Option(
      names = "--resize",
      paramLabel = "stretch|crop|letterbox",
      description =
          "How an image of another shape fits the input, bilinearly: stretch the whole image,"
              + " crop its centre to the input's aspect ratio, or letterbox it with black bands"
              + " (default: stretch).")
  String resize;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description =
          "Class labels, one per line, line n (from 0) for class n (default: the labels file"
              + " packed in the model).")
  Path labels;

  @Option(
      names = "--top-k",
      paramLabel = "N",
      defaultValue = "5",
      description = "Classes a classification reports (default: ${DEFAULT-VALUE}).")
  int topK;

  @Option(
      names = "--score-threshold",
      paramLabel = "X",
      description = "The lowest score reported, 0 to 1 (default: 0.5 to detect, 0 to classify).")
  Float scoreThreshold;

  @Option(
      names = "--max-results",
      paramLabel = "N",
      defaultValue = "25",
      description = "Detections reported at most (default: ${DEFAULT-VALUE}).")
  int maxResults;

  @Option(
      names = "--orientation",
      paramLabel = "1-8",
      description =
          "Turn images as this EXIF orientation says instead of their own (e.g. 6 for a camera"
              + " turned 90 degrees clockwise; default: each JPEG's EXIF orientation).")
  Integer orientation;

  @Option(
      names = "--region",
      paramLabel = "X,Y,WIDTH,HEIGHT",
      description =
          "Look at this part of each image only, in its pixels once turned upright (boxes and"
              + " masks stay in the whole image's pixels; default: the whole image).")
  String region;

  /**
   * The flags as options; a bad value, or a labels file that cannot be read, is a usage error (exit
   * 2), said once rather than for every image.
   */
  VisionOptions options(CommandSpec spec) {
    Usage.require(
        spec,
        labels == null || Files.isReadable(labels),
        "expected a readable labels file (--labels), found none at " + labels);
    return Usage.parse(
        spec,
        () ->
            new VisionOptions(
                task == null ? null : VisionTask.fromLabel(task),
                mean,
                std,
                resize == null ? null : ResizeMode.fromLabel(resize),
                labels,
                topK,
                scoreThreshold,
                maxResults,
                orientation,
                region == null ? null : region(region)));
  }

  private static Box region(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length == 4) {
      try {
        return new Box(
            Integer.parseInt(parts[0].strip()),
            Integer.parseInt(parts[1].strip()),
            Integer.parseInt(parts[2].strip()),
            Integer.parseInt(parts[3].strip()));
      } catch (NumberFormatException e) {
        // said below
      }
    }
    throw new IllegalArgumentException(
        "expected --region X,Y,WIDTH,HEIGHT in whole pixels, found '" + text + "'");
  }
}
