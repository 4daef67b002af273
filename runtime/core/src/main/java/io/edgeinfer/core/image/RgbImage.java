package io.edgeinfer.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A decoded image the right way up: each pixel {@code 0xRRGGBB} in rows, top to bottom. What the
 * vision pipeline resizes and what annotations are drawn on.
 *
 * <p>The pixels stay in the byte array ImageIO decoded them into (3 bytes a pixel for JPEG, 4 for
 * opaque PNG with alpha) rather than being copied into one int each: a 16-megapixel photo then
 * takes 48 MB of heap instead of 112 MB, which is the difference between fitting a Pi Zero's 128 MB
 * heap and not.
 */
public final class RgbImage {
  private final int width;
  private final int height;
  // Either bytes (step bytes a pixel, red, green and blue at their offsets) or ints (0xRRGGBB).
  private final byte[] bytes;
  private final int step;
  private final int red;
  private final int green;
  private final int blue;
  private final int[] ints;
  // Decoded with subsampling: each pixel stands for scale x scale pixels of a photo this size.
  private final int scale;
  private final int photoWidth;
  private final int photoHeight;

  private RgbImage(
      int width, int height, byte[] bytes, int step, int red, int green, int blue, int[] ints) {
    this(width, height, bytes, step, red, green, blue, ints, 1, width, height);
  }

  private RgbImage(
      int width,
      int height,
      byte[] bytes,
      int step,
      int red,
      int green,
      int blue,
      int[] ints,
      int scale,
      int photoWidth,
      int photoHeight) {
    this.width = width;
    this.height = height;
    this.bytes = bytes;
    this.step = step;
    this.red = red;
    this.green = green;
    this.blue = blue;
    this.ints = ints;
    this.scale = scale;
    this.photoWidth = photoWidth;
    this.photoHeight = photoHeight;
  }

  private static RgbImage ofInts(int width, int height, int[] pixels) {
    return new RgbImage(width, height, null, 0, 0, 0, 0, pixels);
  }

  /** The same pixels, standing for a {@code photoWidth x photoHeight} photo at 1/scale. */
  private RgbImage scaled(int newScale, int newPhotoWidth, int newPhotoHeight) {
    return new RgbImage(
        width,
        height,
        bytes,
        step,
        red,
        green,
        blue,
        ints,
        newScale,
        newPhotoWidth,
        newPhotoHeight);
  }

  /**
   * Decodes PNG, JPEG or BMP bytes (the format sniffed from the first bytes) and turns the picture
   * the way its EXIF orientation says (JPEG), as a photo viewer shows it.
   *
   * @throws io.edgeinfer.core.codec.MalformedInputException when the bytes are not a readable image
   *     of those formats, a CMYK JPEG, or a truncated or corrupt file
   */
  public static RgbImage decode(byte[] bytes) {
    return decode(bytes, exifOrientation(bytes));
  }

  /**
   * Decodes PNG, JPEG or BMP bytes and turns the picture as EXIF orientation {@code orientation}
   * says, whatever the file declares (a camera mounted sideways that writes no EXIF).
   *
   * @throws io.edgeinfer.core.codec.MalformedInputException as {@link #decode(byte[])}
   * @throws IllegalArgumentException when the orientation is not 1 to 8
   */
  public static RgbImage decode(byte[] bytes, int orientation) {
    if (orientation < 1 || orientation > 8) {
      throw new IllegalArgumentException(
          "expected an EXIF orientation from 1 to 8, found " + orientation);
    }
    return decode(bytes, orientation, 0, 0);
  }

  /**
   * Decodes as {@link #decode(byte[], int)}, but reads only every n-th pixel of every n-th row (the
   * middle one of each n x n block) for the largest n that keeps the upright image at least {@code
   * minWidth x minHeight}: a 12-megapixel photo for a 224 x 224 model need not be decoded whole.
   * {@link #scale()} is that n; 0 for either size reads every pixel.
   *
   * @throws io.edgeinfer.core.codec.MalformedInputException as {@link #decode(byte[])}
   * @throws IllegalArgumentException when the orientation is not 1 to 8
   */
  public static RgbImage decode(byte[] bytes, int orientation, int minWidth, int minHeight) {
    if (orientation < 1 || orientation > 8) {
      throw new IllegalArgumentException(
          "expected an EXIF orientation from 1 to 8, found " + orientation);
    }
    // Orientations 5-8 turn the picture: its stored width becomes the upright height.
    boolean turned = orientation >= 5;
    EncodedImage.Decoded decoded =
        EncodedImage.readAny(bytes, turned ? minHeight : minWidth, turned ? minWidth : minHeight);
    RgbImage stored =
        of(decoded.image()).scaled(decoded.period(), decoded.storedWidth(), decoded.storedHeight());
    return stored.oriented(orientation);
  }

  /** The EXIF orientation a JPEG declares (1, as stored, to 8); 1 for other formats. */
  public static int exifOrientation(byte[] bytes) {
    return ImageFormat.sniff(bytes).orElse(null) == ImageFormat.JPEG
        ? JpegHeaders.read(bytes).orientation()
        : 1;
  }

