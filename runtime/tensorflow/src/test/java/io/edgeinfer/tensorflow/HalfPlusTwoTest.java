package io.edgeinfer.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.TfExampleEncoder;
import io.edgeinfer.core.codec.TfExampleEncoder.Feature;
import io.edgeinfer.tensorflow.testing.SharedModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SavedModels made by Python TensorFlow 1.14 and 2.14, from the team's shared folder. */
class HalfPlusTwoTest {
  @ParameterizedTest
  @ValueSource(strings = {"half_plus_two_tf1", "half_plus_two_tf2"})
  void servingDefaultHalvesAndAddsTwo(String name) throws Exception {
    try (Model model =
            Engines.load(SharedModels.require("savedmodel/" + name), LoadOptions.DEFAULTS);
        Predictor predictor = model.predictor()) {
      Signature signature = predictor.signature();
      String input = signature.inputNames().get(0);
      String output = signature.outputNames().get(0);
      // TF1 declares x as [-1, 1]; TF2 as [1], so the batch of 3 goes through one at a time.
      int[] shape =
          signature.inputs().get(0).shape().rank() == 2 ? new int[] {3, 1} : new int[] {3};
      Map<String, Tensor> out =
          predictor.predict(Map.of(input, Tensor.ofFloats(new float[] {1, 2, 5}, shape)));
      assertArrayEquals(new float[] {2.5f, 3.0f, 4.5f}, out.get(output).toFloatArray());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"half_plus_two_tf1", "half_plus_two_tf2"})
  void regressXToY2AddsThree(String name) throws Exception {
    try (Model model =
            Engines.load(SharedModels.require("savedmodel/" + name), LoadOptions.DEFAULTS);
        Predictor predictor = model.predictor("regress_x_to_y2")) {
      Signature signature = predictor.signature();
      assertEquals(DataType.STRING, signature.inputs().get(0).dataType());
      List<byte[]> examples = new ArrayList<>();
      for (float x : new float[] {1, 2, 5}) {
        examples.add(TfExampleEncoder.encode(Map.of("x", new Feature.Floats(new float[] {x}))));
      }
      Map<String, Tensor> out =
          predictor.predict(Map.of(signature.inputNames().get(0), Tensor.ofStrings(examples, 3)));
      assertArrayEquals(
          new float[] {3.5f, 4.0f, 5.5f}, out.get(signature.outputNames().get(0)).toFloatArray());
    }
  }
}
