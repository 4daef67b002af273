package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Google's uint8 SSD MobileNet v1 (COCO, ending in the custom op TFLite_Detection_PostProcess) on
 * the cat in the Task Library's photo collage: what a person sees there. Google's own expected
 * boxes are for another photo (cats_and_dogs.jpg), which the shared zoo does not have.
 */
class ObjectDetectorZooTest {
  private static final int COCO_CAT = 16;

  @Test
  void ssdMobileNetFindsTheCat() throws Exception {
    BufferedImage collage = ImageIO.read(Zoo.file("multi_objects.jpg").toFile());
    BufferedImage cat = collage.getSubimage(650, 235, 150, 120);
    Tensor image =
        Tensor.of(
            DataType.UINT8, Shape.of(1, 300, 300, 3), ByteBuffer.wrap(Zoo.rgb(cat, 300, 300)));
    try (Model model = Engines.load(Zoo.file("ssd_mobilenet_v1.tflite"), LoadOptions.DEFAULTS);
        Predictor p = model.predictor()) {
      Map<String, Tensor> out = p.predict(Map.of(p.signature().inputs().get(0).name(), image));
      List<String> names = p.signature().outputNames();
      float[] box = out.get(names.get(0)).toFloatArray(); // ymin, xmin, ymax, xmax
      float[] classes = out.get(names.get(1)).toFloatArray();
      float[] scores = out.get(names.get(2)).toFloatArray();
      float count = out.get(names.get(3)).toFloatArray()[0];
      assertEquals(10, count, "detections (the model's maximum)");
      assertEquals(COCO_CAT, classes[0], "best detection's class");
      assertTrue(scores[0] > 0.6f, "best detection's score " + scores[0]);
      for (int i = 1; i < 10; i++) {
        assertTrue(scores[i] <= scores[i - 1], "scores in decreasing order");
      }
      assertTrue(box[0] < 0.5f && box[2] > 0.5f, "the box spans the middle row: " + box[0]);
      assertTrue(box[1] < 0.5f && box[3] > 0.5f, "the box spans the middle column: " + box[1]);
    }
  }
}
