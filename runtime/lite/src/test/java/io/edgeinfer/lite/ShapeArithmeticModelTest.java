package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.UnsupportedModelException;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole models of the new ops through the engine, worked by hand: a Keras-style dilated block whose
 * paddings come from SHAPE arithmetic (folded at load), SELECT (v1, outside TFLM), a hybrid
 * EMBEDDING_LOOKUP, and refusals at load.
 */
class ShapeArithmeticModelTest {
  @TempDir Path dir;

  private float[] run(LiteModelBuilder b, LiteModelBuilder.Graph g, int x, int y, Tensor in)
      throws Exception {
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of("x", x), Map.of("y", y));
    Path file = dir.resolve("m.tflite");
    TfliteWriter.write(b.build(), file);
    try (Model model = Engines.load(file, LoadOptions.DEFAULTS);
        Predictor p = model.predictor()) {
      return p.predict(Map.of("x", in)).get("y").toFloatArray();
    }
  }

  @Test
  void dilatedBlockFoldsAStridedSliceOfTheShape() throws Exception {
    // as below, with STRIDED_SLICE (begin 1, end 3) cutting [h, w] out of the SHAPE, as Keras does
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 1, 3, 5, 2);
    int shape = g.tensor("shape", DataType.INT32, 4);
    int hw = g.tensor("hw", DataType.INT32, 2);
    int rem = g.tensor("rem", DataType.INT32, 2);
    int pads = g.tensor("pads", DataType.INT32, 2, 2);
    int batched = g.tensor("batched", DataType.FLOAT32, 4, 2, 3, 2);
    int y = g.tensor("y", DataType.FLOAT32, 1, 3, 5, 2);
    int begin = g.constant("begin", DataType.INT32, Shape.of(1), LiteBuffer.ofInts(1));
    int end = g.constant("end", DataType.INT32, Shape.of(1), LiteBuffer.ofInts(3));
    int one = g.constant("one", DataType.INT32, Shape.of(1), LiteBuffer.ofInts(1));
    int two = g.constant("two", DataType.INT32, Shape.of(1), LiteBuffer.ofInts(2));
    int zeros = g.constant("zeros", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(0, 0));
    int block = g.constant("block", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(2, 2));
    g.operator(BuiltinOperator.SHAPE, new OperatorOptions.None(), new int[] {x}, shape);
    g.operator(
        BuiltinOperator.STRIDED_SLICE,
        new OperatorOptions.StridedSlice(0, 0, 0, 0, 0, false),
        new int[] {shape, begin, end, one},
        hw);
    g.operator(BuiltinOperator.FLOOR_MOD, new OperatorOptions.None(), new int[] {hw, two}, rem);
    g.operator(BuiltinOperator.PACK, new OperatorOptions.Pack(2, 1), new int[] {zeros, rem}, pads);
    g.operator(
        BuiltinOperator.SPACE_TO_BATCH_ND,
        new OperatorOptions.None(),
        new int[] {x, block, pads},
        batched);
    g.operator(
        BuiltinOperator.BATCH_TO_SPACE_ND,
        new OperatorOptions.None(),
        new int[] {batched, block, pads},
        y);
    float[] values = new float[30];
    for (int i = 0; i < 30; i++) {
      values[i] = i - 7.5f;
    }
    assertArrayEquals(values, run(b, g, x, y, Tensor.ofFloats(values, 1, 3, 5, 2)));
  }

  @Test
  void dilatedBlockPadsByShapeArithmeticAndCropsBack() throws Exception {
    // x [1,5,5,1] -> SHAPE -> SLICE [h, w] = [5, 5] -> FLOOR_MOD 2 = [1, 1] -> PACK with [0, 0]
    // on axis 1 = paddings [[0, 1], [0, 1]] -> SPACE_TO_BATCH_ND (block 2x2) [4,3,3,1]
    // -> BATCH_TO_SPACE_ND with the same crops -> x again.
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 1, 5, 5, 1);
    int shape = g.tensor("shape", DataType.INT32, 4);
    int hw = g.tensor("hw", DataType.INT32, 2);
    int rem = g.tensor("rem", DataType.INT32, 2);
    int pads = g.tensor("pads", DataType.INT32, 2, 2);
    int batched = g.tensor("batched", DataType.FLOAT32, 4, 3, 3, 1);
    int y = g.tensor("y", DataType.FLOAT32, 1, 5, 5, 1);
    int begin = g.constant("begin", DataType.INT32, Shape.of(1), LiteBuffer.ofInts(1));
    int size = g.constant("size", DataType.INT32, Shape.of(1), LiteBuffer.ofInts(2));
    int two = g.constant("two", DataType.INT32, Shape.of(1), LiteBuffer.ofInts(2));
    int zeros = g.constant("zeros", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(0, 0));
    int block = g.constant("block", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(2, 2));
    g.operator(BuiltinOperator.SHAPE, new OperatorOptions.None(), new int[] {x}, shape);
    g.operator(
        BuiltinOperator.SLICE, new OperatorOptions.None(), new int[] {shape, begin, size}, hw);
    g.operator(BuiltinOperator.FLOOR_MOD, new OperatorOptions.None(), new int[] {hw, two}, rem);
    g.operator(BuiltinOperator.PACK, new OperatorOptions.Pack(2, 1), new int[] {zeros, rem}, pads);
    g.operator(
        BuiltinOperator.SPACE_TO_BATCH_ND,
        new OperatorOptions.None(),
        new int[] {x, block, pads},
        batched);
    g.operator(
        BuiltinOperator.BATCH_TO_SPACE_ND,
        new OperatorOptions.None(),
        new int[] {batched, block, pads},
        y);
    float[] values = new float[25];
    for (int i = 0; i < 25; i++) {
      values[i] = i + 1;
    }
    assertArrayEquals(values, run(b, g, x, y, Tensor.ofFloats(values, 1, 5, 5, 1)));
  }

  @Test
  void selectV1PicksWholeRowsByA1DCondition() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 2, 2);
    int c = g.constant("c", DataType.BOOL, Shape.of(2), LiteBuffer.of((byte) 1, (byte) 0));
    int other = g.constant("o", DataType.FLOAT32, Shape.of(2, 2), LiteBuffer.ofFloats(5, 6, 7, 8));
    int y = g.tensor("y", DataType.FLOAT32, 2, 2);
    g.operator(BuiltinOperator.SELECT, new OperatorOptions.None(), new int[] {c, x, other}, y);
    float[] out = run(b, g, x, y, Tensor.ofFloats(new float[] {1, 2, 3, 4}, 2, 2));
    assertArrayEquals(new float[] {1, 2, 7, 8}, out);
  }

  @Test
  void hybridEmbeddingLookupDequantizesRows() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int ids = g.tensor("x", DataType.INT32, 2);
    int table =
        g.constant(
            "table",
            DataType.INT8,
            Shape.of(3, 2),
            LiteBuffer.of((byte) 1, (byte) 2, (byte) -3, (byte) 4, (byte) 5, (byte) -6),
            QuantParams.perTensor(0.5f, 0));
    int y = g.tensor("y", DataType.FLOAT32, 2, 2);
    g.operator(
        BuiltinOperator.EMBEDDING_LOOKUP, new OperatorOptions.None(), new int[] {ids, table}, y);
    float[] out = run(b, g, ids, y, Tensor.ofInts(new int[] {2, 0}, 2));
    // rows 2 and 0, times 0.5
    assertArrayEquals(new float[] {2.5f, -3, 0.5f, 1}, out);
  }

  @Test
  void resizeByAComputedSizeIsRefusedAtLoad() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 1, 2, 2, 1);
    int size = g.tensor("size", DataType.INT32, 2);
    int y = g.tensor("y", DataType.FLOAT32, 1, 4, 4, 1);
    g.operator(
        BuiltinOperator.RESIZE_BILINEAR,
        new OperatorOptions.ResizeBilinear(false, false),
        new int[] {x, size},
        y);
    g.inputs(x, size).outputs(y);
    b.signature("serving_default", g, Map.of("x", x, "size", size), Map.of("y", y));
    Path file = dir.resolve("r.tflite");
    TfliteWriter.write(b.build(), file);
    UnsupportedModelException e =
        assertThrows(
            UnsupportedModelException.class, () -> Engines.load(file, LoadOptions.DEFAULTS));
    assertTrue(e.getMessage().contains("RESIZE_BILINEAR (non-constant size)"), e.getMessage());
    assertEquals(1, e.getMessage().split("RESIZE_BILINEAR", -1).length - 1, e.getMessage());
  }
}
