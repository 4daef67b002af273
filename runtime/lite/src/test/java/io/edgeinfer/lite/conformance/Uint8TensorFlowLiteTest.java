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
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Classic uint8 models, which TensorFlow Lite Micro cannot run, against TensorFlow Lite 2.6.2
 * itself on the same pixels: raw uint8 outputs within a stated number of steps. TFLite's optimized
 * uint8 kernels (gemmlowp) round some products differently from its reference arithmetic, which the
 * lite engine follows, so a step or two apart is expected; more is a bug.
 */
class Uint8TensorFlowLiteTest {
  /** The most steps (of the output's scale) apart any score may be. */
  private static final int TOLERANCE = 1;

  @Test
  void mobileNetV1QuantGivesTensorFlowLitesScores() throws Exception {
    TensorFlowLite.require();
    Path model = Zoo.file("mobilenet_v1_0.25_224_quant_without_subgraph_metadata.tflite");
    byte[] pixels = Zoo.rgb("burger_crop.jpg", 224, 224);
    byte[] expected = TensorFlowLite.run(model, pixels, new int[] {1, 224, 224, 3})[0];
    byte[] actual = lite(model, pixels, new int[] {1, 224, 224, 3});
    assertEquals(1001, actual.length);
    int worst = 0;
    int argmaxExpected = 0;
    int argmaxActual = 0;
    for (int i = 0; i < actual.length; i++) {
      worst = Math.max(worst, Math.abs((expected[i] & 0xff) - (actual[i] & 0xff)));
      argmaxExpected =
          (expected[i] & 0xff) > (expected[argmaxExpected] & 0xff) ? i : argmaxExpected;
      argmaxActual = (actual[i] & 0xff) > (actual[argmaxActual] & 0xff) ? i : argmaxActual;
    }
    assertTrue(worst <= TOLERANCE, "scores up to " + worst + " steps from TensorFlow Lite's");
    assertEquals(argmaxExpected, argmaxActual);
  }

  @Test
  void ssdMobileNetGivesTensorFlowLitesDetections() throws Exception {
    TensorFlowLite.require();
    Path model = Zoo.file("ssd_mobilenet_v1.tflite");
    byte[] pixels = Zoo.rgb("multi_objects.jpg", 300, 300);
    int[] shape = {1, 300, 300, 3};
    byte[][] expected = TensorFlowLite.run(model, pixels, shape);
    try (Model loaded = Engines.load(model, LoadOptions.DEFAULTS);
        Predictor p = loaded.predictor()) {
      Tensor image = Tensor.of(DataType.UINT8, Shape.of(shape), ByteBuffer.wrap(pixels));
      Map<String, Tensor> out = p.predict(Map.of(p.signature().inputs().get(0).name(), image));
      for (int o = 0; o < 4; o++) {
        float[] want = floats(expected[o]);
        float[] got = out.get(p.signature().outputNames().get(o)).toFloatArray();
        assertEquals(want.length, got.length, "output " + o);
        for (int i = 0; i < want.length; i++) {
          // Boxes to a thousandth of the frame; classes and scores (steps of 1/256) the same.
          assertEquals(want[i], got[i], 1e-3, "output " + o + "[" + i + "]");
        }
      }
    }
  }

  private static float[] floats(byte[] bytes) {
    float[] out = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }

  private static byte[] lite(Path file, byte[] pixels, int[] shape) throws Exception {
    try (Model model = Engines.load(file, LoadOptions.DEFAULTS.withRawOutputs(true));
        Predictor p = model.predictor()) {
      Tensor image = Tensor.of(DataType.UINT8, Shape.of(shape), ByteBuffer.wrap(pixels));
      Tensor out =
          p.predict(Map.of(p.signature().inputs().get(0).name(), image))
              .get(p.signature().outputNames().get(0));
      byte[] bytes = new byte[out.data().remaining()];
      out.data().duplicate().get(bytes);
      return bytes;
    }
  }
}
