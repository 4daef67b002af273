package io.edgeinfer.lite.kernels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * TFLite's {@code TFLite_Detection_PostProcess}: decodes SSD box encodings against anchors (centre
 * and size, each scaled), then non-max suppression: the fast kind (each box keeps its best classes,
 * one suppression over all boxes) or the regular kind (suppression per class, then the best
 * overall). Outputs boxes as {@code (ymin, xmin, ymax, xmax)}, class indices without the background
 * class, scores, and the number of detections, all float32; unused slots are zero.
 */
public final class DetectionPostProcess {
  /** The op's options, as its FlexBuffer map names them. */
  public record Options(
      int maxDetections,
      int maxClassesPerDetection,
      int detectionsPerClass,
      boolean useRegularNms,
      float scoreThreshold,
      float iouThreshold,
      int numClasses,
      float yScale,
      float xScale,
      float hScale,
      float wScale) {
    public Options {
      if (maxDetections < 1 || numClasses < 1 || maxClassesPerDetection < 1) {
        throw new IllegalArgumentException(
            "expected max_detections, num_classes and max_classes_per_detection >= 1, found "
                + maxDetections
                + ", "
                + numClasses
                + ", "
                + maxClassesPerDetection);
      }
      if (!(yScale > 0 && xScale > 0 && hScale > 0 && wScale > 0)) {
        throw new IllegalArgumentException("expected positive y, x, h and w scales");
      }
    }
  }

  private final Options options;
  private final float[] anchors;

  public DetectionPostProcess(Options options, float[] anchors) {
    this.options = options;
    this.anchors = anchors.clone();
  }

  private int detections() {
    int perBox =
        options.useRegularNms()
            ? 1
            : Math.min(options.maxClassesPerDetection(), options.numClasses());
    return options.maxDetections() * perBox;
  }

  public int[][] outputShapes(int[] boxes, int[] scores) {
    int numBoxes = anchors.length / 4;
    if (boxes.length != 3 || boxes[0] != 1 || boxes[1] != numBoxes || boxes[2] < 4) {
      throw new IllegalArgumentException(
          "expected box encodings [1, " + numBoxes + ", 4], found " + Arrays.toString(boxes));
    }
    if (scores.length != 3 || scores[1] != numBoxes || scores[2] < options.numClasses()) {
      throw new IllegalArgumentException(
          "expected class scores [1, "
              + numBoxes
              + ", >= "
              + options.numClasses()
              + "], found "
              + Arrays.toString(scores));
    }
    int n = detections();
    return new int[][] {{1, n, 4}, {1, n}, {1, n}, {1}};
  }

  public void run(
      float[] encodings,
      int[] boxShape,
      float[] scores,
      int[] scoreShape,
      float[] outBoxes,
      float[] outClasses,
      float[] outScores,
      float[] outCount,
      Scratch scratch) {
    int numBoxes = anchors.length / 4;
    float[] decoded = scratch.floats(2, numBoxes * 4);
    decode(encodings, boxShape[2], numBoxes, decoded);
    int withBackground = scoreShape[2];
    int offset = withBackground - options.numClasses();
    Arrays.fill(outBoxes, 0, detections() * 4, 0f);
    Arrays.fill(outClasses, 0, detections(), 0f);
    Arrays.fill(outScores, 0, detections(), 0f);
    int count =
        options.useRegularNms()
            ? regular(decoded, scores, withBackground, offset, outBoxes, outClasses, outScores)
            : fast(decoded, scores, withBackground, offset, outBoxes, outClasses, outScores);
    outCount[0] = count;
  }

  private void decode(float[] enc, int stride, int numBoxes, float[] out) {
    for (int i = 0; i < numBoxes; i++) {
      float ay = anchors[4 * i];
      float ax = anchors[4 * i + 1];
      float ah = anchors[4 * i + 2];
      float aw = anchors[4 * i + 3];
      float ycenter = enc[stride * i] / options.yScale() * ah + ay;
      float xcenter = enc[stride * i + 1] / options.xScale() * aw + ax;
      float halfH = 0.5f * (float) Math.exp(enc[stride * i + 2] / options.hScale()) * ah;
      float halfW = 0.5f * (float) Math.exp(enc[stride * i + 3] / options.wScale()) * aw;
      out[4 * i] = ycenter - halfH;
      out[4 * i + 1] = xcenter - halfW;
      out[4 * i + 2] = ycenter + halfH;
      out[4 * i + 3] = xcenter + halfW;
    }
  }

