package io.edgeinfer.lite.conformance;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.Padding;
import io.edgeinfer.lite.format.QuantParams;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The op conformance suite: seeded random one-op models (odd shapes, strides, paddings, dilations,
 * fused activations, quantization parameters) written by the project's writer, run in the lite
 * engine and in TensorFlow Lite Micro's reference kernels on seeded inputs; int8 results bit for
 * bit, float32 within 1e-5. Each seed is one model per op family.
 */
class OpConformanceTest {
  private static final Activation[] ACTIVATIONS = {
    Activation.NONE, Activation.RELU, Activation.RELU6, Activation.RELU_N1_TO_1
  };

  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void int8Conv2d(int seed) throws Exception {
    Random r = new Random(seed);
    int inC = 1 + r.nextInt(7);
    int outC = 1 + r.nextInt(9);
    int kh = 1 + r.nextInt(3);
    int kw = 1 + r.nextInt(3);
    int[] in = {1, kh + r.nextInt(9), kw + r.nextInt(9), inC};
    ConvCase c = ConvCase.random(r, in, kh, kw);
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    float inScale = 0.01f + r.nextFloat() * 0.1f;
    int x = g.tensor("x", DataType.INT8, activation(r, inScale), in);
    float[] scales = scales(r, outC);
    int w =
        g.constant(
            "w",
            DataType.INT8,
            Shape.of(outC, kh, kw, inC),
            LiteBuffer.of(bytes(r, outC * kh * kw * inC)),
            QuantParams.perAxis(scales, new long[outC], 0));
    int bias = bias(g, r, outC, scales, inScale);
    int[] outShape = c.outputShape(in, outC);
    int y = g.tensor("y", DataType.INT8, activation(r, 0.05f + r.nextFloat() * 0.5f), outShape);
    g.operator(
        BuiltinOperator.CONV_2D,
        new OperatorOptions.Conv2D(
            c.padding, c.strideW, c.strideH, c.dilationW, c.dilationH, c.activation),
        new int[] {x, w, bias},
        y);
    check(b, g, x, y, "conv" + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void int8DepthwiseConv2d(int seed) throws Exception {
    Random r = new Random(100 + seed);
    int inC = 1 + r.nextInt(8);
    int multiplier = 1 + r.nextInt(2);
    int outC = inC * multiplier;
    int kh = 1 + r.nextInt(3);
    int kw = 1 + r.nextInt(3);
    int[] in = {1, kh + r.nextInt(9), kw + r.nextInt(9), inC};
    ConvCase c = ConvCase.random(r, in, kh, kw);
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    float inScale = 0.01f + r.nextFloat() * 0.1f;
    int x = g.tensor("x", DataType.INT8, activation(r, inScale), in);
    float[] scales = scales(r, outC);
    int w =
        g.constant(
            "w",
            DataType.INT8,
            Shape.of(1, kh, kw, outC),
            LiteBuffer.of(bytes(r, kh * kw * outC)),
            QuantParams.perAxis(scales, new long[outC], 3));
    int bias = bias(g, r, outC, scales, inScale);
    int y =
        g.tensor(
            "y",
            DataType.INT8,
            activation(r, 0.05f + r.nextFloat() * 0.5f),
            c.outputShape(in, outC));
    g.operator(
        BuiltinOperator.DEPTHWISE_CONV_2D,
        new OperatorOptions.DepthwiseConv2D(
            c.padding, c.strideW, c.strideH, multiplier, c.dilationW, c.dilationH, c.activation),
        new int[] {x, w, bias},
        y);
    check(b, g, x, y, "depthwise" + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void int8AveragePoolAndMaxPool(int seed) throws Exception {
    for (BuiltinOperator op :
        new BuiltinOperator[] {BuiltinOperator.AVERAGE_POOL_2D, BuiltinOperator.MAX_POOL_2D}) {
      Random r = new Random(200 + seed);
      int kh = 1 + r.nextInt(3);
      int kw = 1 + r.nextInt(3);
      int[] in = {1, kh + r.nextInt(8), kw + r.nextInt(8), 1 + r.nextInt(5)};
      ConvCase c = ConvCase.random(r, in, kh, kw).undilated();
      LiteModelBuilder b = new LiteModelBuilder();
      LiteModelBuilder.Graph g = b.graph("main");
      QuantParams q = activation(r, 0.02f + r.nextFloat() * 0.1f);
      int x = g.tensor("x", DataType.INT8, q, in);
      int y = g.tensor("y", DataType.INT8, q, c.outputShape(in, in[3]));
      g.operator(
          op,
          new OperatorOptions.Pool2D(c.padding, c.strideW, c.strideH, kw, kh, c.activation),
          new int[] {x},
          y);
      check(b, g, x, y, op + "" + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void int8FullyConnected(int seed) throws Exception {
    Random r = new Random(300 + seed);
    int inputs = 1 + r.nextInt(40);
    int outputs = 1 + r.nextInt(20);
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    float inScale = 0.01f + r.nextFloat() * 0.1f;
    int x = g.tensor("x", DataType.INT8, activation(r, inScale), 1, inputs);
    float wScale = scales(r, 1)[0];
    int w =
        g.constant(
            "w",
            DataType.INT8,
            Shape.of(outputs, inputs),
            LiteBuffer.of(bytes(r, outputs * inputs)),
            QuantParams.perTensor(wScale, 0));
    int bias = bias(g, r, outputs, new float[] {wScale}, inScale);
    int y = g.tensor("y", DataType.INT8, activation(r, 0.05f + r.nextFloat() * 0.5f), 1, outputs);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(ACTIVATIONS[r.nextInt(3)]),
        new int[] {x, w, bias},
        y);
    check(b, g, x, y, "fc" + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void int8AddAndMulWithBroadcasting(int seed) throws Exception {
    for (BuiltinOperator op : new BuiltinOperator[] {BuiltinOperator.ADD, BuiltinOperator.MUL}) {
      Random r = new Random(400 + seed);
      int[] shape = {1, 1 + r.nextInt(5), 1 + r.nextInt(5), 1 + r.nextInt(6)};
      int[] other = shape.clone();
      other[1 + r.nextInt(3)] = 1;
      LiteModelBuilder b = new LiteModelBuilder();
      LiteModelBuilder.Graph g = b.graph("main");
      int x = g.tensor("x", DataType.INT8, activation(r, 0.02f + r.nextFloat() * 0.1f), shape);
      int c =
          g.constant(
              "c",
              DataType.INT8,
              Shape.of(other),
              LiteBuffer.of(bytes(r, (int) Shape.of(other).elementCount())),
              activation(r, 0.02f + r.nextFloat() * 0.1f));
      int y = g.tensor("y", DataType.INT8, activation(r, 0.05f + r.nextFloat() * 0.2f), shape);
      OperatorOptions options =
          op == BuiltinOperator.ADD
              ? new OperatorOptions.Add(ACTIVATIONS[r.nextInt(3)])
              : new OperatorOptions.Mul(ACTIVATIONS[r.nextInt(3)]);
      g.operator(op, options, new int[] {x, c}, y);
      check(b, g, x, y, op + "" + seed);
    }
  }

  private void check(LiteModelBuilder b, LiteModelBuilder.Graph g, int x, int y, String name)
      throws Exception {
    OracleRuns.compareOneOp(dir, b, g, x, y, name);
  }

  /** A convolution's geometry: padding, strides, dilations and fused activation. */
  private record ConvCase(
      Padding padding,
      int strideH,
      int strideW,
      int dilationH,
      int dilationW,
      int kh,
      int kw,
      Activation activation) {
    static ConvCase random(Random r, int[] in, int kh, int kw) {
      int dh = 1 + r.nextInt(2);
      int dw = 1 + r.nextInt(2);
      if ((kh - 1) * dh + 1 > in[1]) {
        dh = 1;
      }
      if ((kw - 1) * dw + 1 > in[2]) {
        dw = 1;
      }
      return new ConvCase(
          r.nextBoolean() ? Padding.SAME : Padding.VALID,
          1 + r.nextInt(3),
          1 + r.nextInt(3),
          dh,
          dw,
          kh,
          kw,
          ACTIVATIONS[r.nextInt(ACTIVATIONS.length)]);
    }

    ConvCase undilated() {
      return new ConvCase(padding, strideH, strideW, 1, 1, kh, kw, activation);
    }

    int[] outputShape(int[] in, int channels) {
      int effH = (kh - 1) * dilationH + 1;
      int effW = (kw - 1) * dilationW + 1;
      int outH =
          padding == Padding.SAME
              ? (in[1] + strideH - 1) / strideH
              : (in[1] - effH + strideH) / strideH;
      int outW =
          padding == Padding.SAME
              ? (in[2] + strideW - 1) / strideW
              : (in[2] - effW + strideW) / strideW;
      return new int[] {in[0], outH, outW, channels};
    }
  }

  /** An int8 activation's quantization: {@code scale}, a random zero point. */
  private static QuantParams activation(Random r, float scale) {
    return QuantParams.perTensor(scale, r.nextInt(256) - 128);
  }

  /** A random int32 bias quantized as TFLite requires: input scale times each weight scale. */
  private static int bias(
      LiteModelBuilder.Graph g, Random r, int n, float[] weightScales, float inScale) {
    QuantParams q =
        weightScales.length == 1
            ? QuantParams.perTensor(weightScales[0] * inScale, 0)
            : QuantParams.perAxis(times(weightScales, inScale), new long[n], 0);
    return g.constant("b", DataType.INT32, Shape.of(n), LiteBuffer.ofInts(ints(r, n)), q);
  }

  private static float[] scales(Random r, int n) {
    float[] s = new float[n];
    for (int i = 0; i < n; i++) {
      s[i] = 0.001f + r.nextFloat() * 0.02f;
    }
    return s;
  }

  private static float[] times(float[] scales, float factor) {
    float[] out = new float[scales.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = scales[i] * factor;
    }
    return out;
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (r.nextInt(255) - 127);
    }
    return b;
  }

  private static int[] ints(Random r, int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextInt(2001) - 1000;
    }
    return v;
  }
}
