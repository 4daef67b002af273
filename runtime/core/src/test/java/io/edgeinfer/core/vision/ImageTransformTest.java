package io.edgeinfer.core.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImageTransformTest {
  @Test
  void letterboxIsUndone() {
    // 400 x 200 into 300 x 300: scale 0.75, the image 150 rows high from row 75.
    ImageTransform t = ImageTransform.of(ResizeMode.LETTERBOX, 400, 200, 300, 300);
    assertEquals(0.75, t.scaleX());
    assertEquals(0, t.offsetX());
    assertEquals(75, t.offsetY());
    assertEquals(200, t.imageX(150));
    assertEquals(0, t.imageY(75));
    assertEquals(200, t.imageY(225));
    assertEquals(0, t.imageY(10), "a band above the image clamps to its top");
  }

  @Test
  void cropIsUndone() {
    // 400 x 200 into 300 x 300: scale 1.5, the image 600 columns wide, from column -150.
    ImageTransform t = ImageTransform.of(ResizeMode.CROP, 400, 200, 300, 300);
    assertEquals(1.5, t.scaleY());
    assertEquals(-150, t.offsetX());
    assertEquals(100, t.imageX(0));
    assertEquals(300, t.imageX(300));
    assertEquals(200, t.imageY(300));
  }

  @Test
  void stretchScalesEachAxis() {
    ImageTransform t = ImageTransform.of(ResizeMode.STRETCH, 902, 358, 300, 300);
    assertEquals(902, t.imageX(300), 1e-9);
    assertEquals(179, t.imageY(150), 1e-9);
  }
}
