package io.edgeinfer.core.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.edgeinfer.core.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AnnotationTest {
  private static final RgbImage WHITE = white(200, 100);

  private static RgbImage white(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, 0xffffff);
      }
    }
    return RgbImage.of(image);
  }

  @Test
  void boxesAreDrawnWhereTheDetectionSays() throws Exception {
    Detections found =
        new Detections(
            200,
            100,
            List.of(new Detection(new Category("cat", 16, 0.72f), new Box(100, 40, 60, 40))));
    BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(Annotation.png(WHITE, found)));
    int colour = MaskPng.colour(1 + 16 % 20);
    assertEquals(colour, drawn.getRGB(130, 80) & 0xffffff, "the box's bottom edge");
    assertEquals(colour, drawn.getRGB(160, 60) & 0xffffff, "its right edge");
    assertEquals(0xffffff, drawn.getRGB(130, 65) & 0xffffff, "inside the box: the photo");
    assertEquals(0xffffff, drawn.getRGB(20, 80) & 0xffffff, "elsewhere: the photo");
  }

  @Test
  void maskIsLaidOverHalfTransparent() {
    byte[] mask = new byte[200 * 100];
    mask[99 * 200 + 199] = 15; // the bottom-right pixel: person
    BufferedImage drawn = Annotation.draw(WHITE, new Segmentation(200, 100, mask, List.of(), null));
    // White under person's (192, 128, 128) at half: (224, 192, 192), rounded.
    assertEquals(0xe0c0c0, drawn.getRGB(199, 99) & 0xffffff);
    assertNotEquals(0xffffff, drawn.getRGB(2, 2) & 0xffffff, "the legend's band");
    assertEquals(0xffffff, drawn.getRGB(199, 0) & 0xffffff, "background is left as it is");
  }
}
