package io.edgeinfer.core.vision;

import io.edgeinfer.core.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * An answer found on a subsampled image, put into the photo's own pixels: boxes are multiplied by
 * the scale (pixel {@code i} of the image stands for photo pixels {@code i*scale .. (i+1)*scale -
 * 1}) and kept inside the photo; a mask gives each photo pixel its block's category.
 */
final class PhotoPixels {
  private PhotoPixels() {}

  static VisionResult of(VisionResult result, RgbImage image) {
    int scale = image.scale();
    if (scale == 1) {
      return result;
    }
    int width = image.photoWidth();
    int height = image.photoHeight();
    if (result instanceof Detections d) {
      List<Detection> moved = new ArrayList<>();
      for (Detection detection : d.detections()) {
        Box b = detection.box();
        int x = Math.min(b.x() * scale, width);
        int y = Math.min(b.y() * scale, height);
        int right = Math.min((b.x() + b.width()) * scale, width);
        int bottom = Math.min((b.y() + b.height()) * scale, height);
        moved.add(new Detection(detection.category(), new Box(x, y, right - x, bottom - y)));
      }
      return new Detections(width, height, moved);
    }
    if (result instanceof Segmentation s) {
      byte[] mask = new byte[width * height];
      for (int y = 0; y < height; y++) {
        int from = Math.min(y / scale, s.height() - 1) * s.width();
        for (int x = 0; x < width; x++) {
          mask[y * width + x] = s.mask()[from + Math.min(x / scale, s.width() - 1)];
        }
      }
      return new Segmentation(width, height, mask, s.labels(), s.maskFile());
    }
    return result;
  }
}
