package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.Padding;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The op conformance suite for 16x8 models and the ops that came with them: seeded random one-op
 * models (int16 activations with zero point 0, symmetric per-channel int8 weights, int64 biases;
 * odd shapes, strides, paddings, activations and scales) run in the lite engine and in TensorFlow
 * Lite Micro's reference kernels; integer results bit for bit, float32 within 1e-5.
 */
class Int16OpConformanceTest {
  private static final Activation[] ACTIVATIONS = {
    Activation.NONE, Activation.RELU, Activation.RELU6, Activation.RELU_N1_TO_1
  };

  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void conv2d16x8(int seed) throws Exception {
    Random r = new Random(1000 + seed);
    int inC = 1 + r.nextInt(6);
    int outC = 1 + r.nextInt(7);
    int kh = 1 + r.nextInt(3);
    int kw = 1 + r.nextInt(4);
    int[] in = {1, kh + r.nextInt(7), kw + r.nextInt(7), inC};
    Padding padding = r.nextBoolean() ? Padding.SAME : Padding.VALID;
    int sh = 1 + r.nextInt(2);
    int sw = 1 + r.nextInt(3);
    int dh = kh * 2 - 1 <= in[1] ? 1 + r.nextInt(2) : 1;
    int dw = kw * 2 - 1 <= in[2] ? 1 + r.nextInt(2) : 1;
    boolean int32Bias = seed == 5; // TFLite sums in 32 bits with an int32 bias
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    float inScale = 1e-4f + r.nextFloat() * 1e-3f;
    int x = g.tensor("x", DataType.INT16, QuantParams.perTensor(inScale, 0), in);
    float[] scales = scales(r, outC);
    int w =
        g.constant(
            "w",
            DataType.INT8,
            Shape.of(outC, kh, kw, inC),
            LiteBuffer.of(bytes(r, outC * kh * kw * inC)),
            QuantParams.perAxis(scales, new long[outC], 0));
    long[] biases = new long[outC];
    for (int c = 0; c < outC; c++) {
      biases[c] = r.nextInt(2_000_001) - 1_000_000;
    }
    int bias =
        int32Bias
            ? g.constant(
                "b",
                DataType.INT32,
                Shape.of(outC),
                LiteBuffer.ofInts(toInts(biases)),
                QuantParams.perAxis(times(scales, inScale), new long[outC], 0))
            : g.constant(
                "b",
                DataType.INT64,
                Shape.of(outC),
                LiteBuffer.ofLongs(biases),
                QuantParams.perAxis(times(scales, inScale), new long[outC], 0));
    int outH = outSize(padding, in[1], kh, sh, dh);
    int outW = outSize(padding, in[2], kw, sw, dw);
    int y =
        g.tensor(
            "y",
            DataType.INT16,
            QuantParams.perTensor(spread(r, inScale, kh * kw * inC), 0),
            1,
            outH,
            outW,
            outC);
    g.operator(
        BuiltinOperator.CONV_2D,
        new OperatorOptions.Conv2D(padding, sw, sh, dw, dh, ACTIVATIONS[r.nextInt(4)]),
        new int[] {x, w, bias},
        y);
    check(b, g, x, y, "conv16x8_" + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void int16AddAndSubWithBroadcasting(int seed) throws Exception {
    for (BuiltinOperator op : new BuiltinOperator[] {BuiltinOperator.ADD, BuiltinOperator.SUB}) {
      Random r = new Random(1100 + seed);
      int[] shape = {1, 1 + r.nextInt(4), 1 + r.nextInt(5), 1 + r.nextInt(6)};
      int[] other = shape.clone();
      other[1 + r.nextInt(3)] = 1;
      LiteModelBuilder b = new LiteModelBuilder();
      LiteModelBuilder.Graph g = b.graph("main");
      int x = g.tensor("x", DataType.INT16, int16(r), shape);
      int c =
          g.constant(
              "c",
              DataType.INT16,
              Shape.of(other),
              LiteBuffer.of(shorts(r, (int) Shape.of(other).elementCount())),
              int16(r));
      int y =
          g.tensor(
              "y", DataType.INT16, QuantParams.perTensor(2e-4f + r.nextFloat() * 2e-3f, 0), shape);
      Activation act = ACTIVATIONS[r.nextInt(4)];
      OperatorOptions options =
          op == BuiltinOperator.ADD ? new OperatorOptions.Add(act) : new OperatorOptions.Sub(act);
      g.operator(op, options, new int[] {x, c}, y);
      check(b, g, x, y, op + "16_" + seed);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3})
  void int16LeakyRelu(int seed) throws Exception {
    Random r = new Random(1200 + seed);
    int[] shape = {1, 1 + r.nextInt(5), 1 + r.nextInt(9), 1 + r.nextInt(4)};
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.INT16, int16(r), shape);
    int y = g.tensor("y", DataType.INT16, int16(r), shape);
    g.operator(
        BuiltinOperator.LEAKY_RELU,
        new OperatorOptions.LeakyRelu(0.05f + r.nextFloat() * 0.5f),
        new int[] {x},
        y);
    check(b, g, x, y, "leaky16_" + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2})
  void int16Pad(int seed) throws Exception {
    Random r = new Random(1300 + seed);
    int[] shape = {1, 1 + r.nextInt(4), 1 + r.nextInt(6), 1 + r.nextInt(3)};
    int[] paddings = new int[8];
    int[] out = shape.clone();
    for (int d = 1; d < 4; d++) {
      paddings[2 * d] = r.nextInt(3);
      paddings[2 * d + 1] = r.nextInt(3);
      out[d] += paddings[2 * d] + paddings[2 * d + 1];
    }
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    QuantParams q = int16(r);
    int x = g.tensor("x", DataType.INT16, q, shape);
    int p = g.constant("p", DataType.INT32, Shape.of(4, 2), LiteBuffer.ofInts(paddings));
    int y = g.tensor("y", DataType.INT16, q, out);
    g.operator(BuiltinOperator.PAD, new OperatorOptions.Pad(), new int[] {x, p}, y);
    check(b, g, x, y, "pad16_" + seed);
  }

  @ParameterizedTest(name = "{0} to {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "FLOAT32, INT16",
    "INT16, INT8",
    "INT8, INT16",
    "INT16, INT16",
    "INT16, INT32",
    "INT32, INT16",
    "INT16, FLOAT32"
  })
  void quantizeAndDequantizeWithInt16(DataType from, DataType to) throws Exception {
    Random r = new Random(from.ordinal() * 31 + to.ordinal());
    int[] shape = {1, 3, 7, 2};
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", from, quant(r, from, true), shape);
    int y = g.tensor("y", to, quant(r, to, false), shape);
    BuiltinOperator op =
        to == DataType.FLOAT32 ? BuiltinOperator.DEQUANTIZE : BuiltinOperator.QUANTIZE;
    OperatorOptions options =
        to == DataType.FLOAT32 ? new OperatorOptions.Dequantize() : new OperatorOptions.Quantize();
    g.operator(op, options, new int[] {x}, y);
    check(b, g, x, y, "quantize_" + from + "_" + to);
  }

