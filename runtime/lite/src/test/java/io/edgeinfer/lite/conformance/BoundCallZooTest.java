package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.BoundCall;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bound calls on Google's models give predict's bits: a float model (arrays in place) and a uint8
 * one (floats quantized in, dequantized out by the bound call itself).
 */
class BoundCallZooTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "mobilenet_v1_0.25_224_1_metadata_1.tflite",
        "mobilenet_v1_0.25_224_quant_without_subgraph_metadata.tflite"
      })
  void boundCallGivesPredictsBits(String name) throws Exception {
    try (Model model = Engines.load(Zoo.file(name), "lite", LoadOptions.DEFAULTS);
        Predictor predictor = model.predictor()) {
      TensorSpec in = predictor.signature().inputs().get(0);
      TensorSpec out = predictor.signature().outputs().get(0);
      Random rnd = new Random(11);
      float[] x = new float[224 * 224 * 3];
      for (int i = 0; i < x.length; i++) {
        // Pixels for the uint8 model, (pixel - 127.5) / 127.5 for the float one.
        x[i] = name.contains("quant") ? rnd.nextInt(256) : 2 * rnd.nextFloat() - 1;
      }
      try (BoundCall call = predictor.bind(Map.of(in.name(), Shape.of(1, 224, 224, 3)))) {
        float[] y = new float[1001];
        call.input(in.name(), x).output(out.name(), y);
        call.run();
        Tensor expected =
            predictor
                .predict(Map.of(in.name(), Tensor.ofFloats(x, 1, 224, 224, 3)))
                .get(out.name());
        assertEquals(Shape.of(1, 1001), expected.shape());
        assertArrayEquals(expected.toFloatArray(), y);
      }
    }
  }
}
