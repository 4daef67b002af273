package io.edgeinfer.core.vision;

import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;

/**
 * A segmenter's scores {@code [1, h, w, classes]} (or its categories {@code [1, h, w]}) as a
 * category mask of the original image: the best class of each output pixel, and each image pixel
 * takes the output pixel it falls in (nearest, through the resize and crop or letterbox).
 */
final class SegmentOutputs {
  private SegmentOutputs() {}

  static Segmentation read(Tensor scores, ImageTransform t, Labels labels) {
    Shape shape = scores.shape();
    int outH = shape.dim(1);
    int outW = shape.dim(2);
    // [1, h, w]: the categories themselves, one "score" per pixel read as its class.
    boolean categories = shape.rank() == 3;
    int classes = categories ? 1 : shape.dim(3);
    if (classes > 256) {
      throw new IllegalArgumentException(
          "expected at most 256 classes per pixel for a category mask, found " + classes);
    }
    float[] values = categories ? null : scores.toFloatArray();
    byte[] best = new byte[outH * outW];
    for (int p = 0; p < best.length; p++) {
      if (categories) {
        long category = scores.getLong(p);
        if (category < 0 || category > 255) {
          throw new IllegalArgumentException(
              "expected categories 0 to 255 in the mask output, found " + category);
        }
        best[p] = (byte) category;
        continue;
      }
      int at = p * classes;
      int arg = 0;
      for (int c = 1; c < classes; c++) {
        if (values[at + c] > values[at + arg]) {
          arg = c;
        }
      }
      best[p] = (byte) arg;
    }
    int w = t.imageWidth();
    int h = t.imageHeight();
    double toOutX = (double) outW / t.inputWidth();
    double toOutY = (double) outH / t.inputHeight();
    int[] columns = new int[w];
    for (int x = 0; x < w; x++) {
      columns[x] = clamp(((x + 0.5) * t.scaleX() + t.offsetX()) * toOutX, outW);
    }
    byte[] mask = new byte[w * h];
    for (int y = 0; y < h; y++) {
      int row = clamp(((y + 0.5) * t.scaleY() + t.offsetY()) * toOutY, outH) * outW;
      for (int x = 0; x < w; x++) {
        mask[y * w + x] = best[row + columns[x]];
      }
    }
    return new Segmentation(w, h, mask, labels.labels(), null);
  }

  private static int clamp(double at, int size) {
    return Math.max(0, Math.min(size - 1, (int) Math.floor(at)));
  }
}
