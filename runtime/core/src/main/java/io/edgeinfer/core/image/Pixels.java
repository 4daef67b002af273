package io.edgeinfer.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * One pixel of a decoded image as the channels the input wants, on the 0..255 scale, as floats.
 *
 * <p>A pixel that is not opaque is composited over black: {@code channel x alpha / 255}. TensorFlow
 * Lite's Task Library drops alpha instead (stb_image loads RGBA, libyuv scales all four channels
 * and keeps the first three), so a transparent pixel is whatever colour the file stores under it.
 * Encoders mostly store black there (Google's {@code sparrow.png}: 99.9% of its transparent
 * pixels), and then both agree; where a file stores other colours, or alpha is partial, black is
 * the defined answer rather than hidden colour.
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
  // The alpha band of a grey image with alpha, else -1.
  private final int greyAlphaBand;
  private final double greyAlphaScale;

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
    this.greyAlphaBand =
        grey && image.getColorModel().hasAlpha() && raster.getNumBands() == 2 ? 1 : -1;
    this.greyAlphaScale =
        greyAlphaBand < 0
            ? 1
            : 1.0 / ((1 << raster.getSampleModel().getSampleSize(greyAlphaBand)) - 1);
  }

  /** {@code 0xAARRGGBB} (not premultiplied) over black, as {@code 0xRRGGBB}. */
  static int overBlack(int argb) {
    int alpha = argb >>> 24;
    if (alpha == 0xff) {
      return argb & 0xffffff;
    }
    return times(argb >> 16 & 0xff, alpha) << 16
        | times(argb >> 8 & 0xff, alpha) << 8
        | times(argb & 0xff, alpha);
  }

  /** Whether any of {@code pixels} ABGR pixels (alpha first) is not opaque. */
  static boolean hasTransparency(byte[] abgr, int pixels) {
    for (int i = 0; i < pixels; i++) {
      if (abgr[i * 4] != (byte) 0xff) {
        return true;
      }
    }
    return false;
  }

  /** ABGR pixels composited over black, as BGR. */
  static byte[] abgrOverBlack(byte[] abgr, int pixels) {
    byte[] bgr = new byte[pixels * 3];
    for (int i = 0; i < pixels; i++) {
      int alpha = abgr[i * 4] & 0xff;
      for (int c = 0; c < 3; c++) {
        bgr[i * 3 + c] = (byte) times(abgr[i * 4 + 1 + c] & 0xff, alpha);
      }
    }
    return bgr;
  }

  /** {@code value x alpha / 255}, rounded. */
  private static int times(int value, int alpha) {
    return (value * alpha + 127) / 255;
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
      if (greyAlphaBand >= 0) {
        value *= raster.getSample(x, y, greyAlphaBand) * greyAlphaScale;
      }
      for (int c = 0; c < channels; c++) {
        out[c] = value;
      }
      return;
    }
    int rgb = overBlack(image.getRGB(x, y));
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
