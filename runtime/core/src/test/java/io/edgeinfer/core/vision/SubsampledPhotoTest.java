package io.edgeinfer.core.vision;

import static io.edgeinfer.core.vision.FakeModel.image;
import static io.edgeinfer.core.vision.FakeModel.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.image.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A photo much larger than the input is decoded with subsampling, and answered in the photo's own
 * pixels all the same: the same boxes and mask as decoding it whole, within the subsampling period.
 */
class SubsampledPhotoTest {
  /**
   * A 1400 x 1300 JPEG: every 2nd pixel for a 300 x 300 input (no less than 640 x 640, more than
   * twice the input).
   */
  private static byte[] photo() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(1400, 1300, BufferedImage.TYPE_INT_RGB), "jpeg", out);
    return out.toByteArray();
  }

  private static FakeModel detector() {
    float[] boxes = {0.25f, 0.5f, 0.75f, 1f, 0.1f, 0.1f, 0.3f, 0.37f, 0, 0, 0, 0};
    return new FakeModel(
        List.of(image(DataType.FLOAT32, 1, 300, 300, 3)),
        List.of(
            output("TFLite_Detection_PostProcess", 1, 3, 4),
            output("TFLite_Detection_PostProcess:1", 1, 3),
            output("TFLite_Detection_PostProcess:2", 1, 3),
            output("TFLite_Detection_PostProcess:3", 1)),
        in ->
            Map.of(
                "TFLite_Detection_PostProcess", Tensor.ofFloats(boxes, 1, 3, 4),
                "TFLite_Detection_PostProcess:1", Tensor.ofFloats(new float[] {1, 2, 0}, 1, 3),
                "TFLite_Detection_PostProcess:2",
                    Tensor.ofFloats(new float[] {0.9f, 0.8f, 0}, 1, 3),
                "TFLite_Detection_PostProcess:3", Tensor.ofFloats(new float[] {2}, 1)));
  }

  @Test
  void boxesAreInThePhotosPixels() throws Exception {
    FakeModel model = detector();
    VisionPipeline pipeline = VisionPipeline.of(model, model, VisionOptions.DEFAULTS);
    byte[] jpeg = photo();
    RgbImage small = pipeline.decode(jpeg);
    assertEquals(2, small.scale());
    assertEquals(700, small.width());
    Detections fromSmall = (Detections) pipeline.run(small);
    Detections fromWhole = (Detections) pipeline.run(RgbImage.decode(jpeg));
    assertEquals(1400, fromSmall.imageWidth());
    assertEquals(1300, fromSmall.imageHeight());
    assertEquals(new Box(700, 325, 700, 650), fromWhole.detections().get(0).box());
    for (int i = 0; i < 2; i++) {
      Box a = fromSmall.detections().get(i).box();
      Box b = fromWhole.detections().get(i).box();
      String what = a + " against " + b;
      assertTrue(Math.abs(a.x() - b.x()) <= 2 && Math.abs(a.y() - b.y()) <= 2, what);
      assertTrue(
          Math.abs(a.width() - b.width()) <= 2 && Math.abs(a.height() - b.height()) <= 2, what);
    }
  }

  @Test
  void theMaskCoversThePhoto() throws Exception {
    float[] scores = {0, 9, 9, 0, 9, 0, 0, 9}; // 2 x 2, 2 classes: a diagonal of class 1
    FakeModel model =
        new FakeModel(
            List.of(image(DataType.FLOAT32, 1, 2, 2, 3)),
            List.of(output("mask", 1, 2, 2, 2)),
            in -> Map.of("mask", Tensor.ofFloats(scores, 1, 2, 2, 2)));
    VisionPipeline pipeline = VisionPipeline.of(model, model, VisionOptions.DEFAULTS);
    byte[] jpeg = photo();
    RgbImage small = pipeline.decode(jpeg);
    // A 2 x 2 input: no less than 640 pixels a side all the same.
    assertEquals(2, small.scale());
    assertEquals(700, small.width());
    Segmentation fromSmall = (Segmentation) pipeline.run(small);
    Segmentation fromWhole = (Segmentation) pipeline.run(RgbImage.decode(jpeg));
    assertEquals(1400, fromSmall.width());
    assertEquals(1300, fromSmall.height());
    assertEquals(fromWhole.pixels(), fromSmall.pixels());
    assertEquals(1, fromSmall.category(699, 649));
    assertEquals(0, fromSmall.category(700, 649));
    assertEquals(1, fromSmall.category(1399, 1299));
    assertEquals(0, fromSmall.category(699, 650));
    assertEquals(Map.of("class 0", 910_000L, "class 1", 910_000L), fromWhole.pixels());
  }

  @Test
  void aRegionIsDecodedWhole() throws Exception {
    FakeModel model = detector();
    VisionPipeline pipeline =
        VisionPipeline.of(model, model, VisionOptions.DEFAULTS.withRegion(new Box(0, 0, 900, 900)));
    assertEquals(1, pipeline.decode(photo()).scale());
    RgbImage small = VisionPipeline.of(model, model, VisionOptions.DEFAULTS).decode(photo());
    assertEquals(
        "expected an image decoded whole for a region, found one decoded at 1/2 of the photo's"
            + " size: decode it with VisionPipeline.decode",
        assertThrows(IllegalArgumentException.class, () -> pipeline.run(small)).getMessage());
  }

  @Test
  void annotationDrawsThePhotosBoxesOnTheSmallerImage() throws Exception {
    FakeModel model = detector();
    VisionPipeline pipeline = VisionPipeline.of(model, model, VisionOptions.DEFAULTS);
    RgbImage small = pipeline.decode(photo());
    BufferedImage drawn = Annotation.draw(small, pipeline.run(small));
    assertEquals(700, drawn.getWidth());
    // The first box's left edge, x = 700 in the photo: 350 here; the photo is black.
    assertNotEquals(0, drawn.getRGB(350, 400) & 0xffffff);
    assertEquals(0, drawn.getRGB(500, 400) & 0xffffff, "inside the box");
  }

  @Test
  void photoPixelsMultiplyByTheScaleAndStayInsideThePhoto() throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(2000, 1930, BufferedImage.TYPE_INT_RGB), "png", png);
    RgbImage small = RgbImage.decode(png.toByteArray(), 1, 640, 640);
    assertEquals(3, small.scale());
    assertEquals(667, small.width()); // the last column stands for photo columns 1998-1999
    Category cat = new Category("cat", 16, 0.9f);
    Detections boxes =
        (Detections)
            PhotoPixels.of(
                new Detections(
                    667,
                    644,
                    List.of(
                        new Detection(cat, new Box(10, 20, 30, 40)),
                        new Detection(cat, new Box(660, 0, 7, 10)))),
                small);
    assertEquals(2000, boxes.imageWidth());
    assertEquals(new Box(30, 60, 90, 120), boxes.detections().get(0).box());
    assertEquals(new Box(1980, 0, 20, 30), boxes.detections().get(1).box(), "cut at the edge");
    byte[] mask = new byte[small.width() * small.height()];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = (byte) (i % small.width() >= 300 ? 1 : 0);
    }
    Segmentation whole =
        (Segmentation)
            PhotoPixels.of(
                new Segmentation(small.width(), small.height(), mask, List.of(), null), small);
    assertEquals(1930, whole.height());
    assertEquals(0, whole.category(899, 1929));
    assertEquals(1, whole.category(900, 0));
    assertEquals(1, whole.category(1999, 1929));
  }
}
