package io.edgeinfer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.codec.DecodedInput;
import io.edgeinfer.core.codec.Format;
import io.edgeinfer.core.codec.InputDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixedBatchTest {
  private static final Signature BATCH_OF_ONE =
      new Signature(
          "s",
          List.of(new TensorSpec("x", DataType.FLOAT32, Shape.of(1, 2))),
          List.of(new TensorSpec("y", DataType.FLOAT32, Shape.of(1))));

  /** Sums each row, recording the shapes it was called with. */
  private static Map<String, Tensor> sumRows(Map<String, Tensor> inputs, List<Shape> calls) {
    Tensor x = inputs.get("x");
    calls.add(x.shape());
    float[] values = x.toFloatArray();
    int rows = x.shape().dim(0);
    float[] sums = new float[rows];
    for (int r = 0; r < rows; r++) {
      sums[r] = values[2 * r] + values[2 * r + 1];
    }
    return Map.of("y", Tensor.ofFloats(sums, rows));
  }

  @Test
  void splitsABatchIntoTheDeclaredSizeAndJoinsTheOutputs() throws ModelException {
    List<Shape> calls = new ArrayList<>();
    Map<String, Tensor> out =
        FixedBatch.predict(
            BATCH_OF_ONE,
            Map.of("x", Tensor.ofFloats(new float[][] {{1, 2}, {3, 4}, {5, 6}})),
            inputs -> sumRows(inputs, calls));
    assertEquals(List.of(Shape.of(1, 2), Shape.of(1, 2), Shape.of(1, 2)), calls);
    assertArrayEquals(new float[] {3, 7, 11}, out.get("y").toFloatArray());
  }

  @Test
  void leavesMatchingAndUnsplittableBatchesAlone() throws ModelException {
    List<Shape> calls = new ArrayList<>();
    FixedBatch.predict(
        BATCH_OF_ONE,
        Map.of("x", Tensor.ofFloats(new float[][] {{1, 2}})),
        inputs -> sumRows(inputs, calls));
    Signature batchOfTwo =
        new Signature(
            "s", List.of(new TensorSpec("x", DataType.FLOAT32, Shape.of(2, 2))), List.of());
    FixedBatch.predict(
        batchOfTwo,
        Map.of("x", Tensor.ofFloats(new float[][] {{1, 2}, {3, 4}, {5, 6}})),
        inputs -> sumRows(inputs, calls));
    assertEquals(List.of(Shape.of(1, 2), Shape.of(3, 2)), calls);
  }

  @Test
  void outputsWithoutABatchDimensionCannotBeJoined() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                FixedBatch.predict(
                    BATCH_OF_ONE,
                    Map.of("x", Tensor.ofFloats(new float[][] {{1, 2}, {3, 4}})),
                    inputs -> Map.of("y", Tensor.ofFloats(new float[] {1}).reshape(Shape.of()))));
    assertEquals(
        "expected a batch of 1 (the model's fixed batch size), found 2: output 'y' has shape []"
            + " and cannot be joined",
        e.getMessage());
  }

  @Test
  void csvRowsForAFixedBatchInputDropTheirTrailingOne() {
    Signature scalarBatchOfOne =
        new Signature("s", List.of(new TensorSpec("x", DataType.FLOAT32, Shape.of(1))), List.of());
    DecodedInput decoded =
        InputDecoder.decode(
            Format.CSV, "1\n2\n5\n".getBytes(StandardCharsets.UTF_8), scalarBatchOfOne);
    assertEquals(Shape.of(3), decoded.inputs().get("x").shape());
  }
}