  /**
   * The image's pixels as RGB; grey is repeated in the three channels. A pixel that is not opaque
   * is composited over black ({@code channel x alpha / 255}; {@link Pixels} says why black). The
   * byte layout ImageIO decodes JPEG into (BGR), and PNG with alpha (ABGR) when every pixel is
   * opaque, is shared, not copied: the image must not be drawn on afterwards.
   */
  public static RgbImage of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    RgbImage shared = sharedBytes(image);
    if (shared != null) {
      return shared;
    }
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
      // getRGB: sRGB, alpha not premultiplied, whatever the layout (palette with tRNS, 16 bits).
      image.getRGB(0, 0, w, h, pixels, 0, w);
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = Pixels.overBlack(pixels[i]);
      }
    }
    return ofInts(w, h, pixels);
  }

  /**
   * The image over ImageIO's own BGR or ABGR array (getRGB would convert one pixel at a time
   * through the colour model, as slow as decoding a PNG), composited into a BGR copy when some ABGR
   * pixel is not opaque; null for any other layout.
   */
  private static RgbImage sharedBytes(BufferedImage image) {
    int type = image.getType();
    if ((type != BufferedImage.TYPE_3BYTE_BGR && type != BufferedImage.TYPE_4BYTE_ABGR)
        || !(image.getRaster().getDataBuffer() instanceof DataBufferByte buffer)
        || image.getRaster().getParent() != null
        || buffer.getNumBanks() != 1
        || buffer.getOffset() != 0
        || !image.getColorModel().getColorSpace().isCS_sRGB()) {
      return null;
    }
    int step = type == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4;
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] data = buffer.getData();
    if (data.length < w * h * step) {
      return null;
    }
    if (step == 3) {
      return new RgbImage(w, h, data, 3, 2, 1, 0, null);
    }
    if (!Pixels.hasTransparency(data, w * h)) {
      return new RgbImage(w, h, data, 4, 3, 2, 1, null); // ABGR: alpha first
    }
    return new RgbImage(w, h, Pixels.abgrOverBlack(data, w * h), 3, 2, 1, 0, null);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /**
   * How many pixels of the photo, across and down, each pixel of this image stands for: 1, unless
   * it was decoded with subsampling ({@link #decode(byte[], int, int, int)}).
   */
  public int scale() {
    return scale;
  }

  /** The upright photo's width in its own pixels: {@link #width()} unless subsampled. */
  public int photoWidth() {
    return photoWidth;
  }

  /** The upright photo's height in its own pixels: {@link #height()} unless subsampled. */
  public int photoHeight() {
    return photoHeight;
  }

  /** The pixel at {@code (x, y)} as {@code 0xRRGGBB}. */
  public int rgb(int x, int y) {
    int i = y * width + x;
    if (ints != null) {
      return ints[i];
    }
    int at = i * step;
    return (bytes[at + red] & 0xff) << 16
        | (bytes[at + green] & 0xff) << 8
        | bytes[at + blue] & 0xff;
  }

  /**
   * This image as it is shown when its EXIF orientation is {@code orientation}: 1 as stored, 2
   * mirrored, 3 turned 180 degrees, 4 flipped upside down, 5 transposed, 6 turned 90 degrees
   * clockwise, 7 transversed, 8 turned 90 degrees anticlockwise. A turned image is a copy in the
   * same layout.
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
    int[] outInts = ints != null ? new int[w * h] : null;
    byte[] outBytes = bytes != null ? new byte[w * h * step] : null;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int from = source(orientation, x, y);
        int to = y * w + x;
        if (outInts != null) {
          outInts[to] = ints[from];
        } else {
          System.arraycopy(bytes, from * step, outBytes, to * step, step);
        }
      }
    }
    return new RgbImage(
        w,
        h,
        outBytes,
        step,
        red,
        green,
        blue,
        outInts,
        scale,
        swap ? photoHeight : photoWidth,
        swap ? photoWidth : photoHeight);
  }

  /** The stored pixel (as an index) that orientation {@code o} shows at {@code (x, y)}. */
  private int source(int o, int x, int y) {
    int sx;
    int sy;
    switch (o) {
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
    return sy * width + sx;
  }

  /**
   * A copy of the rectangle from {@code (x, y)}, {@code width x height} pixels, in the same layout.
   * The copy is a picture of its own ({@link #scale()} 1).
   *
   * @throws IllegalArgumentException when the rectangle is not inside the image
   */
  public RgbImage crop(int x, int y, int width, int height) {
    if (x < 0
        || y < 0
        || width < 1
        || height < 1
        || x + width > this.width
        || y + height > this.height) {
      throw new IllegalArgumentException(
          "expected a region inside the "
              + this.width
              + " x "
              + this.height
              + " image, found "
              + width
              + " x "
              + height
              + " at ("
              + x
              + ", "
              + y
              + ")");
    }
    int[] outInts = ints != null ? new int[width * height] : null;
    byte[] outBytes = bytes != null ? new byte[width * height * step] : null;
    for (int row = 0; row < height; row++) {
      int from = (y + row) * this.width + x;
      if (outInts != null) {
        System.arraycopy(ints, from, outInts, row * width, width);
      } else {
        System.arraycopy(bytes, from * step, outBytes, row * width * step, width * step);
      }
    }
    return new RgbImage(width, height, outBytes, step, red, green, blue, outInts);
  }

  /** A copy as a {@link BufferedImage} of type {@code TYPE_INT_RGB}, to draw on or encode. */
  public BufferedImage toBufferedImage() {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        row[x] = rgb(x, y);
      }
      image.setRGB(0, y, width, 1, row, 0, width);
    }
    return image;
  }
}
