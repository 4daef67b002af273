package io.edgeinfer.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * One pixel of a decoded image as the channels the input wants, on the 0..255 scale, as floats.
 * Alpha is ignored (not composited over a background).
 */
final class Pixels {
  // ITU-R BT.601 luma, the weights of TensorFlow's rgb_to_grayscale and of PIL's convert("L").
  private static final double RED = 0.299;
  private static final double GREEN = 0.587;
  private static final double BLUE = 0.114;

  private final BufferedImage image;
  private final Raster raster;
  private final boolean grey;
  private final double greyScale;
  private final int channels;

  Pixels(BufferedImage image, int channels) {
    this.image = image;
    this.raster = image.getRaster();
    this.channels = channels;
    // Grey images are read from the raster: getRGB would pass them through the linear-grey colour
    // space and brighten them (128 reads back as 188).
    this.grey =
        image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
            && !(image.getColorModel() instanceof IndexColorModel);
    this.greyScale = grey ? 255.0 / ((1 << raster.getSampleModel().getSampleSize(0)) - 1) : 1;
  }

  /** Whether the image is read from its one grey channel. */
  boolean isGrey() {
    return grey;
  }

  int width() {
    return image.getWidth();
  }

  int height() {
    return image.getHeight();
  }

  int channels() {
    return channels;
  }

  /** Writes the pixel's {@link #channels()} values, each 0..255, into {@code out}. */
  void read(int x, int y, double[] out) {
    if (grey) {
      double value = raster.getSample(x, y, 0) * greyScale;
      for (int c = 0; c < channels; c++) {
        out[c] = value;
      }
      return;
    }
    int rgb = image.getRGB(x, y);
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    if (channels == 1) {
      out[0] = RED * r + GREEN * g + BLUE * b;
    } else {
      out[0] = r;
      out[1] = g;
      out[2] = b;
    }
  }
}
