package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.TfliteFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conformance with files made by Google's converter, from the team's shared models
 * (../shared/models/tflite); skipped with the reason when they are absent.
 */
class SharedModelsTest {

  private static Path shared(String name) {
    Path root = Path.of(System.getProperty("edgeinfer.shared", "../shared"));
    Path path = root.resolve("models").resolve("tflite").resolve(name);
    assumeTrue(
        Files.exists(path),
        "skipped: " + path + " is absent (the team's shared models are not here)");
    return path;
  }

  private static void assertSine(String file, float[] xs) throws Exception {
    try (Model model = Engines.load(shared(file), LoadOptions.DEFAULTS);
        Predictor p = model.predictor()) {
      assertEquals("lite", model.engine());
      Signature sig = p.signature();
      TensorSpec in = sig.inputs().get(0);
      assertEquals(DataType.FLOAT32, in.dataType());
      String out = sig.outputNames().get(0);
      for (float x : xs) {
        float y =
            p.predict(Map.of(in.name(), Tensor.ofFloats(new float[] {x}, 1, 1)))
                .get(out)
                .toFloatArray()[0];
        assertEquals(Math.sin(x), y, 0.05, file + " at x = " + x);
      }
      // all at once: split into the model's batch or run as one batch
      Tensor batch = Tensor.ofFloats(xs, xs.length, 1);
      float[] ys = p.predict(Map.of(in.name(), batch)).get(out).toFloatArray();
      for (int i = 0; i < xs.length; i++) {
        assertEquals(Math.sin(xs[i]), ys[i], 0.05, file + " batched at x = " + xs[i]);
      }
    }
  }

  @Test
  void helloWorldFloatGivesSine() throws Exception {
    assertSine("hello_world_float.tflite", new float[] {0, 1, 3, 5});
  }

  @Test
  void helloWorldInt8GivesSineFromFloats() throws Exception {
    assertSine("hello_world_int8.tflite", new float[] {0.77f, 1.57f, 2.3f, 3.14f});
  }

  @Test
  void simpleAddModelAdds() throws Exception {
    Path file = shared("simple_add_model.tflite");
    LiteModel raw = TfliteFile.open(file);
    try (Model model = Engines.load(file, LoadOptions.DEFAULTS);
        Predictor p = model.predictor()) {
      Signature sig = p.signature();
      assertEquals(2, sig.inputs().size());
      Map<String, Tensor> inputs = new LinkedHashMap<>();
      float[][] values = new float[2][];
      for (int i = 0; i < 2; i++) {
        TensorSpec spec = sig.inputs().get(i);
        assertEquals(DataType.FLOAT32, spec.dataType());
        int[] dims = spec.shape().dims();
        dims[0] = Math.max(dims[0], 1);
        int size = 1;
        for (int d : dims) {
          size *= d;
        }
        LiteTensor tensor = raw.mainSubgraph().tensor(raw.mainSubgraph().inputs().get(i));
        float scale = tensor.isQuantized() ? tensor.quantization().scale(0) : 0.01f;
        values[i] = new float[size];
        for (int k = 0; k < size; k++) {
          // whole quantization steps inside int8's range, different per element and input
          values[i][k] = scale * (((k * (i + 3)) % 200) - 100);
        }
        inputs.put(spec.name(), Tensor.ofFloats(values[i], dims));
      }
      Tensor sum = p.predict(inputs).get(sig.outputNames().get(0));
      LiteTensor output = raw.mainSubgraph().tensor(raw.mainSubgraph().outputs().get(0));
      double step = output.isQuantized() ? output.quantization().scale(0) : 1e-5;
      float[] got = sum.toFloatArray();
      assertEquals(values[0].length, got.length);
      double min = output.isQuantized() ? step * (-128 - output.quantization().zeroPoint(0)) : -1e9;
      double max = output.isQuantized() ? step * (127 - output.quantization().zeroPoint(0)) : 1e9;
      for (int k = 0; k < got.length; k++) {
        double expected = Math.max(min, Math.min(max, values[0][k] + values[1][k]));
        assertEquals(expected, got[k], step * 1.0001, "element " + k);
      }
    }
  }
}
