package io.edgeinfer.core.vision;

import io.edgeinfer.core.image.RgbImage;

/**
 * Bilinear sampling of an image through an {@link ImageTransform}, with half-pixel centres (the
 * arithmetic of TensorFlow 2's {@code tf.image.resize}, no antialiasing). Input pixels whose centre
 * falls outside the image (the bands of a letterbox) are black.
 */
final class Resampler {
  // ITU-R BT.601 luma, the weights of TensorFlow's rgb_to_grayscale.
  private static final double RED = 0.299;
  private static final double GREEN = 0.587;
  private static final double BLUE = 0.114;

  private Resampler() {}

  /** The input's pixels, row-major, channels last (1: grey, 3: RGB), values on the 0..255 scale. */
  static float[] sample(RgbImage image, ImageTransform t, int channels) {
    int w = t.inputWidth();
    int h = t.inputHeight();
    float[] out = new float[w * h * channels];
    int maxX = image.width() - 1;
    int maxY = image.height() - 1;
    for (int v = 0; v < h; v++) {
      double y = (v + 0.5 - t.offsetY()) / t.scaleY() - 0.5;
      boolean rowOutside = y < -0.5 || y > maxY + 0.5;
      y = Math.max(0, Math.min(y, maxY));
      int y0 = (int) y;
      int y1 = Math.min(y0 + 1, maxY);
      double dy = y - y0;
      for (int u = 0; u < w; u++) {
        double x = (u + 0.5 - t.offsetX()) / t.scaleX() - 0.5;
        int at = (v * w + u) * channels;
        if (rowOutside || x < -0.5 || x > maxX + 0.5) {
          continue; // letterbox band: stays 0
        }
        x = Math.max(0, Math.min(x, maxX));
        int x0 = (int) x;
        int x1 = Math.min(x0 + 1, maxX);
        double dx = x - x0;
        int p00 = image.rgb(x0, y0);
        int p01 = image.rgb(x1, y0);
        int p10 = image.rgb(x0, y1);
        int p11 = image.rgb(x1, y1);
        double r = mix(p00 >> 16, p01 >> 16, p10 >> 16, p11 >> 16, dx, dy);
        double g = mix(p00 >> 8, p01 >> 8, p10 >> 8, p11 >> 8, dx, dy);
        double b = mix(p00, p01, p10, p11, dx, dy);
        if (channels == 1) {
          out[at] = (float) (RED * r + GREEN * g + BLUE * b);
        } else {
          out[at] = (float) r;
          out[at + 1] = (float) g;
          out[at + 2] = (float) b;
        }
      }
    }
    return out;
  }

  private static double mix(int a, int b, int c, int d, double dx, double dy) {
    double top = (a & 0xff) + ((b & 0xff) - (a & 0xff)) * dx;
    double bottom = (c & 0xff) + ((d & 0xff) - (c & 0xff)) * dx;
    return top + (bottom - top) * dy;
  }
}
