package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Google's movie review classifier (int32 token ids, GATHER of an embedding, MEAN, two
 * FULLY_CONNECTED, SOFTMAX): the oracle's scores on seeded token ids, and a clear refusal of a
 * token id outside the vocabulary.
 */
class TextClassifierZooTest {
  private static final String MODEL = "movie_review.tflite";

  @Test
  void movieReviewMatchesTheOracle() throws Exception {
    TflmOracle oracle = TflmOracle.require();
    assertEquals(4 * 2 * 4, OracleRuns.compare(oracle, Zoo.file(MODEL), 4, 2024));
  }

  @Test
  void aTokenOutsideTheVocabularyIsRefusedByName() throws Exception {
    try (Model model = Engines.load(Zoo.file(MODEL), LoadOptions.DEFAULTS);
        Predictor p = model.predictor()) {
      ByteBuffer ids = ByteBuffer.allocate(256 * 4).order(ByteOrder.LITTLE_ENDIAN);
      ids.putInt(0, 1).putInt(4, 5_000_000);
      String in = p.signature().inputs().get(0).name();
      Tensor tokens = Tensor.of(DataType.INT32, Shape.of(1, 256), ids);
      ModelException e = assertThrows(ModelException.class, () -> p.predict(Map.of(in, tokens)));
      assertTrue(
          e.getMessage().contains("GATHER") && e.getMessage().contains("found 5000000"),
          e.getMessage());
    }
  }
}
