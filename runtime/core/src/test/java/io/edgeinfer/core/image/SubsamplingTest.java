package io.edgeinfer.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * Decoding with source subsampling: the largest period that keeps the upright image at least the
 * size asked for, the middle pixel of each block, and the photo's own size remembered.
 */
class SubsamplingTest {
  /** Each pixel's colour says where it is: red = x, green = y (both below 256). */
  private static BufferedImage coordinates(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, x << 16 | y << 8);
      }
    }
    return image;
  }

  @Test
  void thePeriodKeepsBothSidesAtLeastTheMinimum() {
    assertEquals(6, EncodedImage.period(4000, 3000, 448, 448), "12 MP for a 224 x 224 model");
    assertEquals(1, EncodedImage.period(1280, 851, 448, 448), "sparrow.png stays whole");
    assertEquals(1, EncodedImage.period(902, 358, 600, 600), "multi_objects.jpg for SSD");
    assertEquals(1, EncodedImage.period(4000, 3000, 0, 0), "no minimum: every pixel");
    assertEquals(2, EncodedImage.period(4000, 1000, 448, 448), "the shorter side decides");
  }

  @Test
  void everyNthPixelIsTheMiddleOfItsBlock() {
    byte[] png = Images.encode(coordinates(250, 200), "png");
    RgbImage image = RgbImage.decode(png, 1, 60, 60);
    assertEquals(3, image.scale()); // 250 / 60 = 4, 200 / 60 = 3
    assertEquals(250, image.photoWidth());
    assertEquals(200, image.photoHeight());
    assertEquals(83, image.width()); // columns 1, 4, ..., 247
    assertEquals(67, image.height()); // rows 1, 4, ..., 199
    assertEquals(1 << 16 | 1 << 8, image.rgb(0, 0));
    assertEquals(31 << 16 | 199 << 8, image.rgb(10, 66));
    assertEquals(247 << 16, image.rgb(82, 0) & 0xff0000);
  }

  @Test
  void aTurnedPhotoIsMeasuredUpright() {
    // Stored 240 x 120, orientation 6: upright 120 x 240; at least 60 x 100 means period 2.
    byte[] jpeg =
        RgbImageTest.withOrientation(Images.encode(coordinates(240, 120), "jpeg"), 6, true);
    RgbImage image = RgbImage.decode(jpeg, 6, 60, 100);
    assertEquals(2, image.scale());
    assertEquals(120, image.photoWidth());
    assertEquals(240, image.photoHeight());
    assertEquals(60, image.width());
    assertEquals(120, image.height());
  }

  @Test
  void aSmallPhotoIsReadWhole() {
    RgbImage image = RgbImage.decode(Images.encode(coordinates(100, 80), "png"), 1, 448, 448);
    assertEquals(1, image.scale());
    assertEquals(100, image.width());
    assertEquals(100, image.photoWidth());
  }
}