  private int fast(
      float[] boxes,
      float[] scores,
      int stride,
      int offset,
      float[] outBoxes,
      float[] outClasses,
      float[] outScores) {
    int numBoxes = anchors.length / 4;
    int perBox = Math.min(options.maxClassesPerDetection(), options.numClasses());
    int[][] best = new int[numBoxes][];
    float[] top = new float[numBoxes];
    for (int b = 0; b < numBoxes; b++) {
      best[b] = topClasses(scores, b * stride + offset, options.numClasses(), perBox);
      top[b] = scores[b * stride + offset + best[b][0]];
    }
    List<Integer> selected = suppress(boxes, top, options.maxDetections());
    int out = 0;
    for (int b : selected) {
      for (int k = 0; k < perBox; k++) {
        System.arraycopy(boxes, 4 * b, outBoxes, 4 * out, 4);
        outClasses[out] = best[b][k];
        outScores[out] = scores[b * stride + offset + best[b][k]];
        out++;
      }
    }
    return out;
  }

  private int regular(
      float[] boxes,
      float[] scores,
      int stride,
      int offset,
      float[] outBoxes,
      float[] outClasses,
      float[] outScores) {
    int numBoxes = anchors.length / 4;
    List<float[]> candidates = new ArrayList<>(); // (score, class, box)
    float[] classScores = new float[numBoxes];
    for (int c = 0; c < options.numClasses(); c++) {
      for (int b = 0; b < numBoxes; b++) {
        classScores[b] = scores[b * stride + offset + c];
      }
      for (int b : suppress(boxes, classScores, options.detectionsPerClass())) {
        candidates.add(new float[] {classScores[b], c, b});
      }
    }
    candidates.sort(Comparator.comparingDouble((float[] x) -> -x[0]));
    int out = Math.min(options.maxDetections(), candidates.size());
    for (int i = 0; i < out; i++) {
      float[] d = candidates.get(i);
      System.arraycopy(boxes, 4 * (int) d[2], outBoxes, 4 * i, 4);
      outClasses[i] = d[1];
      outScores[i] = d[0];
    }
    return out;
  }

  /** The {@code k} highest of {@code n} scores from {@code from}, ties to the lower class. */
  private static int[] topClasses(float[] scores, int from, int n, int k) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(scores[from + b], scores[from + a]));
    int[] out = new int[k];
    for (int i = 0; i < k; i++) {
      out[i] = order[i];
    }
    return out;
  }

  /**
   * Greedy non-max suppression: boxes scoring at least the threshold, best first (ties to the lower
   * index), each kept unless it overlaps a kept one by more than the IoU threshold.
   */
  private List<Integer> suppress(float[] boxes, float[] scores, int max) {
    List<Integer> kept = new ArrayList<>();
    for (int b = 0; b < scores.length; b++) {
      if (scores[b] >= options.scoreThreshold()) {
        kept.add(b);
      }
    }
    kept.sort((a, b) -> Float.compare(scores[b], scores[a]));
    List<Integer> selected = new ArrayList<>();
    boolean[] active = new boolean[kept.size()];
    Arrays.fill(active, true);
    for (int i = 0; i < kept.size() && selected.size() < max; i++) {
      if (!active[i]) {
        continue;
      }
      selected.add(kept.get(i));
      for (int j = i + 1; j < kept.size(); j++) {
        if (active[j] && iou(boxes, kept.get(i), kept.get(j)) > options.iouThreshold()) {
          active[j] = false;
        }
      }
    }
    return selected;
  }

  static float iou(float[] boxes, int i, int j) {
    float areaI = (boxes[4 * i + 2] - boxes[4 * i]) * (boxes[4 * i + 3] - boxes[4 * i + 1]);
    float areaJ = (boxes[4 * j + 2] - boxes[4 * j]) * (boxes[4 * j + 3] - boxes[4 * j + 1]);
    if (areaI <= 0 || areaJ <= 0) {
      return 0f;
    }
    float ymin = Math.max(boxes[4 * i], boxes[4 * j]);
    float xmin = Math.max(boxes[4 * i + 1], boxes[4 * j + 1]);
    float ymax = Math.min(boxes[4 * i + 2], boxes[4 * j + 2]);
    float xmax = Math.min(boxes[4 * i + 3], boxes[4 * j + 3]);
    float intersection = Math.max(ymax - ymin, 0f) * Math.max(xmax - xmin, 0f);
    return intersection / (areaI + areaJ - intersection);
  }
}
