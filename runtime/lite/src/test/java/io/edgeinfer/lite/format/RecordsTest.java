package io.edgeinfer.lite.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordsTest {

  @Test
  void builtinOperatorsAreNumberedAsInTheFormat() {
    for (BuiltinOperator op : BuiltinOperator.values()) {
      assertEquals(op.ordinal(), op.code(), op.name());
      assertEquals(Optional.of(op), BuiltinOperator.of(op.code()));
    }
    assertEquals(9, BuiltinOperator.FULLY_CONNECTED.code());
    assertEquals(40, BuiltinOperator.MEAN.code());
    assertEquals(98, BuiltinOperator.LEAKY_RELU.code());
    assertEquals(114, BuiltinOperator.QUANTIZE.code());
    assertEquals(150, BuiltinOperator.GELU.code());
    assertEquals(Optional.empty(), BuiltinOperator.of(250));
    assertEquals(Optional.empty(), BuiltinOperator.of(-1));
  }

  @Test
  void opCodesNameThemselvesForMessages() {
    assertEquals("FULLY_CONNECTED", LiteOpCode.of(BuiltinOperator.FULLY_CONNECTED).displayName());
    assertEquals("CONV_2D v3", LiteOpCode.of(BuiltinOperator.CONV_2D, 3).displayName());
    assertEquals(
        "CUSTOM 'TFLite_Detection_PostProcess'",
        LiteOpCode.custom("TFLite_Detection_PostProcess").displayName());
    assertEquals("builtin operator 250", new LiteOpCode(250, "", 1).displayName());
  }

  @Test
  void aRankOneTensorIsQuantizedAlongItsOnlyAxisWhateverTheFileSays() {
    // TFLite Micro's person-detection model: a conv bias with 8 scales and quantized_dimension 3.
    LiteTensor bias =
        new LiteTensor("b", DataType.INT32, Shape.of(8), 1)
            .withQuantization(QuantParams.perAxis(new float[8], new long[8], 3));
    assertEquals(0, bias.quantization().quantizedDimension());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LiteTensor("w", DataType.INT8, Shape.of(8, 2), 1)
                    .withQuantization(QuantParams.perAxis(new float[8], new long[8], 3)));
    assertEquals(
        "expected a quantized dimension below the rank 2 of [8, 2], found 3", e.getMessage());
  }

  @Test
  void tensorsCheckTheirShapesAndQuantization() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LiteTensor("t", DataType.FLOAT32, Shape.of(-1, 2), 0));
    assertEquals(
        "expected a shape with every dimension known (>= 0), found [-1, 2]", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new LiteTensor("w", DataType.INT8, Shape.of(4, 3), 1)
                    .withQuantization(
                        QuantParams.perAxis(new float[] {1, 2, 3}, new long[] {0, 0, 0}, 0)));
    assertEquals("expected 4 scales (dimension 0 of [4, 3]), found 3", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new LiteTensor("s", DataType.STRING, Shape.of(1), 0));
    assertEquals(
        "expected a numeric or bool tensor type, found string (not supported)", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new QuantParams(List.of(), List.of(), List.of(1f, 2f), List.of(0L), 0));
    assertEquals(
        "expected as many zero points as scales, found 1 zero points and 2 scales", e.getMessage());
  }

  @Test
  void theModelChecksReferencesBetweenItsParts() {
    LiteModelBuilder model = new LiteModelBuilder();
    LiteModelBuilder.Graph g = model.graph("g");
    int w = g.constant("w", DataType.FLOAT32, Shape.of(2, 2), LiteBuffer.ofFloats(1, 2, 3));
    g.inputs(w).outputs(w);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, model::build);
    assertEquals(
        "subgraphs[0].tensors[0] 'w' float32 [2, 2]: expected 16 bytes of data for float32 [2, 2],"
            + " found 12 in buffer 1",
        e.getMessage());

    LiteModelBuilder other = new LiteModelBuilder();
    LiteModelBuilder.Graph h = other.graph("h");
    int x = h.tensor("x", DataType.FLOAT32, 1);
    h.operator(BuiltinOperator.RELU, new OperatorOptions.None(), new int[] {x}, 7);
    e = assertThrows(IllegalArgumentException.class, other::build);
    assertEquals(
        "operators[0].outputs[0]: expected a tensor index in [0, 1) or -1, found 7",
        e.getMessage());

    assertThrows(
        IllegalArgumentException.class,
        () -> new OperatorOptions.Pool2D(Padding.SAME, 1, 1, 0, 1, Activation.NONE));
    assertThrows(IllegalArgumentException.class, () -> new OperatorOptions.Reshape(List.of(2, -2)));
    e = assertThrows(IllegalArgumentException.class, () -> new LiteModelBuilder().build());
    assertEquals("expected at least one subgraph, found none", e.getMessage());
  }

  @Test
  void builderSharesEqualOperatorCodesAndStartsWithTheEmptyBuffer() {
    LiteModelBuilder model = new LiteModelBuilder();
    LiteModelBuilder.Graph g = model.graph("g");
    int a = g.tensor("a", DataType.FLOAT32, -1, 2);
    int b = g.tensor("b", DataType.FLOAT32, -1, 2);
    int c = g.tensor("c", DataType.FLOAT32, -1, 2);
    g.operator(BuiltinOperator.RELU, new OperatorOptions.None(), new int[] {a}, b);
    g.operator(BuiltinOperator.RELU, new OperatorOptions.None(), new int[] {b}, c);
    LiteModel built = g.inputs(a).outputs(c) == g ? model.build() : null;
    assertEquals(List.of(LiteOpCode.of(BuiltinOperator.RELU)), built.operatorCodes());
    assertEquals(List.of(LiteBuffer.EMPTY), built.buffers());
    assertEquals(Shape.of(1, 2), built.mainSubgraph().tensor(a).shape());
    assertEquals(Shape.of(-1, 2), built.mainSubgraph().tensor(a).shapeSignature());
    assertTrue(built.signatures().isEmpty());
  }
}
