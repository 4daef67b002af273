package io.edgeinfer.lite.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

  @Test
  void kitchenSinkReadsBackEqual() throws Exception {
    LiteModel model = TestModels.kitchenSink();
    LiteModel read = TfliteFile.read(TfliteWriter.toBytes(model));
    assertEquals(model, read);
  }

  @Test
  void writingWhatWasReadGivesTheSameBytes() throws Exception {
    byte[] first = TestModels.kitchenSinkBytes();
    byte[] second = TfliteWriter.toBytes(TfliteFile.read(first));
    assertArrayEquals(first, second);
  }

  @Test
  void writtenFileStartsWithTheIdentifierAndPassesTheVerifier() throws Exception {
    byte[] bytes = TestModels.kitchenSinkBytes();
    assertEquals("TFL3", new String(bytes, 4, 4, java.nio.charset.StandardCharsets.US_ASCII));
    TfliteVerifier.verify(ByteBuffer.wrap(bytes));
  }

  static Stream<OperatorOptions> options() {
    return Stream.of(
        new OperatorOptions.None(),
        new OperatorOptions.Conv2D(Padding.SAME, 1, 1, 1, 1, Activation.NONE),
        new OperatorOptions.Conv2D(Padding.VALID, 2, 3, 4, 5, Activation.RELU6),
        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 0, 1, 1, Activation.NONE),
        new OperatorOptions.DepthwiseConv2D(Padding.VALID, 3, 2, 4, 2, 3, Activation.RELU),
        new OperatorOptions.Pool2D(Padding.SAME, 1, 1, 1, 1, Activation.NONE),
        new OperatorOptions.Pool2D(Padding.VALID, 2, 3, 4, 5, Activation.TANH),
        new OperatorOptions.FullyConnected(Activation.NONE),
        new OperatorOptions.FullyConnected(
            Activation.RELU_N1_TO_1,
            OperatorOptions.FullyConnected.WeightsFormat.SHUFFLED4X16INT8,
            true,
            true),
        new OperatorOptions.Add(Activation.NONE),
        new OperatorOptions.Add(Activation.RELU),
        new OperatorOptions.Sub(Activation.RELU6),
        new OperatorOptions.Mul(Activation.TANH),
        new OperatorOptions.Concatenation(0, Activation.NONE),
        new OperatorOptions.Concatenation(-2, Activation.SIGN_BIT),
        new OperatorOptions.Reshape(List.of()),
        new OperatorOptions.Reshape(List.of(-1, 28, 28, 1)),
        new OperatorOptions.Softmax(1.0f),
        new OperatorOptions.Softmax(0f),
        new OperatorOptions.LeakyRelu(0.3f),
        new OperatorOptions.Reducer(false),
        new OperatorOptions.Reducer(true),
        new OperatorOptions.Squeeze(List.of()),
        new OperatorOptions.Squeeze(List.of(0, 2, -1)),
        new OperatorOptions.Pad(),
        new OperatorOptions.Quantize(),
        new OperatorOptions.Dequantize(),
        new OperatorOptions.StridedSlice(0, 0, 0, 0, 0, false),
        new OperatorOptions.StridedSlice(5, 2, 8, 16, 1, true),
        new OperatorOptions.TransposeConv(Padding.SAME, 2, 3, Activation.NONE),
        new OperatorOptions.TransposeConv(Padding.VALID, 1, 1, Activation.RELU),
        new OperatorOptions.Svdf(2, Activation.RELU, true),
        new OperatorOptions.SequenceLstm(Activation.TANH, 0f, 0f, false, false, false),
        new OperatorOptions.SequenceLstm(Activation.TANH, 10f, 0.5f, true, true, true));
  }

  @ParameterizedTest
  @MethodSource("options")
  void everyOptionsRecordReadsBackEqual(OperatorOptions options) throws Exception {
    LiteModelBuilder model = new LiteModelBuilder();
    LiteModelBuilder.Graph g = model.graph("g");
    int in = g.tensor("in", DataType.FLOAT32, 1, 4);
    int out = g.tensor("out", DataType.FLOAT32, 1, 4);
    g.operator(BuiltinOperator.ADD, options, new int[] {in}, out).inputs(in).outputs(out);
    LiteModel built = model.build();
    LiteModel read = TfliteFile.read(TfliteWriter.toBytes(built));
    assertEquals(options, read.mainSubgraph().operators().get(0).options());
    assertEquals(built, read);
  }

  @Test
  void quantizationPerTensorAndPerAxisReadsBack() throws Exception {
    LiteModel read = TfliteFile.read(TestModels.kitchenSinkBytes());
    LiteSubgraph g = read.mainSubgraph();
    LiteTensor weights = tensorNamed(g, "fc/w");
    assertTrue(weights.quantization().isPerAxis());
    assertArrayEquals(new float[] {0.5f, 0.25f, 0.125f}, weights.quantization().scales());
    assertArrayEquals(new long[] {0, 0, 0}, weights.quantization().zeroPoints());
    assertEquals(0, weights.quantization().quantizedDimension());
    LiteTensor q = tensorNamed(g, "q");
    assertEquals(
        QuantParams.perTensor(0.05f, -3).withRange(new float[] {-6f}, new float[] {6.5f}),
        q.quantization());
    assertEquals(Shape.of(1), q.shape());
    assertEquals(Shape.of(-1), q.shapeSignature());
    assertEquals(QuantParams.NONE, tensorNamed(g, "x").quantization());
  }

  @Test
  void constantsKeepTheirBytes() throws Exception {
    LiteModel read = TfliteFile.read(TestModels.kitchenSinkBytes());
    LiteSubgraph g = read.mainSubgraph();
    ByteBuffer bias = read.data(tensorNamed(g, "fc/b"));
    assertEquals(12, bias.remaining());
    assertEquals(-2, bias.getInt(4));
    assertEquals(Long.MAX_VALUE, read.data(tensorNamed(g, "i64")).getLong(8));
    assertEquals(1.5f, read.data(tensorNamed(g, "scalar")).getFloat(0));
    assertEquals(Shape.of(), tensorNamed(g, "scalar").shape());
    assertTrue(tensorNamed(g, "state").variable());
    assertEquals(0, read.data(tensorNamed(g, "x")).remaining());
    assertTrue(read.isConstant(tensorNamed(g, "conv/w")));
  }

  @Test
  void signaturesMetadataAndSubgraphsReadBack() throws Exception {
    LiteModel read = TfliteFile.read(TestModels.kitchenSinkBytes());
    assertEquals("edgeinfer test model", read.description());
    assertEquals(LiteModel.SCHEMA_VERSION, read.version());
    assertEquals(2, read.subgraphs().size());
    LiteSignature serving = read.signature("serving_default").orElseThrow();
    assertEquals(0, serving.subgraphIndex());
    assertEquals(List.of("y", "q"), serving.outputs().stream().map(SignatureTensor::name).toList());
    assertEquals(1, read.signature("aux").orElseThrow().subgraphIndex());
    ByteBuffer version = read.metadata("min_runtime_version").orElseThrow();
    byte[] text = new byte[version.remaining()];
    version.get(text);
    assertEquals("1.14.0", new String(text, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void operatorCodesUseBothFieldsAsTheFormatExpects() throws Exception {
    byte[] bytes = TestModels.kitchenSinkBytes();
    LiteModel model = TfliteFile.read(bytes);
    FlatTable root = FlatTable.root(TestModels.le(bytes));
    for (int i = 0; i < model.operatorCodes().size(); i++) {
      LiteOpCode code = model.operatorCodes().get(i);
      FlatTable raw = root.element(Schema.Model.OPERATOR_CODES, i);
      int deprecated = raw.int8(Schema.OperatorCode.DEPRECATED_BUILTIN_CODE, (byte) 0);
      int extended = raw.int32(Schema.OperatorCode.BUILTIN_CODE, 0);
      assertEquals(code.builtinCode(), extended, code.displayName());
      assertEquals(Math.min(code.builtinCode(), 127), deprecated, code.displayName());
    }
    LiteOpCode gelu =
        model.operatorCodes().stream()
            .filter(c -> c.is(BuiltinOperator.GELU))
            .findFirst()
            .orElseThrow();
    assertEquals("GELU v2", gelu.displayName());
    assertTrue(model.operatorCodes().contains(LiteOpCode.custom("EdgeinferTestOp")));
  }

  @Test
  void readerTakesTheLargerOfTheTwoCodeFields() throws Exception {
    // A file from before the 32-bit field: only the byte says FULLY_CONNECTED.
    byte[] bytes = TestModels.kitchenSinkBytes();
    ByteBuffer bb = TestModels.le(bytes);
    LiteModel model = TfliteFile.read(bytes.clone());
    int fc = indexOf(model, BuiltinOperator.FULLY_CONNECTED);
    FlatTable code = FlatTable.root(bb).element(Schema.Model.OPERATOR_CODES, fc);
    int builtinAt = TestModels.fieldPosition(bb, code.position(), Schema.OperatorCode.BUILTIN_CODE);
    bb.putInt(builtinAt, 0);
    assertTrue(TfliteFile.read(bytes).operatorCodes().get(fc).is(BuiltinOperator.FULLY_CONNECTED));
    // And a newer writer that leaves the byte at 0 for a code below 127.
    int deprecatedAt =
        TestModels.fieldPosition(bb, code.position(), Schema.OperatorCode.DEPRECATED_BUILTIN_CODE);
    bb.putInt(builtinAt, BuiltinOperator.FULLY_CONNECTED.code());
    bb.put(deprecatedAt, (byte) 0);
    assertTrue(TfliteFile.read(bytes).operatorCodes().get(fc).is(BuiltinOperator.FULLY_CONNECTED));
  }

  @Test
  void bufferDataStartsOn16ByteBoundaries() throws Exception {
    byte[] bytes = TestModels.kitchenSinkBytes();
    FlatTable root = FlatTable.root(TestModels.le(bytes));
    int withData = 0;
    for (int i = 0; i < root.length(Schema.Model.BUFFERS); i++) {
      FlatTable buffer = root.element(Schema.Model.BUFFERS, i);
      if (buffer.length(Schema.Buffer.DATA) > 0) {
        withData++;
        assertEquals(0, buffer.vectorStart(Schema.Buffer.DATA) % 16, "buffer " + i);
      }
    }
    assertTrue(withData > 10);
  }

  @Test
  void optionsOfAKindNotDecodedCannotBeWritten() {
    LiteModelBuilder model = new LiteModelBuilder();
    LiteModelBuilder.Graph g = model.graph("g");
    int in = g.tensor("in", DataType.FLOAT32, 1);
    g.operator(BuiltinOperator.GATHER, new OperatorOptions.Other(23), new int[] {in}, in);
    LiteModel built = model.build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TfliteWriter.toBytes(built));
    assertTrue(e.getMessage().contains("union member 23"), e.getMessage());
  }

  @Test
  void writeGoesThroughATemporaryFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("model.tflite");
    TfliteWriter.write(TestModels.kitchenSink(), file);
    assertEquals(TestModels.kitchenSink(), TfliteFile.open(file));
    try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  private static int indexOf(LiteModel model, BuiltinOperator op) {
    for (int i = 0; i < model.operatorCodes().size(); i++) {
      if (model.operatorCodes().get(i).is(op)) {
        return i;
      }
    }
    throw new AssertionError(op + " not in the model");
  }

  static LiteTensor tensorNamed(LiteSubgraph g, String name) {
    return g.tensors().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}
