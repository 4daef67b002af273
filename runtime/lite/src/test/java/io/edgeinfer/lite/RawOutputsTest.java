package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Int8 outputs dequantized by default, and as their raw integers on request. */
class RawOutputsTest {
  @TempDir Path dir;
  private Path file;

  /**
   * The int8 FULLY_CONNECTED of {@code LiteEngineTest}: x = [1, -0.5] gives the int8 outputs [13,
   * 6] at scale 0.1, zero point -3. A float copy of the input rides along as a second output.
   */
  @BeforeEach
  void writeModel() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.INT8, QuantParams.perTensor(0.5f, -1), -1, 2);
    int w =
        g.constant(
            "w",
            DataType.INT8,
            Shape.of(2, 2),
            LiteBuffer.of((byte) 2, (byte) -4, (byte) 8, (byte) 1),
            QuantParams.perTensor(0.25f, 0));
    int bias =
        g.constant(
            "b",
            DataType.INT32,
            Shape.of(2),
            LiteBuffer.ofInts(5, -8),
            QuantParams.perTensor(0.125f, 0));
    int y = g.tensor("y", DataType.INT8, QuantParams.perTensor(0.1f, -3), -1, 2);
    int echo = g.tensor("echo", DataType.FLOAT32, -1, 2);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {x, w, bias},
        y);
    g.operator(BuiltinOperator.DEQUANTIZE, new OperatorOptions.Dequantize(), new int[] {x}, echo);
    g.inputs(x).outputs(y, echo);
    Map<String, Integer> outputs = new LinkedHashMap<>();
    outputs.put("y", y);
    outputs.put("echo", echo);
    b.signature("serving_default", g, Map.of("x", x), outputs);
    file = dir.resolve("int8.tflite");
    TfliteWriter.write(b.build(), file);
  }

  private static Map<String, Tensor> predict(Model model, float... x) throws Exception {
    try (Predictor p = model.predictor()) {
      return p.predict(Map.of("x", Tensor.ofFloats(x, x.length / 2, 2)));
    }
  }

  @Test
  void dequantizedByDefault() throws Exception {
    try (Model model = Engines.load(file, LoadOptions.DEFAULTS)) {
      assertEquals(DataType.FLOAT32, model.defaultSignature().outputs().get(0).dataType());
      Tensor y = predict(model, 1, -0.5f).get("y");
      assertEquals(DataType.FLOAT32, y.dataType());
      assertArrayEquals(
          new float[] {(float) (0.1 * 16), (float) (0.1 * 9)}, y.toFloatArray(), 1e-6f);
      assertEquals(
          "scale=0.1 zero_point=-3", model.metadata().get("quantization.serving_default.y"));
      assertEquals(
          "scale=0.5 zero_point=-1", model.metadata().get("quantization.serving_default.x"));
    }
  }

  @Test
  void rawIntegersOnRequest() throws Exception {
    try (Model model = Engines.load(file, LoadOptions.DEFAULTS.withRawOutputs(true))) {
      // Inputs are still floats; only int8 outputs change type; float outputs stay float.
      assertEquals(DataType.FLOAT32, model.defaultSignature().inputs().get(0).dataType());
      assertEquals(DataType.INT8, model.defaultSignature().outputs().get(0).dataType());
      assertEquals(DataType.FLOAT32, model.defaultSignature().outputs().get(1).dataType());
      Map<String, Tensor> out = predict(model, 1, -0.5f, 1.5f, 0.5f);
      Tensor y = out.get("y");
      assertEquals(DataType.INT8, y.dataType());
      assertEquals(Shape.of(2, 2), y.shape());
      // Second row: x = [1.5, 0.5] -> q [2, 0], [3, 1] above the zero point; 2*3 - 4*1 + 5 = 7
      // and 8*3 + 1 - 8 = 17; times 1.25: 8.75 and 21.25 -> 9 and 21, plus -3: [6, 18].
      ByteBuffer data = y.data();
      byte[] raw = new byte[4];
      data.get(raw);
      assertArrayEquals(new byte[] {13, 6, 6, 18}, raw);
      assertArrayEquals(new float[] {1, -0.5f, 1.5f, 0.5f}, out.get("echo").toFloatArray());
    }
  }
}
