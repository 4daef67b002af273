package io.edgeinfer.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.LiteEngine;
import io.edgeinfer.quantize.quant.Mode;
import io.edgeinfer.tensorflow.testing.SharedModels;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Python-made SavedModels (TF1 graph and TF2 functions) convert and give y = x / 2 + 2. */
class HalfPlusTwoTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"half_plus_two_tf1", "half_plus_two_tf2"})
  void convertsToFloat32AndAnswers(String name) throws Exception {
    Path model = SharedModels.require("savedmodel/" + name);
    Path out = dir.resolve(name + ".tflite");
    QuantizeReport report = Quantizer.quantize(QuantizeRequest.of(model, Mode.FLOAT32, null, out));
    assertEquals(Map.of("ADD", 1, "MUL", 1), report.operators());
    try (Model lite = new LiteEngine().load(out, LoadOptions.DEFAULTS);
        Predictor predictor = lite.predictor("serving_default")) {
      // TF1 declares x as [-1, 1]; TF2 as [1], so there each value goes in alone.
      boolean batched = predictor.signature().inputs().get(0).shape().rank() == 2;
      float[] xs = {1, 2, 5};
      float[] ys = new float[3];
      for (int i = 0; i < 3; i++) {
        Tensor x =
            batched
                ? Tensor.ofFloats(new float[] {xs[i]}, 1, 1)
                : Tensor.ofFloats(new float[] {xs[i]}, 1);
        ys[i] = predictor.predict(Map.of("x", x)).get("y").toFloatArray()[0];
      }
      assertArrayEquals(new float[] {2.5f, 3.0f, 4.5f}, ys, 1e-6f);
    }
  }
}
