package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Google's published image classifiers on photos, with the labels a person sees: the float
 * MobileNet v1 with metadata and the same network quantized the classic way (uint8).
 */
class ImageClassifierZooTest {
  private static final String FLOAT = "mobilenet_v1_0.25_224_1_metadata_1.tflite";
  private static final String UINT8 =
      "mobilenet_v1_0.25_224_quant_without_subgraph_metadata.tflite";

  /** The 1001 labels packed in the float model's associated zip (0 is "background"). */
  static List<String> labels() throws IOException {
    try (ZipFile zip = new ZipFile(Zoo.file(FLOAT).toFile());
        InputStream in = zip.getInputStream(zip.getEntry("labels.txt"))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  static int argmax(float[] scores) {
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      if (scores[i] > scores[best]) {
        best = i;
      }
    }
    return best;
  }

  private static float[] classify(String file, Tensor image) throws Exception {
    try (Model model = Engines.load(Zoo.file(file), LoadOptions.DEFAULTS);
        Predictor p = model.predictor()) {
      String in = p.signature().inputs().get(0).name();
      String out = p.signature().outputs().get(0).name();
      return p.predict(Map.of(in, image)).get(out).toFloatArray();
    }
  }

  private static Tensor pixels(String photo) throws IOException {
    return Tensor.of(
        DataType.UINT8, Shape.of(1, 224, 224, 3), ByteBuffer.wrap(Zoo.rgb(photo, 224, 224)));
  }

  private static Tensor normalized(String photo) throws IOException {
    byte[] rgb = Zoo.rgb(photo, 224, 224);
    float[] values = new float[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      values[i] = ((rgb[i] & 0xff) - 127.5f) / 127.5f;
    }
    return Tensor.ofFloats(values, 1, 224, 224, 3);
  }

  @Test
  void uint8MobileNetSeesTheCheeseburger() throws Exception {
    float[] scores = classify(UINT8, pixels("burger_crop.jpg"));
    assertEquals("cheeseburger", labels().get(argmax(scores)));
  }

  @Test
  void floatMobileNetSeesTheCheeseburger() throws Exception {
    float[] scores = classify(FLOAT, normalized("burger_crop.jpg"));
    assertEquals("cheeseburger", labels().get(argmax(scores)));
  }
}
