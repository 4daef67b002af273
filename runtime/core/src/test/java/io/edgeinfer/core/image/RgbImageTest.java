package io.edgeinfer.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.codec.MalformedInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

class RgbImageTest {
  private static final int RED = 0xff0000;
  private static final int GREEN = 0x00ff00;
  private static final int BLUE = 0x0000ff;
  private static final int WHITE = 0xffffff;

  /** 3 x 2: red, green, blue on top; white, black, grey below. */
  private static BufferedImage corners() {
    return Images.rgb(new int[][] {{RED, GREEN, BLUE}, {WHITE, 0, 0x808080}});
  }

  @Test
  void pngAndBmpKeepEveryPixel() {
    for (String format : new String[] {"png", "bmp"}) {
      RgbImage image = RgbImage.decode(Images.encode(corners(), format));
      assertEquals(3, image.width(), format);
      assertEquals(2, image.height(), format);
      assertEquals(RED, image.rgb(0, 0), format);
      assertEquals(BLUE, image.rgb(2, 0), format);
      assertEquals(0x808080, image.rgb(2, 1), format);
    }
  }

  @Test
  void cropCopiesTheRectangleInBothLayouts() {
    for (String format : new String[] {"png", "bmp"}) {
      RgbImage image = RgbImage.decode(Images.encode(corners(), format)).crop(1, 0, 2, 2);
      assertEquals(2, image.width());
      assertEquals(GREEN, image.rgb(0, 0), format);
      assertEquals(0x808080, image.rgb(1, 1), format);
    }
    RgbImage ints = RgbImage.of(corners()).crop(2, 1, 1, 1);
    assertEquals(0x808080, ints.rgb(0, 0));
    assertThrows(IllegalArgumentException.class, () -> RgbImage.of(corners()).crop(2, 0, 2, 1));
  }

