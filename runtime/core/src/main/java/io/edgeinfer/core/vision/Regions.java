package io.edgeinfer.core.vision;

import java.util.ArrayList;
import java.util.List;

/** An answer for a region of an image, put back into the whole image's pixels. */
final class Regions {
  private Regions() {}

  static VisionResult place(VisionResult result, Box region, int width, int height) {
    if (result instanceof Detections d) {
      List<Detection> moved = new ArrayList<>();
      for (Detection detection : d.detections()) {
        Box b = detection.box();
        moved.add(
            new Detection(
                detection.category(),
                new Box(b.x() + region.x(), b.y() + region.y(), b.width(), b.height())));
      }
      return new Detections(width, height, moved);
    }
    if (result instanceof Segmentation s) {
      byte[] mask = new byte[width * height];
      for (int row = 0; row < s.height(); row++) {
        System.arraycopy(
            s.mask(), row * s.width(), mask, (region.y() + row) * width + region.x(), s.width());
      }
      return new Segmentation(width, height, mask, s.labels(), s.maskFile());
    }
    return result;
  }
}
