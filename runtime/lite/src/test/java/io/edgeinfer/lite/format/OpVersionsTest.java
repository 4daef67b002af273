package io.edgeinfer.lite.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The versions TFLite's converter gives the operators edgeinfer writes, case by case. */
class OpVersionsTest {
  private static final OperatorOptions FC = new OperatorOptions.FullyConnected(Activation.NONE);
  private static final OperatorOptions CONV =
      new OperatorOptions.Conv2D(Padding.SAME, 1, 1, 1, 1, Activation.NONE);
  private static final OperatorOptions DEPTHWISE =
      new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 1, 1, 1, Activation.NONE);

  private static LiteTensor t(DataType type) {
    QuantParams q = type == DataType.INT8 ? QuantParams.perTensor(0.5f, 0) : QuantParams.NONE;
    return new LiteTensor("t", type, Shape.of(2), Shape.of(2), 0, q, false);
  }

  private static LiteTensor perChannel() {
    return new LiteTensor(
        "w",
        DataType.INT8,
        Shape.of(2, 2),
        Shape.of(2, 2),
        0,
        QuantParams.perAxis(new float[] {0.1f, 0.2f}, new long[2], 0),
        false);
  }

  private static int version(
      BuiltinOperator op, OperatorOptions options, List<LiteTensor> in, LiteTensor out) {
    return OpVersions.of(op, options, in, List.of(out));
  }

  private static List<LiteTensor> list(LiteTensor... tensors) {
    return Arrays.asList(tensors);
  }

  @Test
  void fullyConnected() {
    LiteTensor f = t(DataType.FLOAT32);
    LiteTensor q = t(DataType.INT8);
    LiteTensor bias = t(DataType.INT32);
    assertEquals(1, version(BuiltinOperator.FULLY_CONNECTED, FC, list(f, f, f), f));
    assertEquals(4, version(BuiltinOperator.FULLY_CONNECTED, FC, list(q, q, bias), q));
    assertEquals(3, version(BuiltinOperator.FULLY_CONNECTED, FC, list(f, q, f), f));
    assertEquals(12, version(BuiltinOperator.FULLY_CONNECTED, FC, list(f, perChannel(), f), f));
    // An omitted bias is still an input; two inputs mean version 6.
    assertEquals(4, version(BuiltinOperator.FULLY_CONNECTED, FC, list(q, q, null), q));
    assertEquals(6, version(BuiltinOperator.FULLY_CONNECTED, FC, list(q, q), q));
  }

  @Test
  void convolutions() {
    LiteTensor f = t(DataType.FLOAT32);
    LiteTensor q = t(DataType.INT8);
    LiteTensor bias = t(DataType.INT32);
    assertEquals(1, version(BuiltinOperator.CONV_2D, CONV, list(f, f, f), f));
    assertEquals(3, version(BuiltinOperator.CONV_2D, CONV, list(q, perChannel(), bias), q));
    assertEquals(2, version(BuiltinOperator.CONV_2D, CONV, list(f, q, f), f));
    assertEquals(5, version(BuiltinOperator.CONV_2D, CONV, list(f, perChannel(), f), f));
    assertEquals(1, version(BuiltinOperator.DEPTHWISE_CONV_2D, DEPTHWISE, list(f, f, f), f));
    assertEquals(
        3, version(BuiltinOperator.DEPTHWISE_CONV_2D, DEPTHWISE, list(q, perChannel(), bias), q));
    assertEquals(4, version(BuiltinOperator.DEPTHWISE_CONV_2D, DEPTHWISE, list(f, q, f), f));
    assertEquals(
        6, version(BuiltinOperator.DEPTHWISE_CONV_2D, DEPTHWISE, list(f, perChannel(), f), f));
  }

  @Test
  void elementWiseAndTheEdges() {
    LiteTensor f = t(DataType.FLOAT32);
    LiteTensor q = t(DataType.INT8);
    LiteTensor half = t(DataType.FLOAT16);
    OperatorOptions none = new OperatorOptions.None();
    assertEquals(2, version(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(1), list(q), q));
    assertEquals(1, version(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(1), list(f), f));
    assertEquals(
        2, version(BuiltinOperator.ADD, new OperatorOptions.Add(Activation.NONE), list(q, q), q));
    assertEquals(1, version(BuiltinOperator.QUANTIZE, new OperatorOptions.Quantize(), list(f), q));
    assertEquals(
        2, version(BuiltinOperator.DEQUANTIZE, new OperatorOptions.Dequantize(), list(q), f));
    assertEquals(
        3, version(BuiltinOperator.DEQUANTIZE, new OperatorOptions.Dequantize(), list(half), f));
    assertEquals(2, version(BuiltinOperator.LOGISTIC, none, list(q), q));
    // Reductions: int8 is version 2 (GlobalMaxPooling's REDUCE_MAX).
    OperatorOptions reducer = new OperatorOptions.Reducer(false);
    LiteTensor axes = t(DataType.INT32);
    assertEquals(2, version(BuiltinOperator.REDUCE_MAX, reducer, list(q, axes), q));
    assertEquals(2, version(BuiltinOperator.REDUCE_MIN, reducer, list(q, axes), q));
    assertEquals(2, version(BuiltinOperator.SUM, reducer, list(q, axes), q));
    assertEquals(1, version(BuiltinOperator.REDUCE_MAX, reducer, list(f, axes), f));
    // int8 MUL rescaling by 1 or more: 0.5 x 0.5 / 0.5 = 0.5 is version 2; by 4 it is 3.
    OperatorOptions mul = new OperatorOptions.Mul(Activation.NONE);
    assertEquals(2, version(BuiltinOperator.MUL, mul, list(q, q), q));
    LiteTensor small =
        new LiteTensor(
            "o",
            DataType.INT8,
            Shape.of(2),
            Shape.of(2),
            0,
            QuantParams.perTensor(0.0625f, 0),
            false);
    assertEquals(3, version(BuiltinOperator.MUL, mul, list(q, q), small));
  }

  @Test
  void applyGivesEachUseItsOwnCode() {
    LiteModelBuilder builder = new LiteModelBuilder();
    LiteModelBuilder.Graph g = builder.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, -1, 2);
    int w = g.constant("w", DataType.FLOAT32, Shape.of(2, 2), LiteBuffer.ofFloats(1, 2, 3, 4));
    int y = g.tensor("y", DataType.FLOAT32, -1, 2);
    g.operator(BuiltinOperator.FULLY_CONNECTED, FC, new int[] {x, w, -1}, y);
    int q = g.tensor("q", DataType.INT8, QuantParams.perTensor(0.1f, 0), -1, 2);
    g.operator(BuiltinOperator.QUANTIZE, new OperatorOptions.Quantize(), new int[] {y}, q);
    int wq =
        g.constant(
            "wq",
            DataType.INT8,
            Shape.of(2, 2),
            LiteBuffer.of(new byte[] {1, 2, 3, 4}),
            QuantParams.perTensor(0.1f, 0));
    int z = g.tensor("z", DataType.INT8, QuantParams.perTensor(0.2f, 0), -1, 2);
    g.operator(BuiltinOperator.FULLY_CONNECTED, FC, new int[] {q, wq, -1}, z);
    g.inputs(x).outputs(z);
    LiteModel model = OpVersions.apply(builder.build());
    assertEquals(
        List.of(
            LiteOpCode.of(BuiltinOperator.FULLY_CONNECTED, 1),
            LiteOpCode.of(BuiltinOperator.QUANTIZE, 1),
            LiteOpCode.of(BuiltinOperator.FULLY_CONNECTED, 4)),
        model.operatorCodes());
    assertEquals(2, model.mainSubgraph().operators().get(2).opcodeIndex());
    // int8 FULLY_CONNECTED (version 4) came with TensorFlow Lite 1.14.0.
    java.nio.ByteBuffer entry = model.metadata(MinRuntimeVersion.NAME).orElseThrow();
    byte[] text = new byte[entry.remaining()];
    entry.get(text);
    assertEquals(
        "1.14.0", new String(text, java.nio.charset.StandardCharsets.US_ASCII).replace("\0", ""));
    assertEquals(16, text.length);
  }

  @Test
  void theOperatorsKerasShapedGraphsAddHaveARuntimeVersion() {
    assertEquals(
        java.util.Optional.of("1.14.0"),
        MinRuntimeVersion.of(
            List.of(
                LiteOpCode.of(BuiltinOperator.REDUCE_MAX, 2),
                LiteOpCode.of(BuiltinOperator.MAXIMUM, 2),
                LiteOpCode.of(BuiltinOperator.MINIMUM, 2),
                LiteOpCode.of(BuiltinOperator.RESIZE_BILINEAR, 2),
                LiteOpCode.of(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, 2))));
    assertEquals(
        java.util.Optional.of("1.15.0"),
        MinRuntimeVersion.of(List.of(LiteOpCode.of(BuiltinOperator.SUM, 2))));
    assertEquals(
        java.util.Optional.of("1.11.0"),
        MinRuntimeVersion.of(List.of(LiteOpCode.of(BuiltinOperator.REDUCE_MIN, 1))));
  }
}