  @Test
  void formatsAreToldByTheirFirstBytes() {
    assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.sniff(Images.encode(corners(), "png")));
    assertEquals(
        Optional.of(ImageFormat.JPEG), ImageFormat.sniff(Images.encode(corners(), "jpeg")));
    assertEquals(Optional.of(ImageFormat.BMP), ImageFormat.sniff(Images.encode(corners(), "bmp")));
    assertEquals(Optional.empty(), ImageFormat.sniff("BMW is a car".getBytes()));
    assertEquals(Optional.empty(), ImageFormat.sniff(new byte[0]));
  }

  @Test
  void greyPngReadsItsOwnValues() {
    RgbImage image = RgbImage.decode(Images.encode(Images.grey(new int[][] {{128, 7}}), "png"));
    assertEquals(0x808080, image.rgb(0, 0));
    assertEquals(0x070707, image.rgb(1, 0));
  }

  /** One component: grey in all three channels, not brightened through the linear-grey space. */
  @Test
  void greyJpegReadsItsOwnValues() {
    int[][] rows = new int[16][32];
    for (int[] row : rows) {
      Arrays.fill(row, 0, 16, 128);
      Arrays.fill(row, 16, 32, 40);
    }
    byte[] jpeg = Images.encode(Images.grey(rows), "jpeg");
    assertEquals(1, JpegHeaders.read(jpeg).components());
    RgbImage image = RgbImage.decode(jpeg);
    CmykJpegTest.assertClose(0x808080, image.rgb(8, 8), "grey 128");
    CmykJpegTest.assertClose(0x282828, image.rgb(24, 8), "grey 40");
    int left = image.rgb(8, 8);
    assertEquals(left & 0xff, left >> 16, "the same value in red and blue");
  }

  @Test
  void progressiveJpegIsRead() throws IOException {
    BufferedImage halves = Images.halves(0xc03020, 0x2040e0);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(halves, null, null), param);
    }
    writer.dispose();
    byte[] jpeg = bytes.toByteArray();
    assertTrue(hasMarker(jpeg, 0xc2), "written as a progressive JPEG (SOF2)");
    RgbImage image = RgbImage.decode(jpeg);
    assertEquals(32, image.width());
    int left = image.rgb(8, 8);
    assertEquals(0xc0, left >> 16, 6);
    assertEquals(0x30, (left >> 8) & 0xff, 6);
    assertEquals(0x20, left & 0xff, 6);
  }

  /**
   * A camera held sideways writes the pixels as the sensor saw them and an EXIF orientation of 6:
   * turn 90 degrees clockwise to show. Left half red, right half blue, stored 32 x 16: shown 16 x
   * 32 with red on top.
   */
  @Test
  void exifOrientationSixTurnsClockwise() {
    byte[] jpeg = withOrientation(Images.encode(Images.halves(RED, BLUE), "jpeg"), 6, true);
    assertEquals(6, RgbImage.exifOrientation(jpeg));
    RgbImage image = RgbImage.decode(jpeg);
    assertEquals(16, image.width());
    assertEquals(32, image.height());
    assertTrue(isRed(image.rgb(8, 4)), Integer.toHexString(image.rgb(8, 4)));
    assertTrue(isBlue(image.rgb(8, 28)), Integer.toHexString(image.rgb(8, 28)));
  }

  @Test
  void aForcedOrientationReplacesTheFilesOwn() {
    byte[] jpeg = withOrientation(Images.encode(Images.halves(RED, BLUE), "jpeg"), 6, true);
    RgbImage stored = RgbImage.decode(jpeg, 1);
    assertEquals(32, stored.width(), "as stored, the EXIF 6 ignored");
    assertTrue(isRed(stored.rgb(4, 8)));
    RgbImage mirrored = RgbImage.decode(jpeg, 2);
    assertTrue(isBlue(mirrored.rgb(4, 8)), "mirrored: blue on the left");
  }

  @Test
  void exifOrientationReadsBigEndianTiffToo() {
    byte[] jpeg = withOrientation(Images.encode(Images.halves(RED, BLUE), "jpeg"), 3, false);
    assertEquals(3, RgbImage.exifOrientation(jpeg));
    RgbImage image = RgbImage.decode(jpeg);
    assertEquals(32, image.width());
    assertTrue(isBlue(image.rgb(4, 8)), "turned 180 degrees: blue on the left");
  }

  @Test
  void everyOrientationMovesTheTopLeftPixelWhereExifSays() {
    // The stored image's top-left pixel is red; where each orientation shows it.
    BufferedImage stored = Images.rgb(new int[][] {{RED, 0, 0}, {0, 0, 0}});
    RgbImage image = RgbImage.of(stored);
    int[][] expected = { // {x, y} of red in the shown image: 3 x 2, or 2 x 3 from 5 on
      {0, 0}, {2, 0}, {2, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 2}, {0, 2}
    };
    for (int o = 1; o <= 8; o++) {
      RgbImage shown = image.oriented(o);
      int[] at = expected[o - 1];
      assertEquals(RED, shown.rgb(at[0], at[1]), "orientation " + o);
      assertEquals(o >= 5 ? 2 : 3, shown.width(), "orientation " + o);
    }
  }

  @Test
  void truncatedJpegIsOneClearLine() {
    byte[] jpeg = Images.encode(Images.noise(64, 64), "jpeg");
    byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2);
    String message =
        assertThrows(MalformedInputException.class, () -> RgbImage.decode(cut)).getMessage();
    assertTrue(
        message.startsWith("expected a PNG, JPEG or BMP image, found a damaged JPEG file ("),
        message);
    assertTrue(!message.contains("\n"), message);
  }

  @Test
  void corruptPngIsOneClearLine() {
    byte[] png = Images.encode(Images.noise(32, 32), "png");
    byte[] bad = png.clone();
    for (int i = 60; i < 200; i++) {
      bad[i] ^= 0x5a; // inside the compressed pixel data: its CRC and inflate fail
    }
    String message =
        assertThrows(MalformedInputException.class, () -> RgbImage.decode(bad)).getMessage();
    assertTrue(
        message.startsWith("expected a PNG, JPEG or BMP image, found a damaged PNG file ("),
        message);
  }

  @Test
  void otherBytesAreNamed() {
    assertEquals(
        "expected a PNG, JPEG or BMP image, found a GIF image (convert it to PNG)",
        assertThrows(MalformedInputException.class, () -> RgbImage.decode("GIF89a..".getBytes()))
            .getMessage());
    assertEquals(
        "expected a PNG, JPEG or BMP image, found an empty file",
        assertThrows(MalformedInputException.class, () -> RgbImage.decode(new byte[0]))
            .getMessage());
  }

  private static boolean isRed(int rgb) {
    return (rgb >> 16) > 0xd0 && (rgb & 0xff) < 0x30;
  }

  private static boolean isBlue(int rgb) {
    return (rgb & 0xff) > 0xd0 && (rgb >> 16) < 0x30;
  }

  private static boolean hasMarker(byte[] jpeg, int marker) {
    return markerAt(jpeg, marker) >= 0;
  }

  static int markerAt(byte[] jpeg, int marker) {
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
      if ((jpeg[at + 1] & 0xff) == marker) {
        return at;
      }
      at += 2 + ((jpeg[at + 2] & 0xff) << 8 | (jpeg[at + 3] & 0xff));
    }
    return -1;
  }

  /**
   * The JPEG with an APP1 Exif segment after SOI: a TIFF header (little- or big-endian) and IFD0
   * holding one entry, Orientation (0x0112, SHORT, 1 value).
   */
  static byte[] withOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
    ByteArrayOutputStream tiff = new ByteArrayOutputStream();
    if (littleEndian) {
      tiff.writeBytes(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});
      tiff.writeBytes(new byte[] {1, 0}); // one entry
      tiff.writeBytes(new byte[] {0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0});
    } else {
      tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
      tiff.writeBytes(new byte[] {0, 1});
      tiff.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0});
    }
    tiff.writeBytes(new byte[] {0, 0, 0, 0}); // no next IFD
    byte[] body = tiff.toByteArray();
    int length = 2 + 6 + body.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xff);
    out.write(0xd8);
    out.writeBytes(new byte[] {(byte) 0xff, (byte) 0xe1, (byte) (length >> 8), (byte) length});
    out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
    out.writeBytes(body);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }
}
