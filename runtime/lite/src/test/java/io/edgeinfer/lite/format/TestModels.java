package io.edgeinfer.lite.format;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Models the tests build with {@link LiteModelBuilder}, and the team's shared .tflite files. */
final class TestModels {
  private TestModels() {}

  /**
   * One model with every kind of options edgeinfer decodes (with values off their defaults, so a
   * field written under the wrong id shows), per-tensor and per-axis quantization, every tensor
   * type, a scalar, a variable, an omitted input, a custom op, an op whose code needs the 32-bit
   * field, two subgraphs, two signatures and metadata. Shapes are plausible, not computed.
   */
  static LiteModel kitchenSink() {
    LiteModelBuilder model = new LiteModelBuilder().description("edgeinfer test model");
    LiteModelBuilder.Graph g = model.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, -1, 8, 8, 3);
    int convW =
        g.constant(
            "conv/w", DataType.FLOAT32, Shape.of(4, 3, 3, 3), LiteBuffer.ofFloats(ramp(108)));
    int convB = g.constant("conv/b", DataType.FLOAT32, Shape.of(4), LiteBuffer.ofFloats(ramp(4)));
    int c1 = g.tensor("conv", DataType.FLOAT32, -1, 4, 8, 4);
    g.operator(
        BuiltinOperator.CONV_2D,
        new OperatorOptions.Conv2D(Padding.SAME, 1, 2, 3, 4, Activation.RELU6),
        new int[] {x, convW, convB},
        c1);
    int dwW =
        g.constant("dw/w", DataType.FLOAT32, Shape.of(1, 3, 3, 4), LiteBuffer.ofFloats(ramp(36)));
    int c2 = g.tensor("dw", DataType.FLOAT32, -1, 2, 6, 4);
    g.operator(
        BuiltinOperator.DEPTHWISE_CONV_2D,
        new OperatorOptions.DepthwiseConv2D(Padding.VALID, 2, 1, 1, 2, 3, Activation.RELU),
        new int[] {c1, dwW, LiteOperator.OMITTED},
        c2);
    int p1 = g.tensor("avg", DataType.FLOAT32, -1, 2, 4, 4);
    g.operator(
        BuiltinOperator.AVERAGE_POOL_2D,
        new OperatorOptions.Pool2D(Padding.VALID, 1, 2, 3, 4, Activation.NONE),
        new int[] {c2},
        p1);
    int p2 = g.tensor("max", DataType.FLOAT32, -1, 1, 2, 4);
    g.operator(
        BuiltinOperator.MAX_POOL_2D,
        new OperatorOptions.Pool2D(Padding.SAME, 2, 3, 2, 1, Activation.RELU_N1_TO_1),
        new int[] {p1},
        p2);
    int shape = g.constant("shape", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(-1, 8));
    int r = g.tensor("reshape", DataType.FLOAT32, -1, 8);
    g.operator(
        BuiltinOperator.RESHAPE,
        new OperatorOptions.Reshape(java.util.List.of(-1, 8)),
        new int[] {p2, shape},
        r);
    int fcW =
        g.constant(
            "fc/w",
            DataType.INT8,
            Shape.of(3, 8),
            LiteBuffer.of(bytes(24)),
            QuantParams.perAxis(new float[] {0.5f, 0.25f, 0.125f}, new long[] {0, 0, 0}, 0));
    int fcB =
        g.constant(
            "fc/b",
            DataType.INT32,
            Shape.of(3),
            LiteBuffer.ofInts(1, -2, 3),
            QuantParams.perAxis(new float[] {0.05f, 0.025f, 0.0125f}, new long[] {0, 0, 0}, 0));
    int fc = g.tensor("fc", DataType.FLOAT32, -1, 3);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(
            Activation.TANH,
            OperatorOptions.FullyConnected.WeightsFormat.SHUFFLED4X16INT8,
            true,
            true),
        new int[] {r, fcW, fcB},
        fc);
    int k = g.constant("k", DataType.FLOAT32, Shape.of(3), LiteBuffer.ofFloats(1f, 2f, 3f));
    int add = g.tensor("add", DataType.FLOAT32, -1, 3);
    g.operator(
        BuiltinOperator.ADD, new OperatorOptions.Add(Activation.RELU), new int[] {fc, k}, add);
    int sub = g.tensor("sub", DataType.FLOAT32, -1, 3);
    g.operator(
        BuiltinOperator.SUB, new OperatorOptions.Sub(Activation.RELU6), new int[] {add, k}, sub);
    int mul = g.tensor("mul", DataType.FLOAT32, -1, 3);
    g.operator(
        BuiltinOperator.MUL, new OperatorOptions.Mul(Activation.SIGN_BIT), new int[] {sub, k}, mul);
    int cat = g.tensor("concat", DataType.FLOAT32, -1, 6);
    g.operator(
        BuiltinOperator.CONCATENATION,
        new OperatorOptions.Concatenation(-1, Activation.TANH),
        new int[] {mul, add},
        cat);
    int soft = g.tensor("softmax", DataType.FLOAT32, -1, 6);
    g.operator(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(0.5f), new int[] {cat}, soft);
    int leaky = g.tensor("leaky", DataType.FLOAT32, -1, 6);
    g.operator(
        BuiltinOperator.LEAKY_RELU, new OperatorOptions.LeakyRelu(0.125f), new int[] {soft}, leaky);
    int axes = g.constant("axes", DataType.INT32, Shape.of(1), LiteBuffer.ofInts(1));
    int mean = g.tensor("mean", DataType.FLOAT32, -1, 1);
    g.operator(
        BuiltinOperator.MEAN, new OperatorOptions.Reducer(true), new int[] {leaky, axes}, mean);
    int squeezed = g.tensor("squeeze", DataType.FLOAT32, -1);
    g.operator(
        BuiltinOperator.SQUEEZE,
        new OperatorOptions.Squeeze(java.util.List.of(1, -1)),
        new int[] {mean},
        squeezed);
    int pads = g.constant("pads", DataType.INT32, Shape.of(1, 2), LiteBuffer.ofInts(0, 1));
    int padded = g.tensor("pad", DataType.FLOAT32, -1);
    g.operator(BuiltinOperator.PAD, new OperatorOptions.Pad(), new int[] {squeezed, pads}, padded);
    int q =
        g.tensor(
            "q",
            DataType.INT8,
            QuantParams.perTensor(0.05f, -3).withRange(new float[] {-6f}, new float[] {6.5f}),
            -1);
    g.operator(BuiltinOperator.QUANTIZE, new OperatorOptions.Quantize(), new int[] {padded}, q);
    int dq = g.tensor("dq", DataType.FLOAT32, -1);
    g.operator(BuiltinOperator.DEQUANTIZE, new OperatorOptions.Dequantize(), new int[] {q}, dq);
    int logistic = g.tensor("logistic", DataType.FLOAT32, -1);
    g.operator(BuiltinOperator.LOGISTIC, new OperatorOptions.None(), new int[] {dq}, logistic);
    int gelu = g.tensor("gelu", DataType.FLOAT32, -1);
    g.operator(
        LiteOpCode.of(BuiltinOperator.GELU, 2),
        new OperatorOptions.None(),
        new int[] {logistic},
        gelu);
    int y = g.tensor("y", DataType.FLOAT32, -1);
    g.operator(
        LiteOpCode.custom("EdgeinferTestOp"), new OperatorOptions.None(), new int[] {gelu}, y);
    // Constants of every other type, a scalar and a variable: no operator uses them.
    g.constant("scalar", DataType.FLOAT32, Shape.of(), LiteBuffer.ofFloats(1.5f));
    g.constant("u8", DataType.UINT8, Shape.of(2), LiteBuffer.of((byte) 0, (byte) 255));
    g.constant("i64", DataType.INT64, Shape.of(2), LiteBuffer.ofLongs(-1L, Long.MAX_VALUE));
    g.constant("bool", DataType.BOOL, Shape.of(3), LiteBuffer.of((byte) 1, (byte) 0, (byte) 1));
    g.constant("f16", DataType.FLOAT16, Shape.of(1), LiteBuffer.of((byte) 0x00, (byte) 0x3c));
    g.constant(
        "f64", DataType.FLOAT64, Shape.of(1), LiteBuffer.ofLongs(Double.doubleToLongBits(2.5)));
    g.tensor(
        new LiteTensor(
            "state", DataType.FLOAT32, Shape.of(1, 4), Shape.of(1, 4), 0, QuantParams.NONE, true));
    g.inputs(x).outputs(y, q);

    LiteModelBuilder.Graph aux = model.graph("aux");
    int a = aux.tensor("a", DataType.FLOAT32, 2, 2);
    int b = aux.tensor("b", DataType.FLOAT32, 2, 2);
    aux.operator(BuiltinOperator.RELU, new OperatorOptions.None(), new int[] {a}, b);
    aux.inputs(a).outputs(b);

    Map<String, Integer> outputs = new LinkedHashMap<>();
    outputs.put("y", y);
    outputs.put("q", q);
    model.signature("serving_default", g, Map.of("x", x), outputs);
    model.signature("aux", aux, Map.of("a", a), Map.of("b", b));
    model.metadata("min_runtime_version", LiteBuffer.of(utf8("1.14.0")));
    model.metadata("edgeinfer", LiteBuffer.of(utf8("{\"test\": true}")));
    return model.build();
  }

  static byte[] kitchenSinkBytes() {
    return TfliteWriter.toBytes(kitchenSink());
  }

  static float[] ramp(int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (i % 7 - 3) * 0.25f;
    }
    return values;
  }

  static byte[] bytes(int n) {
    byte[] values = new byte[n];
    for (int i = 0; i < n; i++) {
      values[i] = (byte) (i * 37 - 127);
    }
    return values;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** {@code ../shared/models/tflite/<name>}, or the calling test is skipped with the reason. */
  static Path shared(String name) {
    Path root = Path.of(System.getProperty("edgeinfer.shared", "../shared"));
    Path path = root.resolve("models").resolve("tflite").resolve(name);
    assumeTrue(
        Files.exists(path),
        "skipped: " + path + " is absent (the team's shared models are not here)");
    return path;
  }

  /**
   * The absolute file position of field {@code id} of the table at {@code table}, or -1 when the
   * field is absent; for tests that patch single fields of a written file.
   */
  static int fieldPosition(ByteBuffer bb, int table, int id) {
    int vtable = table - bb.getInt(table);
    int vtableSize = bb.getShort(vtable) & 0xFFFF;
    int slot = 4 + 2 * id;
    if (slot + 2 > vtableSize) {
      return -1;
    }
    int offset = bb.getShort(vtable + slot) & 0xFFFF;
    return offset == 0 ? -1 : table + offset;
  }
}
