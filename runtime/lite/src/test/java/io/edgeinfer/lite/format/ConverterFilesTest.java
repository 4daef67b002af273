package io.edgeinfer.lite.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conformance with files made by Google's converter (TF 2.11, "MLIR Converted."), from the team's
 * shared models; skipped when they are absent.
 */
class ConverterFilesTest {

  @Test
  void helloWorldFloatIsThreeFullyConnectedLayers() throws Exception {
    LiteModel model = TfliteFile.open(TestModels.shared("hello_world_float.tflite"));
    LiteSubgraph g = model.mainSubgraph();
    assertEquals(3, g.operators().size());
    for (LiteOperator op : g.operators()) {
      assertTrue(model.opCode(op).is(BuiltinOperator.FULLY_CONNECTED));
      assertTrue(op.options() instanceof OperatorOptions.FullyConnected);
    }
    List<Activation> activations =
        g.operators().stream()
            .map(op -> ((OperatorOptions.FullyConnected) op.options()).activation())
            .toList();
    assertEquals(List.of(Activation.RELU, Activation.RELU, Activation.NONE), activations);

    LiteTensor input = g.tensor(g.inputs().get(0));
    assertEquals(DataType.FLOAT32, input.type());
    assertEquals(Shape.of(1, 1), input.shape());
    assertEquals(Shape.of(-1, 1), input.shapeSignature());
    LiteTensor output = g.tensor(g.outputs().get(0));
    assertEquals(DataType.FLOAT32, output.type());
    assertEquals(Shape.of(1, 1), output.shape());

    // Dense(16) -> Dense(16) -> Dense(1): weights [out, in] and biases, all constants.
    LiteOperator first = g.operators().get(0);
    assertEquals(Shape.of(16, 1), g.tensor(first.input(1)).shape());
    assertEquals(Shape.of(16), g.tensor(first.input(2)).shape());
    assertEquals(64, model.data(g.tensor(first.input(1))).remaining());
    LiteSignature serving = model.signature("serving_default").orElseThrow();
    assertEquals("dense_input", serving.inputs().get(0).name());
    assertEquals("dense_2", serving.outputs().get(0).name());
    assertEquals("1.5.0", metadataText(model, "min_runtime_version"));
  }

  @Test
  void helloWorldInt8HasQuantizedInputAndOutput() throws Exception {
    LiteModel model = TfliteFile.open(TestModels.shared("hello_world_int8.tflite"));
    LiteSubgraph g = model.mainSubgraph();
    assertEquals(3, g.operators().size());
    LiteTensor input = g.tensor(g.inputs().get(0));
    assertEquals(DataType.INT8, input.type());
    assertEquals(Shape.of(1, 1), input.shape());
    QuantParams q = input.quantization();
    assertTrue(q.isQuantized());
    assertEquals(1, q.scale().size());
    assertEquals(0.024480116f, q.scale(0));
    assertEquals(-128, q.zeroPoint(0));
    LiteTensor output = g.tensor(g.outputs().get(0));
    assertEquals(DataType.INT8, output.type());
    assertEquals(0.008290957f, output.quantization().scale(0));
    assertEquals(5, output.quantization().zeroPoint(0));

    // The README's int8 inputs for x = 0.77, 1.57, 2.3, 3.14 are what C's cast gives,
    // (int8_t)(x / scale + zero_point), which truncates toward zero. TFLite's own quantize
    // arithmetic rounds to nearest, which gives -97 and -64 for the first two.
    float[] xs = {0.77f, 1.57f, 2.3f, 3.14f};
    int[] truncated = new int[xs.length];
    int[] rounded = new int[xs.length];
    for (int i = 0; i < xs.length; i++) {
      truncated[i] = (int) (xs[i] / q.scale(0) + q.zeroPoint(0));
      rounded[i] = (int) (Math.round(xs[i] / q.scale(0)) + q.zeroPoint(0));
    }
    assertArrayEquals(new int[] {-96, -63, -34, 0}, truncated);
    assertArrayEquals(new int[] {-97, -64, -34, 0}, rounded);

    // Weights int8 per tensor with zero point 0; biases int32 with scale = input x weight scale.
    LiteOperator first = g.operators().get(0);
    LiteTensor weights = g.tensor(first.input(1));
    LiteTensor bias = g.tensor(first.input(2));
    assertEquals(DataType.INT8, weights.type());
    assertEquals(0, weights.quantization().zeroPoint(0));
    assertEquals(DataType.INT32, bias.type());
    assertEquals(q.scale(0) * weights.quantization().scale(0), bias.quantization().scale(0), 1e-9);
    assertEquals(4, model.opCode(first).version());
  }

  @Test
  void simpleAddIsOneAdd() throws Exception {
    LiteModel model = TfliteFile.open(TestModels.shared("simple_add_model.tflite"));
    LiteSubgraph g = model.mainSubgraph();
    assertEquals(1, g.operators().size());
    LiteOperator add = g.operators().get(0);
    assertTrue(model.opCode(add).is(BuiltinOperator.ADD));
    assertEquals(new OperatorOptions.Add(Activation.NONE), add.options());
    assertEquals(2, g.inputs().size());
    for (int index : List.of(add.input(0), add.input(1), add.output(0))) {
      LiteTensor t = g.tensor(index);
      assertEquals(DataType.INT8, t.type());
      assertEquals(Shape.of(1, 128, 128, 1), t.shape());
      assertEquals(Shape.of(-1, 128, 128, 1), t.shapeSignature());
      assertTrue(t.isQuantized());
    }
  }

  @Test
  void theConvertersFilesSurviveOurWriter() throws Exception {
    for (String name :
        new String[] {
          "hello_world_float.tflite", "hello_world_int8.tflite", "simple_add_model.tflite"
        }) {
      LiteModel model = TfliteFile.open(TestModels.shared(name));
      assertEquals(model, TfliteFile.read(TfliteWriter.toBytes(model)), name);
    }
  }

  @Test
  void theConverterFillsBothOperatorCodeFields() throws Exception {
    for (String name :
        new String[] {
          "hello_world_float.tflite", "hello_world_int8.tflite", "simple_add_model.tflite"
        }) {
      ByteBuffer bb = TestModels.le(Files.readAllBytes(TestModels.shared(name)));
      FlatTable code = FlatTable.root(bb).element(Schema.Model.OPERATOR_CODES, 0);
      int deprecated = code.int8(Schema.OperatorCode.DEPRECATED_BUILTIN_CODE, (byte) 0);
      int extended = code.int32(Schema.OperatorCode.BUILTIN_CODE, 0);
      assertEquals(deprecated, extended, name);
    }
  }

  @Test
  void theConvertersDataIsNotAlwaysAlignedAndReadsAnyway() throws Exception {
    // TF 2.11's converter left hello_world_float's weights 4 bytes off a 16-byte boundary, though
    // the schema asks for 16: kernels must not assume aligned data.
    ByteBuffer bb =
        TestModels.le(Files.readAllBytes(TestModels.shared("hello_world_float.tflite")));
    FlatTable buffer = FlatTable.root(bb).element(Schema.Model.BUFFERS, 2);
    assertEquals(4, buffer.vectorStart(Schema.Buffer.DATA) % 16);
    LiteModel model = TfliteFile.read(bb);
    assertEquals(64, model.buffers().get(2).size());
  }

  private static String metadataText(LiteModel model, String name) {
    ByteBuffer data = model.metadata(name).orElseThrow();
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8).replace("\0", "");
  }
}
