package io.edgeinfer.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.codec.MalformedInputException;
import io.edgeinfer.core.image.CmykJpegs.Layout;
import org.junit.jupiter.api.Test;

/**
 * CMYK and YCCK JPEGs decode to the RGB of their inks, as libjpeg-based decoders (Pillow,
 * TensorFlow) give it: {@code R = (255 - C) x (255 - K) / 255}. Tolerance: 6 levels a channel, for
 * JPEG's quantization at quality 0.95 and YCbCr's rounding (measured: at most 2).
 */
class CmykJpegTest {
  private static final int TOLERANCE = 6;

  /** Red, green, blue, white, black, half black, yellow, cyan and a mixed ink. */
  private static final int[][] INKS = {
    {0, 255, 255, 0},
    {255, 0, 255, 0},
    {255, 255, 0, 0},
    {0, 0, 0, 0},
    {0, 0, 0, 255},
    {0, 0, 0, 128},
    {0, 0, 255, 0},
    {255, 0, 0, 0},
    {64, 128, 192, 32}
  };

  @Test
  void adobeCmykIsReadInvertedAsPhotoshopWritesIt() {
    assertInks(RgbImage.decode(CmykJpegs.tiles(Layout.ADOBE_CMYK, false, INKS)), "Adobe CMYK");
  }

  @Test
  void adobeYcckIsTurnedBackFromYCbCr() {
    assertInks(RgbImage.decode(CmykJpegs.tiles(Layout.ADOBE_YCCK, false, INKS)), "Adobe YCCK");
  }

  @Test
  void cmykWithoutAnAdobeSegmentIsTakenAsInvertedToo() {
    RgbImage image =
        RgbImage.decode(CmykJpegs.tiles(Layout.CMYK_WITHOUT_ADOBE_SEGMENT, false, INKS));
    assertInks(image, "CMYK without APP14");
  }

  @Test
  void progressiveCmykAndYcckAreRead() {
    assertInks(RgbImage.decode(CmykJpegs.tiles(Layout.ADOBE_CMYK, true, INKS)), "progressive");
    assertInks(RgbImage.decode(CmykJpegs.tiles(Layout.ADOBE_YCCK, true, INKS)), "progressive");
  }

  /** Not what the JDK's reader makes of it: half black through its CMYK profile reads 187. */
  @Test
  void halfBlackIsMiddleGrey() {
    RgbImage image = RgbImage.decode(CmykJpegs.tiles(Layout.ADOBE_CMYK, false, INKS[5]));
    int grey = image.rgb(8, 8) & 0xff;
    assertTrue(Math.abs(grey - 127) <= TOLERANCE, "half black read as " + grey);
  }

  @Test
  void cmykIsSubsampledAndTurnedLikeAnyJpeg() {
    byte[] jpeg = CmykJpegs.tiles(Layout.ADOBE_CMYK, false, INKS);
    // 144 x 16 at no less than 40 x 5: every 3rd pixel.
    RgbImage small = RgbImage.decode(jpeg, 1, 40, 5);
    assertEquals(3, small.scale());
    assertEquals(48, small.width());
    assertEquals(144, small.photoWidth());
    assertClose(CmykJpegs.rgb(INKS[2]), small.rgb(2 * 16 / 3 + 2, 2), "blue at 1/3");
    RgbImage turned = RgbImage.decode(RgbImageTest.withOrientation(jpeg, 6, true));
    assertEquals(16, turned.width());
    assertClose(CmykJpegs.rgb(INKS[0]), turned.rgb(8, 8), "red at the top once turned");
  }

  @Test
  void twelveBitJpegIsRefusedByName() {
    byte[] jpeg = Images.encode(Images.halves(0xff0000, 0x0000ff), "jpeg");
    int sof = RgbImageTest.markerAt(jpeg, 0xc0);
    jpeg[sof + 4] = 12; // the frame's sample precision
    assertEquals(
        "expected an 8-bit JPEG, found a 12-bit one: convert it to 8 bits a sample",
        assertThrows(MalformedInputException.class, () -> RgbImage.decode(jpeg)).getMessage());
  }

  private static void assertInks(RgbImage image, String what) {
    assertEquals(16 * INKS.length, image.width(), what);
    for (int i = 0; i < INKS.length; i++) {
      assertClose(CmykJpegs.rgb(INKS[i]), image.rgb(i * 16 + 8, 8), what + " tile " + i);
    }
  }

  static void assertClose(int expected, int actual, String what) {
    for (int shift = 0; shift <= 16; shift += 8) {
      int e = expected >> shift & 0xff;
      int a = actual >> shift & 0xff;
      assertTrue(
          Math.abs(e - a) <= TOLERANCE,
          String.format(
              "%s: expected #%06x within %d a channel, found #%06x",
              what, expected, TOLERANCE, actual));
    }
  }
}
