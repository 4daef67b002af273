package io.edgeinfer.core.image;

/**
 * Bilinear resizing with half-pixel centres and no antialiasing: the arithmetic of TensorFlow 2's
 * {@code tf.image.resize(method="bilinear")}, so that a model sees what its training pipeline made.
 * Only the four source pixels around each output pixel count, so a large reduction (more than 2x)
 * skips detail rather than averaging it.
 */
final class Bilinear {
  private Bilinear() {}

  /** The image at {@code width x height}, row-major, channels last, values 0..255. */
  static double[] resize(Pixels source, int height, int width) {
    int channels = source.channels();
    double[] out = new double[height * width * channels];
    double scaleY = (double) source.height() / height;
    double scaleX = (double) source.width() / width;
    double[] p00 = new double[channels];
    double[] p01 = new double[channels];
    double[] p10 = new double[channels];
    double[] p11 = new double[channels];
    for (int y = 0; y < height; y++) {
      double sy = clamp((y + 0.5) * scaleY - 0.5, source.height() - 1);
      int y0 = (int) sy;
      int y1 = Math.min(y0 + 1, source.height() - 1);
      double dy = sy - y0;
      for (int x = 0; x < width; x++) {
        double sx = clamp((x + 0.5) * scaleX - 0.5, source.width() - 1);
        int x0 = (int) sx;
        int x1 = Math.min(x0 + 1, source.width() - 1);
        double dx = sx - x0;
        source.read(x0, y0, p00);
        source.read(x1, y0, p01);
        source.read(x0, y1, p10);
        source.read(x1, y1, p11);
        int at = (y * width + x) * channels;
        for (int c = 0; c < channels; c++) {
          double top = p00[c] + (p01[c] - p00[c]) * dx;
          double bottom = p10[c] + (p11[c] - p10[c]) * dx;
          out[at + c] = top + (bottom - top) * dy;
        }
      }
    }
    return out;
  }

  private static double clamp(double value, int max) {
    return Math.max(0, Math.min(value, max));
  }
}
