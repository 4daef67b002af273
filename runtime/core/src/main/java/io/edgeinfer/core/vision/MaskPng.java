package io.edgeinfer.core.vision;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Category masks as 8-bit indexed PNGs in the PASCAL VOC colour map. */
final class MaskPng {
  private MaskPng() {}

  static byte[] encode(int width, int height, byte[] mask) {
    BufferedImage image =
        new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, colours());
    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    System.arraycopy(mask, 0, data, 0, mask.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The colour of category {@code index}, {@code 0xRRGGBB}: 0 black, 1 dark red, 15 pink... */
  static int colour(int index) {
    // PASCAL VOC's map: the index's bits, three at a time, set the colours' bits from the top.
    int r = 0;
    int g = 0;
    int b = 0;
    int c = index;
    for (int shift = 7; shift >= 0 && c > 0; shift--) {
      r |= (c & 1) << shift;
      g |= ((c >> 1) & 1) << shift;
      b |= ((c >> 2) & 1) << shift;
      c >>= 3;
    }
    return r << 16 | g << 8 | b;
  }

  private static IndexColorModel colours() {
    byte[] r = new byte[256];
    byte[] g = new byte[256];
    byte[] b = new byte[256];
    for (int i = 0; i < 256; i++) {
      int rgb = colour(i);
      r[i] = (byte) (rgb >> 16);
      g[i] = (byte) (rgb >> 8);
      b[i] = (byte) rgb;
    }
    return new IndexColorModel(8, 256, r, g, b);
  }
}
