package io.edgeinfer.core.image;

import java.awt.image.BufferedImage;

/**
 * A decoded image the right way up: each pixel {@code 0xRRGGBB} in rows, top to bottom. What the
 * vision pipeline resizes and what annotations are drawn on.
 */
public final class RgbImage {
  private final int width;
  private final int height;
  private final int[] pixels;

  private RgbImage(int width, int height, int[] pixels) {
    this.width = width;
    this.height = height;
    this.pixels = pixels;
  }

  /**
   * Decodes PNG, JPEG or BMP bytes (the format sniffed from the first bytes) and turns the picture
   * the way its EXIF orientation says (JPEG), as a photo viewer shows it.
   *
   * @throws io.edgeinfer.core.codec.MalformedInputException when the bytes are not a readable image
   *     of those formats, a CMYK JPEG, or a truncated or corrupt file
   */
  public static RgbImage decode(byte[] bytes) {
    BufferedImage image = EncodedImage.readAny(bytes);
    int orientation =
        ImageFormat.sniff(bytes).orElseThrow() == ImageFormat.JPEG
            ? JpegHeaders.read(bytes).orientation()
            : 1;
    return of(image).oriented(orientation);
  }

  /** The EXIF orientation a JPEG declares (1, as stored, to 8); 1 for other formats. */
  public static int exifOrientation(byte[] bytes) {
    return ImageFormat.sniff(bytes).orElse(null) == ImageFormat.JPEG
        ? JpegHeaders.read(bytes).orientation()
        : 1;
  }

  /** The image's pixels as RGB; alpha is ignored, grey is repeated in the three channels. */
  public static RgbImage of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] pixels = new int[w * h];
    Pixels reader = new Pixels(image, 1);
    if (reader.isGrey()) {
      // Through Pixels: getRGB would brighten grey through the linear-grey colour space.
      double[] value = new double[1];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          reader.read(x, y, value);
          int v = (int) Math.round(Math.max(0, Math.min(255, value[0])));
          pixels[y * w + x] = v << 16 | v << 8 | v;
        }
      }
    } else {
      image.getRGB(0, 0, w, h, pixels, 0, w);
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] &= 0xffffff;
      }
    }
    return new RgbImage(w, h, pixels);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The pixel at {@code (x, y)} as {@code 0xRRGGBB}. */
  public int rgb(int x, int y) {
    return pixels[y * width + x];
  }

  /**
   * This image as it is shown when its EXIF orientation is {@code orientation}: 1 as stored, 2
   * mirrored, 3 turned 180 degrees, 4 flipped upside down, 5 transposed, 6 turned 90 degrees
   * clockwise, 7 transversed, 8 turned 90 degrees anticlockwise.
   */
  public RgbImage oriented(int orientation) {
    if (orientation < 1 || orientation > 8) {
      throw new IllegalArgumentException(
          "expected an EXIF orientation from 1 to 8, found " + orientation);
    }
    if (orientation == 1) {
      return this;
    }
    boolean swap = orientation >= 5;
    int w = swap ? height : width;
    int h = swap ? width : height;
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> {
            sx = width - 1 - x;
            sy = y;
          }
          case 3 -> {
            sx = width - 1 - x;
            sy = height - 1 - y;
          }
          case 4 -> {
            sx = x;
            sy = height - 1 - y;
          }
          case 5 -> {
            sx = y;
            sy = x;
          }
          case 6 -> {
            sx = y;
            sy = height - 1 - x;
          }
          case 7 -> {
            sx = width - 1 - y;
            sy = height - 1 - x;
          }
          default -> {
            sx = width - 1 - y;
            sy = x;
          }
        }
        out[y * w + x] = pixels[sy * width + sx];
      }
    }
    return new RgbImage(w, h, out);
  }

  /** A copy as a {@link BufferedImage} of type {@code TYPE_INT_RGB}, to draw on or encode. */
  public BufferedImage toBufferedImage() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, width, height, pixels, 0, width);
    return image;
  }
}
