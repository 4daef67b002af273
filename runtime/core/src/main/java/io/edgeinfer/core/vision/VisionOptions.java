package io.edgeinfer.core.vision;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user sets about a vision model; every field left null (or empty) is taken from the
 * model's metadata and output signature, else from the defaults stated on each.
 *
 * @param task the task, or null to choose it from the metadata and outputs
 * @param mean per-channel means (one, or one per channel) overriding the model's normalization;
 *     empty for the model's own
 * @param std per-channel standard deviations, set together with {@code mean}
 * @param resize how the image is fitted to the input, or null for {@link ResizeMode#STRETCH}
 * @param labels a labels file (one label per line, line n for class n), or null for the model's
 *     packed one
 * @param topK how many classes a classification reports (at least 1)
 * @param scoreThreshold the lowest score reported, or null for the task's default (classify 0,
 *     detect 0.5)
 * @param maxResults how many detections at most (at least 1)
 * @param orientation the EXIF orientation (1-8) to apply instead of the file's own, or null to
 *     follow the file (a camera mounted sideways whose snapshots carry no EXIF)
 * @param region the part of the (upright) image the model looks at, in its pixels, or null for the
 *     whole image (Google's "region of interest"; a camera's driveway)
 */
public record VisionOptions(
    VisionTask task,
    List<Float> mean,
    List<Float> std,
    ResizeMode resize,
    Path labels,
    int topK,
    Float scoreThreshold,
    int maxResults,
    Integer orientation,
    Box region) {

  /** Everything from the model: top 5 classes, 25 detections. */
  public static final VisionOptions DEFAULTS =
      new VisionOptions(null, List.of(), List.of(), null, null, 5, null, 25, null, null);

  /** The options without a region (the whole image). */
  public VisionOptions(
      VisionTask task,
      List<Float> mean,
      List<Float> std,
      ResizeMode resize,
      Path labels,
      int topK,
      Float scoreThreshold,
      int maxResults,
      Integer orientation) {
    this(task, mean, std, resize, labels, topK, scoreThreshold, maxResults, orientation, null);
  }

  public VisionOptions {
    mean = List.copyOf(mean);
    std = List.copyOf(std);
    if (mean.isEmpty() != std.isEmpty()) {
      throw new IllegalArgumentException(
          "expected --mean and --std together, found only "
              + (mean.isEmpty() ? "--std" : "--mean"));
    }
    for (float s : std) {
      if (!(s > 0) || Float.isInfinite(s)) {
        throw new IllegalArgumentException("expected standard deviations above 0, found " + std);
      }
    }
    if (topK < 1) {
      throw new IllegalArgumentException("expected --top-k of at least 1, found " + topK);
    }
    if (maxResults < 1) {
      throw new IllegalArgumentException(
          "expected --max-results of at least 1, found " + maxResults);
    }
    if (scoreThreshold != null && !(scoreThreshold >= 0 && scoreThreshold <= 1)) {
      throw new IllegalArgumentException(
          "expected --score-threshold from 0 to 1, found " + scoreThreshold);
    }
    if (orientation != null && (orientation < 1 || orientation > 8)) {
      throw new IllegalArgumentException(
          "expected --orientation from 1 to 8, found " + orientation);
    }
    if (region != null
        && (region.x() < 0 || region.y() < 0 || region.width() < 1 || region.height() < 1)) {
      throw new IllegalArgumentException(
          "expected --region X,Y,WIDTH,HEIGHT with X and Y from 0 and a size of at least 1, found "
              + region.x()
              + ","
              + region.y()
              + ","
              + region.width()
              + ","
              + region.height());
    }
  }

  public VisionOptions withTask(VisionTask newTask) {
    return new VisionOptions(
        newTask, mean, std, resize, labels, topK, scoreThreshold, maxResults, orientation, region);
  }

  public VisionOptions withNormalization(List<Float> newMean, List<Float> newStd) {
    return new VisionOptions(
        task,
        newMean,
        newStd,
        resize,
        labels,
        topK,
        scoreThreshold,
        maxResults,
        orientation,
        region);
  }

  public VisionOptions withResize(ResizeMode newResize) {
    return new VisionOptions(
        task, mean, std, newResize, labels, topK, scoreThreshold, maxResults, orientation, region);
  }

  public VisionOptions withLabels(Path newLabels) {
    return new VisionOptions(
        task, mean, std, resize, newLabels, topK, scoreThreshold, maxResults, orientation, region);
  }

  public VisionOptions withTopK(int newTopK) {
    return new VisionOptions(
        task, mean, std, resize, labels, newTopK, scoreThreshold, maxResults, orientation, region);
  }

  public VisionOptions withScoreThreshold(Float newThreshold) {
    return new VisionOptions(
        task, mean, std, resize, labels, topK, newThreshold, maxResults, orientation, region);
  }

  public VisionOptions withMaxResults(int newMaxResults) {
    return new VisionOptions(
        task, mean, std, resize, labels, topK, scoreThreshold, newMaxResults, orientation, region);
  }

  public VisionOptions withOrientation(Integer newOrientation) {
    return new VisionOptions(
        task, mean, std, resize, labels, topK, scoreThreshold, maxResults, newOrientation, region);
  }

  public VisionOptions withRegion(Box newRegion) {
    return new VisionOptions(
        task, mean, std, resize, labels, topK, scoreThreshold, maxResults, orientation, newRegion);
  }

  /** The score threshold for {@code forTask}: the one set, else 0.5 for detect and 0 otherwise. */
  public float scoreThreshold(VisionTask forTask) {
    if (scoreThreshold != null) {
      return scoreThreshold;
    }
    return forTask == VisionTask.DETECT ? 0.5f : 0f;
  }
}
