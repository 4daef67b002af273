package io.edgeinfer.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * The four components of a CMYK or YCCK JPEG (what Photoshop, scanners and some NVR exports write)
 * as RGB. ImageIO's reader hands them over unconverted ({@code readRaster}) but turns them into RGB
 * wrongly itself (through a generic CMYK profile: half black reads as grey 187 instead of 127).
 *
 * <p>The conversion is the one libjpeg-based decoders make (Pillow, TensorFlow's {@code
 * decode_jpeg}), so a model sees the pixels it was trained on: components stored inverted, as Adobe
 * writes them (255 = no ink), each channel {@code R = C' x K' / 255}; a YCCK file's first three are
 * first turned back from YCbCr (JFIF's equations). An embedded ICC profile is not applied (neither
 * do those decoders), so colours can differ slightly from what Photoshop shows.
 */
final class CmykJpeg {
  private CmykJpeg() {}

  /**
   * RGB from a four-band raster.
   *
   * @param adobeTransform the file's Adobe transform: {@link JpegHeaders#ADOBE_YCCK} for YCCK;
   *     anything else, or no Adobe segment, is CMYK (libjpeg's reading: only an Adobe segment says
   *     YCCK)
   */
  static BufferedImage toRgb(Raster raster, int adobeTransform) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    boolean ycck = adobeTransform != JpegHeaders.NO_ADOBE_SEGMENT && adobeTransform != 0;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    int[] row = new int[w * 4];
    int x0 = raster.getMinX();
    int y0 = raster.getMinY();
    for (int y = 0; y < h; y++) {
      raster.getPixels(x0, y0 + y, w, 1, row);
      for (int x = 0; x < w; x++) {
        int a = row[4 * x];
        int b = row[4 * x + 1];
        int c = row[4 * x + 2];
        int k = row[4 * x + 3];
        int cyan;
        int magenta;
        int yellow;
        if (ycck) {
          // YCbCr back to the stored (inverted) inks: C' = 255 - R(Y, Cb, Cr), and so on.
          double cb = b - 128.0;
          double cr = c - 128.0;
          cyan = 255 - clamp(a + 1.402 * cr);
          magenta = 255 - clamp(a - 0.344136 * cb - 0.714136 * cr);
          yellow = 255 - clamp(a + 1.772 * cb);
        } else {
          cyan = a;
          magenta = b;
          yellow = c;
        }
        int at = (y * w + x) * 3;
        bgr[at] = (byte) times(yellow, k);
        bgr[at + 1] = (byte) times(magenta, k);
        bgr[at + 2] = (byte) times(cyan, k);
      }
    }
    return out;
  }

  /** {@code a x b / 255}, rounded. */
  private static int times(int a, int b) {
    return (a * b + 127) / 255;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
