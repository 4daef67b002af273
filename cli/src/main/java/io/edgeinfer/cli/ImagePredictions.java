package io.edgeinfer.cli;

import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.image.ImageFormat;
import io.edgeinfer.core.image.RgbImage;
import io.edgeinfer.core.vision.Annotation;
import io.edgeinfer.core.vision.Segmentation;
import io.edgeinfer.core.vision.VisionOptions;
import io.edgeinfer.core.vision.VisionPipeline;
import io.edgeinfer.core.vision.VisionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code predict} on image inputs: one {@link VisionPipeline} per signature, the category mask of a
 * segmentation written as PNG (beside the input, or in the mask folder), and the annotated copy in
 * the annotation folder when one is given.
 */
final class ImagePredictions {
  /** The suffix of mask files, which a folder of inputs leaves out when read again. */
  static final String MASK_SUFFIX = ".mask.png";

  private final Model model;
  private final VisionOptions options;
  private final Path maskDir;
  private final Path annotateDir;
  private final Map<String, VisionPipeline> pipelines = new HashMap<>();

  ImagePredictions(Model model, VisionOptions options, Path maskDir, Path annotateDir) {
    this.model = model;
    this.options = options;
    this.maskDir = maskDir;
    this.annotateDir = annotateDir;
  }

  /** Whether a file name ends in .png, .jpg, .jpeg or .bmp, in any case. */
  static boolean isImageName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".png")
        || lower.endsWith(".jpg")
        || lower.endsWith(".jpeg")
        || lower.endsWith(".bmp");
  }

  /** Whether the bytes start as a PNG, JPEG or BMP does. */
  static boolean looksLikeImage(byte[] payload) {
    return ImageFormat.sniff(payload).isPresent();
  }

  VisionResult predict(Predictor predictor, InputSource source, byte[] payload)
      throws ModelException, IOException {
    VisionPipeline pipeline = pipelines.get(predictor.signature().name());
    if (pipeline == null) {
      pipeline = VisionPipeline.of(model, predictor, options);
      pipelines.put(predictor.signature().name(), pipeline);
    }
    RgbImage image = pipeline.decode(payload);
    VisionResult result = pipeline.run(image);
    if (result instanceof Segmentation segmentation) {
      Path mask = maskPath(source);
      if (mask != null) {
        Files.write(mask, segmentation.maskPng());
        result = segmentation.withMaskFile(mask.getFileName().toString());
      }
    }
    if (annotateDir != null) {
      Files.createDirectories(annotateDir);
      Files.write(annotateDir.resolve(stem(source) + ".png"), Annotation.png(image, result));
    }
    return result;
  }

  /** Beside the input, or in the mask folder; none for standard input without a mask folder. */
  private Path maskPath(InputSource source) throws IOException {
    String name = stem(source) + MASK_SUFFIX;
    if (maskDir != null) {
      Files.createDirectories(maskDir);
      return maskDir.resolve(name);
    }
    if (source.path() == null) {
      return null;
    }
    Path folder = source.path().toAbsolutePath().getParent();
    return folder.resolve(name);
  }

  /** The input's file name without its extension; {@code stdin} for standard input. */
  private static String stem(InputSource source) {
    if (source.path() == null) {
      return "stdin";
    }
    String name = source.path().getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
