package io.edgeinfer.core.image;

import io.edgeinfer.core.codec.MalformedInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads PNG and JPEG bytes (and BMP for {@link #readAny}) into a {@link BufferedImage}, and nothing
 * else. CMYK and YCCK JPEGs become RGB ({@link CmykJpeg}); 12-bit JPEGs are refused.
 */
final class EncodedImage {
  /**
   * More pixels than any camera an edge device carries (64 M). A tiny PNG can declare 100,000 x
   * 100,000 pixels; without a limit it would exhaust the heap before it is found to be a bomb.
   */
  static final long MAX_PIXELS = 1L << 26;

  private EncodedImage() {}

  static BufferedImage read(byte[] bytes) {
    // The format is chosen by the magic bytes rather than ImageIO's probing, so that GIF, BMP or
    // TIFF (which the JDK also reads) are refused as the API promises.
    ImageFormat format = ImageFormat.sniff(bytes).filter(f -> f != ImageFormat.BMP).orElse(null);
    if (format == null) {
      throw new MalformedInputException("expected a PNG or JPEG image, found " + describe(bytes));
    }
    return read(bytes, format, "a PNG or JPEG image", 0, 0).image();
  }

  /** PNG, JPEG or BMP bytes, as {@link ImageFormat#sniff} tells them apart. */
  static BufferedImage readAny(byte[] bytes) {
    return readAny(bytes, 0, 0).image();
  }

  /**
   * PNG, JPEG or BMP bytes, reading only every n-th pixel of every n-th row for the largest n that
   * keeps the image (as stored) at least {@code minWidth x minHeight}; 0 for either reads every
   * pixel.
   */
  static Decoded readAny(byte[] bytes, int minWidth, int minHeight) {
    ImageFormat format =
        ImageFormat.sniff(bytes)
            .orElseThrow(
                () ->
                    new MalformedInputException(
                        "expected a PNG, JPEG or BMP image, found " + describe(bytes)));
    return read(bytes, format, "a PNG, JPEG or BMP image", minWidth, minHeight);
  }

  /**
   * A decoded image and how it was read.
   *
   * @param period 1 when every pixel was read; n when every n-th of every n-th row was, so that
   *     each pixel stands for an n x n block of the stored picture
   * @param storedWidth the picture's width as stored in the file
   * @param storedHeight the picture's height as stored in the file
   */
  record Decoded(BufferedImage image, int period, int storedWidth, int storedHeight) {}

  /** The subsampling period that keeps a {@code width x height} picture at least the minimum. */
  static int period(int width, int height, int minWidth, int minHeight) {
    if (minWidth <= 0 || minHeight <= 0) {
      return 1;
    }
    return Math.max(1, Math.min(width / minWidth, height / minHeight));
  }

  private static Decoded read(
      byte[] bytes, ImageFormat format, String expected, int minWidth, int minHeight) {
    JpegHeaders jpeg = format == ImageFormat.JPEG ? JpegHeaders.read(bytes) : null;
    if (jpeg != null && jpeg.precision() > 8) {
      // ImageIO's reader has 8-bit libjpeg only, and would call the file damaged.
      throw new MalformedInputException(
          "expected an 8-bit JPEG, found a "
              + jpeg.precision()
              + "-bit one: convert it to 8 bits a sample");
    }
    boolean fourComponents = jpeg != null && jpeg.components() == 4;
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
    if (!readers.hasNext()) {
      throw new IllegalStateException(
          "this JDK has no " + format.imageIoName() + " reader (javax.imageio)");
    }
    ImageReader reader = readers.next();
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    // Read in place: ImageIO's default may spill to a temporary file, which a device may not have,
    // and its memory cache would copy the bytes.
    try (ImageInputStream in = new ByteArrayImageInput(bytes)) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      long pixels = (long) width * height;
      if (pixels > MAX_PIXELS) {
        throw new MalformedInputException(
            "expected an image of at most "
                + MAX_PIXELS
                + " pixels, found "
                + width
                + " x "
                + height);
      }
      int period = period(width, height, minWidth, minHeight);
      ImageReadParam param = reader.getDefaultReadParam();
      if (period > 1) {
        // The middle pixel of each period x period block, so that the block's centre is kept.
        int offset = (period - 1) / 2;
        param.setSourceSubsampling(period, period, offset, offset);
      }
      BufferedImage image;
      try {
        // Four components: ImageIO's own CMYK conversion is wrong, so take them unconverted.
        image =
            fourComponents
                ? CmykJpeg.toRgb(reader.readRaster(0, param), jpeg.adobeTransform())
                : reader.read(0, param);
      } catch (OutOfMemoryError e) {
        // The pixel array is the one large allocation; once it failed it is garbage, and the
        // device can go on with smaller images.
        throw new MalformedInputException(
            "expected an image that fits in this JVM's heap ("
                + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB), found "
                + width
                + " x "
                + height
                + " pixels: send a smaller image or give the JVM more heap");
      }
      // The JPEG reader only warns about a truncated or corrupt file and fills the rest with grey:
      // a prediction on that would be silently wrong.
      if (!warnings.isEmpty()) {
        throw damaged(expected, format, String.join("; ", warnings));
      }
      return new Decoded(image, period, width, height);
    } catch (IOException | RuntimeException e) {
      if (e instanceof MalformedInputException malformed) {
        throw malformed;
      }
      throw damaged(
          expected, format, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } finally {
      reader.dispose();
    }
  }

  private static MalformedInputException damaged(
      String expected, ImageFormat format, String reason) {
    return new MalformedInputException(
        "expected " + expected + ", found a damaged " + format.name() + " file (" + reason + ")");
  }

  /**
   * Names the common formats we refuse; otherwise shows the first bytes, as the NPY reader does.
   */
  private static String describe(byte[] bytes) {
    if (bytes.length == 0) {
      return "an empty file";
    }
    if (startsWith(bytes, "GIF8".getBytes(StandardCharsets.US_ASCII))) {
      return "a GIF image (convert it to PNG)";
    }
    if (startsWith(bytes, new byte[] {'B', 'M'})) {
      return "a BMP image (convert it to PNG)";
    }
    if (startsWith(bytes, new byte[] {'I', 'I', '*', 0})
        || startsWith(bytes, new byte[] {'M', 'M', 0, '*'})) {
      return "a TIFF image (convert it to PNG)";
    }
    if (bytes.length >= 12
        && startsWith(bytes, new byte[] {'R', 'I', 'F', 'F'})
        && bytes[8] == 'W'
        && bytes[9] == 'E'
        && bytes[10] == 'B'
        && bytes[11] == 'P') {
      return "a WebP image (convert it to PNG or JPEG)";
    }
    StringBuilder found = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, 8); i++) {
      int b = bytes[i] & 0xff;
      found.append(
          b >= 0x20 && b < 0x7f && b != '\\'
              ? String.valueOf((char) b)
              : String.format("\\x%02x", b));
    }
    return "'" + found + "' at byte 0";
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