  /** QUANTIZE divides in float, as TFLite does: a double division is off by one now and then. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {9, 10})
  void float32ToInt8QuantizeDividesInFloat(int seed) throws Exception {
    Random r = new Random(seed);
    int[] shape = {1, 7, 9, 5};
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, shape);
    int y =
        g.tensor(
            "y",
            DataType.INT8,
            QuantParams.perTensor(0.001f + r.nextFloat() * 0.05f, r.nextInt(256) - 128),
            shape);
    g.operator(BuiltinOperator.QUANTIZE, new OperatorOptions.Quantize(), new int[] {x}, y);
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of("x", x), Map.of("y", y));
    Path file = dir.resolve("quantize_int8_" + seed + ".tflite");
    TfliteWriter.write(b.build(), file);
    assertTrue(OracleRuns.compare(TflmOracle.require(), file, 20, seed) > 0);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void stridedSliceWithMasks(int seed) throws Exception {
    Random r = new Random(1400 + seed);
    DataType[] types = {DataType.INT16, DataType.INT8, DataType.FLOAT32, DataType.INT32};
    DataType type = types[seed % types.length];
    int rank = 2 + r.nextInt(3);
    int[] shape = new int[rank];
    int[] begin = new int[rank];
    int[] end = new int[rank];
    int[] strides = new int[rank];
    int beginMask;
    int endMask;
    int shrinkMask;
    int[] out;
    do { // TensorFlow Lite Micro cannot hold an empty output: draw until the slice has elements
      beginMask = r.nextInt(1 << rank);
      endMask = r.nextInt(1 << rank);
      shrinkMask = 0;
      for (int d = 0; d < rank; d++) {
        shape[d] = 1 + r.nextInt(6);
        strides[d] = r.nextInt(4) == 0 ? -(1 + r.nextInt(2)) : 1 + r.nextInt(3);
        begin[d] = r.nextInt(2 * shape[d] + 1) - shape[d];
        end[d] = r.nextInt(2 * shape[d] + 3) - shape[d] - 1;
        if (r.nextInt(5) == 0) {
          shrinkMask |= 1 << d;
          begin[d] = r.nextInt(shape[d]);
          beginMask &= ~(1 << d);
        }
      }
      out =
          new io.edgeinfer.lite.kernels.StridedSlice(
                  begin, end, strides, beginMask, endMask, 0, 0, shrinkMask, false)
              .outputShape(shape);
    } while (Shape.of(out).elementCount() == 0);
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    QuantParams q = type == DataType.INT16 ? int16(r) : quant(r, type, true);
    if (type == DataType.INT32) {
      q = QuantParams.NONE;
    }
    int x = g.tensor("x", type, q, shape);
    int tb = g.constant("begin", DataType.INT32, Shape.of(rank), LiteBuffer.ofInts(begin));
    int te = g.constant("end", DataType.INT32, Shape.of(rank), LiteBuffer.ofInts(end));
    int ts = g.constant("strides", DataType.INT32, Shape.of(rank), LiteBuffer.ofInts(strides));
    int y = g.tensor("y", type, q, out);
    g.operator(
        BuiltinOperator.STRIDED_SLICE,
        new OperatorOptions.StridedSlice(beginMask, endMask, 0, 0, shrinkMask, false),
        new int[] {x, tb, te, ts},
        y);
    check(b, g, x, y, "strided_slice_" + seed);
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "FLOAT32, 1",
    "FLOAT32, 2",
    "INT8, 1",
    "INT8, 2",
    "INT8, 3",
    "INT16, 1",
    "INT16, 2",
    "INT16, 3"
  })
  void transposeConv(DataType type, int seed) throws Exception {
    Random r = new Random(1500 + seed * 7 + type.ordinal());
    int inC = 1 + r.nextInt(5);
    int outC = 1 + r.nextInt(6);
    int kh = 1 + r.nextInt(4);
    int kw = 1 + r.nextInt(4);
    int sh = 1 + r.nextInt(3);
    int sw = 1 + r.nextInt(3);
    Padding padding = r.nextBoolean() ? Padding.SAME : Padding.VALID;
    int inH = 1 + r.nextInt(5);
    int inW = 1 + r.nextInt(6);
    // The output a convolution with this geometry maps back onto the input.
    int outH = padding == Padding.SAME ? inH * sh : (inH - 1) * sh + kh;
    int outW = padding == Padding.SAME ? inW * sw : (inW - 1) * sw + kw;
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int shape =
        g.constant("shape", DataType.INT32, Shape.of(4), LiteBuffer.ofInts(1, outH, outW, outC));
    float[] scales = scales(r, outC);
    float inScale = type == DataType.INT16 ? 1e-4f + r.nextFloat() * 1e-3f : 0.02f;
    QuantParams qx;
    QuantParams qy;
    int w;
    int bias;
    if (type == DataType.FLOAT32) {
      qx = QuantParams.NONE;
      qy = QuantParams.NONE;
      float[] f = new float[outC * kh * kw * inC];
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) r.nextGaussian();
      }
      w = g.constant("w", DataType.FLOAT32, Shape.of(outC, kh, kw, inC), LiteBuffer.ofFloats(f));
      float[] bf = new float[outC];
      for (int i = 0; i < outC; i++) {
        bf[i] = (float) r.nextGaussian();
      }
      bias = g.constant("b", DataType.FLOAT32, Shape.of(outC), LiteBuffer.ofFloats(bf));
    } else {
      boolean wide = type == DataType.INT16;
      qx = QuantParams.perTensor(inScale, wide ? 0 : r.nextInt(256) - 128);
      qy =
          QuantParams.perTensor(
              wide ? spread(r, inScale, kh * kw * inC) : 0.05f + r.nextFloat() * 0.3f,
              wide ? 0 : r.nextInt(256) - 128);
      w =
          g.constant(
              "w",
              DataType.INT8,
              Shape.of(outC, kh, kw, inC),
              LiteBuffer.of(bytes(r, outC * kh * kw * inC)),
              QuantParams.perAxis(scales, new long[outC], 0));
      long[] biases = new long[outC];
      for (int c = 0; c < outC; c++) {
        biases[c] = r.nextInt(20001) - 10000;
      }
      QuantParams qb = QuantParams.perAxis(times(scales, inScale), new long[outC], 0);
      bias =
          wide
              ? g.constant("b", DataType.INT64, Shape.of(outC), LiteBuffer.ofLongs(biases), qb)
              : g.constant(
                  "b", DataType.INT32, Shape.of(outC), LiteBuffer.ofInts(toInts(biases)), qb);
    }
    int x = g.tensor("x", type, qx, 1, inH, inW, inC);
    int y = g.tensor("y", type, qy, 1, outH, outW, outC);
    g.operator(
        BuiltinOperator.TRANSPOSE_CONV,
        new OperatorOptions.TransposeConv(padding, sw, sh, Activation.NONE),
        new int[] {shape, w, x, bias},
        y);
    check(b, g, x, y, "transpose_conv_" + type + "_" + seed);
  }

  private void check(LiteModelBuilder b, LiteModelBuilder.Graph g, int x, int y, String name)
      throws Exception {
    OracleRuns.compareOneOp(dir, b, g, x, y, name);
  }

  private static int outSize(Padding padding, int in, int k, int stride, int dilation) {
    int eff = (k - 1) * dilation + 1;
    return padding == Padding.SAME ? (in + stride - 1) / stride : (in - eff + stride) / stride;
  }

  /**
   * An int16 output scale for a sum of {@code taps} products of full-range int16 inputs and int8
   * weights (scales about 0.01): a spread of a few thousand steps, rarely saturating.
   */
  private static float spread(Random r, float inScale, int taps) {
    return (float) (inScale * 0.01 * Math.sqrt(taps) * (100 + r.nextFloat() * 200));
  }

  /** A symmetric int16 quantization with a scale that spreads random values over the range. */
  private static QuantParams int16(Random r) {
    return QuantParams.perTensor(1e-4f + r.nextFloat() * 2e-3f, 0);
  }

  private static QuantParams quant(Random r, DataType type, boolean input) {
    return switch (type) {
      case FLOAT32 -> QuantParams.NONE;
      case INT16 -> int16(r);
      case INT8 -> QuantParams.perTensor(0.01f + r.nextFloat() * 0.2f, r.nextInt(256) - 128);
      default ->
          QuantParams.perTensor(input ? 1e-5f + r.nextFloat() * 1e-4f : 1e-6f, r.nextInt(21) - 10);
    };
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

  private static int[] toInts(long[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) values[i];
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

  private static byte[] shorts(Random r, int n) {
    byte[] b = new byte[2 * n];
    for (int i = 0; i < n; i++) {
      short v = (short) r.nextInt();
      b[2 * i] = (byte) v;
      b[2 * i + 1] = (byte) (v >> 8);
    }
    return b;
  }
}
