package io.edgeinfer.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.tensorflow.testing.ForeignSavedModels;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SavedModels TF Serving loads that TF Java's own loader refuses or half-reads. */
class ForeignSavedModelsTest {
  @TempDir Path dir;

  @Test
  void aSignatureWithTheWrongDtypeIsReportedAndTheOthersServe() throws Exception {
    Path path = ForeignSavedModels.mismatchedSignature(dir.resolve("half_plus_three_like"));
    try (Model model = new TensorFlowEngine().load(path, LoadOptions.DEFAULTS)) {
      assertEquals(
          java.util.List.of("serving_default"),
          model.signatures().stream().map(Signature::name).toList());
      String why = model.metadata().get("skipped_signature.broken");
      assertEquals("input 'text' declares DT_FLOAT, the graph's tensor text:0 is DT_STRING", why);
      try (Predictor predictor = model.predictor("serving_default")) {
        Map<String, Tensor> out =
            predictor.predict(
                Map.of(
                    "text",
                    Tensor.ofStrings(java.util.List.of("abc".getBytes(), "hello".getBytes()), 2),
                    "count",
                    Tensor.ofLongs(new long[] {1, 41}, 2)));
        assertArrayEquals(new float[] {3, 5}, out.get("length").toFloatArray());
        assertArrayEquals(new float[] {2, 42}, out.get("next").toFloatArray());
      }
    }
  }

  @Test
  void referenceTypedOutputsAreListedAndPredict() throws Exception {
    Path path = ForeignSavedModels.referenceTypedOutput(dir.resolve("tf1_ref"));
    try (Model model = new TensorFlowEngine().load(path, LoadOptions.DEFAULTS)) {
      Signature weights =
          model.signatures().stream()
              .filter(s -> s.name().equals("weights"))
              .findFirst()
              .orElseThrow();
      assertEquals(io.edgeinfer.core.DataType.FLOAT32, weights.outputs().get(0).dataType());
      try (Predictor predictor = model.predictor("weights")) {
        Map<String, Tensor> out =
            predictor.predict(Map.of("x", Tensor.ofFloats(new float[] {1, 0, 0}, 1, 3)));
        float[] w = out.get("w").toFloatArray();
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, w);
        // y = x·W + B for x = [1, 0, 0]: W's first row plus B.
        assertArrayEquals(new float[] {1.5f, 1f}, out.get("y").toFloatArray());
      }
    }
  }
}
