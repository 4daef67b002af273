package io.edgeinfer.core.image;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Four-component JPEGs of known ink colours, made in the test: the JDK's JPEG writer stores a
 * four-band raster as it is (no colour transform, no Adobe segment), so the test writes the bytes
 * each layout stores and adds Adobe's APP14 segment itself, as Photoshop and libjpeg write it.
 */
final class CmykJpegs {
  private CmykJpegs() {}

  /** How the four components are stored. */
  enum Layout {
    /** Adobe's CMYK: each ink inverted (255 = none), APP14 transform 0. */
    ADOBE_CMYK,
    /** Adobe's YCCK: YCbCr of the inks C, M, Y (JFIF's equations), K inverted; transform 2. */
    ADOBE_YCCK,
    /** Inverted inks as Adobe's CMYK, but no APP14 segment (some non-Adobe writers). */
    CMYK_WITHOUT_ADOBE_SEGMENT
  }

  /**
   * One 16 x 16 tile per colour, left to right (whole JPEG blocks, so compression keeps each flat).
   *
   * @param inks {C, M, Y, K} per tile, 0 (none) to 255 (full ink)
   */
  static byte[] tiles(Layout layout, boolean progressive, int[]... inks) {
    int tile = 16;
    WritableRaster raster =
        Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, tile * inks.length, tile, 4, null);
    for (int i = 0; i < inks.length; i++) {
      int[] stored = stored(layout, inks[i]);
      for (int y = 0; y < tile; y++) {
        for (int x = 0; x < tile; x++) {
          raster.setPixel(i * tile + x, y, stored);
        }
      }
    }
    byte[] jpeg = write(raster, progressive);
    return switch (layout) {
      case ADOBE_CMYK -> withAdobeSegment(jpeg, 0);
      case ADOBE_YCCK -> withAdobeSegment(jpeg, 2);
      case CMYK_WITHOUT_ADOBE_SEGMENT -> jpeg;
    };
  }

  private static int[] stored(Layout layout, int[] ink) {
    if (layout != Layout.ADOBE_YCCK) {
      return new int[] {255 - ink[0], 255 - ink[1], 255 - ink[2], 255 - ink[3]};
    }
    double r = ink[0];
    double g = ink[1];
    double b = ink[2];
    return new int[] {
      clamp(0.299 * r + 0.587 * g + 0.114 * b),
      clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b),
      clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b),
      255 - ink[3]
    };
  }

  /** What the naive conversion every libjpeg-based decoder makes gives for these inks. */
  static int rgb(int[] ink) {
    int k = 255 - ink[3];
    int r = Math.round((255 - ink[0]) * k / 255f);
    int g = Math.round((255 - ink[1]) * k / 255f);
    int b = Math.round((255 - ink[2]) * k / 255f);
    return r << 16 | g << 8 | b;
  }

  private static byte[] write(Raster raster, boolean progressive) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = writers.next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.95f);
    if (progressive) {
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(raster, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** The JPEG with an APP14 "Adobe" segment (version 100, no flags) right after SOI. */
  static byte[] withAdobeSegment(byte[] jpeg, int transform) {
    byte[] segment = {
      (byte) 0xff, (byte) 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.writeBytes(segment);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
