package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import java.awt.image.Raster;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Google's DeepLab v3 (float32, RESIZE_BILINEAR) on the Task Library's segmentation photo: the
 * category mask against Google's golden mask (their test accepts fewer than 1% of pixels off), and
 * the raw scores against TensorFlow Lite Micro.
 *
 * <p>The photo is stored rotated by 90 degrees and flopped; Google's test declares that
 * orientation, so the Task Library turns the photo upright before inference and turns the mask
 * back. Here the same: pixel (y, x) upright is stored pixel (n - x, n - y), a mapping that is its
 * own inverse.
 */
class SegmentationZooTest {
  private static final String MODEL = "deeplabv3.tflite";
  private static final int SIZE = 257;
  private static final int CLASSES = 21;

  @Test
  void deepLabMatchesGooglesGoldenMask() throws Exception {
    byte[] stored = Zoo.rgb("segmentation_input_rotation90_flop.jpg", SIZE, SIZE);
    float[] upright = new float[stored.length];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int from = storedIndex(y, x) * 3;
        for (int c = 0; c < 3; c++) {
          upright[(y * SIZE + x) * 3 + c] = ((stored[from + c] & 0xff) - 127.5f) / 127.5f;
        }
      }
    }
    float[] scores;
    try (Model model = Engines.load(Zoo.file(MODEL), LoadOptions.DEFAULTS);
        Predictor p = model.predictor()) {
      String in = p.signature().inputs().get(0).name();
      String out = p.signature().outputs().get(0).name();
      Tensor image = Tensor.ofFloats(upright, 1, SIZE, SIZE, 3);
      scores = p.predict(Map.of(in, image)).get(out).toFloatArray();
    }
    assertEquals(SIZE * SIZE * CLASSES, scores.length);
    Raster golden =
        ImageIO.read(Zoo.file("segmentation_golden_rotation90_flop.png").toFile()).getRaster();
    int off = 0;
    int[] seen = new int[CLASSES];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int category = argmax(scores, (y * SIZE + x) * CLASSES);
        seen[category]++;
        int at = storedIndex(y, x);
        if (golden.getSample(at % SIZE, at / SIZE, 0) != category * 10) {
          off++;
        }
      }
    }
    System.out.printf("DeepLab v3: %d of %d pixels off Google's golden mask%n", off, SIZE * SIZE);
    assertTrue(off < SIZE * SIZE / 100, off + " pixels off the golden mask");
    assertTrue(seen[13] > 0 && seen[15] > 0, "the golden mask's horse (13) and person (15)");
  }

  @Test
  void deepLabMatchesTheOracle() throws Exception {
    TflmOracle oracle = TflmOracle.require();
    assertTrue(OracleRuns.compare(oracle, Zoo.file(MODEL), 1, 12) > 0);
  }

  /** Where upright pixel (y, x) is in the stored photo, as a pixel index. */
  private static int storedIndex(int y, int x) {
    int n = SIZE - 1;
    return (n - x) * SIZE + (n - y);
  }

  private static int argmax(float[] scores, int from) {
    int best = 0;
    for (int c = 1; c < CLASSES; c++) {
      if (scores[from + c] > scores[from + best]) {
        best = c;
      }
    }
    return best;
  }
}
