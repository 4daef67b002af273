package io.edgeinfer.lite;

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
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.Padding;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteFile;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.lite.kernels.FastKernels;
import io.edgeinfer.lite.kernels.Kernels;
import io.edgeinfer.lite.kernels.ReferenceKernels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid (dynamic-range) int8 models, as {@code quantize --mode dynamic-int8} writes them: float
 * activations, symmetric int8 weights per channel or per tensor, float biases. Each runs beside the
 * float model whose weights are the dequantized int8 ones, in both kernel sets.
 */
class HybridModelTest {
  @TempDir Path dir;

  /** One int8 weight tensor: values, scales (one, or one per channel) and its shape. */
  private record Int8Weights(byte[] q, float[] scales, int axis, int[] shape) {
    static Int8Weights random(Random rnd, boolean perChannel, int axis, int... shape) {
      int n = 1;
      for (int d : shape) {
        n *= d;
      }
      byte[] q = new byte[n];
      for (int i = 0; i < n; i++) {
        q[i] = (byte) (rnd.nextInt(255) - 127);
      }
      float[] scales = new float[perChannel ? shape[axis] : 1];
      for (int i = 0; i < scales.length; i++) {
        scales[i] = (float) (0.002 + 0.01 * rnd.nextDouble());
      }
      return new Int8Weights(q, scales, axis, shape);
    }

    QuantParams quantization() {
      return QuantParams.perAxis(scales, new long[scales.length], axis);
    }

    /** {@code scale[c] * q} as float, c the index along the quantized axis. */
    float[] dequantized() {
      int inner = 1;
      for (int d = axis + 1; d < shape.length; d++) {
        inner *= shape[d];
      }
      float[] out = new float[q.length];
      for (int i = 0; i < q.length; i++) {
        int channel = scales.length == 1 ? 0 : (i / inner) % shape[axis];
        out[i] = scales[channel] * q[i];
      }
      return out;
    }
  }

  private static int weights(LiteModelBuilder.Graph g, String name, Int8Weights w, boolean hybrid) {
    return hybrid
        ? g.constant(
            name, DataType.INT8, Shape.of(w.shape()), LiteBuffer.of(w.q()), w.quantization())
        : g.constant(
            name, DataType.FLOAT32, Shape.of(w.shape()), LiteBuffer.ofFloats(w.dequantized()));
  }

  /**
   * x[-1,7,7,3] -> CONV_2D 3x3 (8 channels, per channel, RELU) -> DEPTHWISE_CONV_2D 3x3 stride 2
   * VALID, multiplier 2 (per tensor) -> RESHAPE [-1, 144] -> FULLY_CONNECTED 10 (per channel,
   * RELU6) -> FULLY_CONNECTED 5 (per tensor, no bias) -> y.
   */
  private static LiteModel network(long seed, boolean hybrid) {
    Random rnd = new Random(seed);
    Int8Weights conv = Int8Weights.random(rnd, true, 0, 8, 3, 3, 3);
    Int8Weights dw = Int8Weights.random(rnd, false, 3, 1, 3, 3, 16);
    Int8Weights fc1 = Int8Weights.random(rnd, true, 0, 10, 144);
    Int8Weights fc2 = Int8Weights.random(rnd, false, 0, 5, 10);
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, -1, 7, 7, 3);
    int c = g.tensor("conv", DataType.FLOAT32, -1, 7, 7, 8);
    int cb = g.constant("conv/b", DataType.FLOAT32, Shape.of(8), LiteBuffer.ofFloats(bias(rnd, 8)));
    g.operator(
        BuiltinOperator.CONV_2D,
        new OperatorOptions.Conv2D(Padding.SAME, 1, 1, 1, 1, Activation.RELU),
        new int[] {x, weights(g, "conv/w", conv, hybrid), cb},
        c);
    int d = g.tensor("dw", DataType.FLOAT32, -1, 3, 3, 16);
    int db = g.constant("dw/b", DataType.FLOAT32, Shape.of(16), LiteBuffer.ofFloats(bias(rnd, 16)));
    g.operator(
        BuiltinOperator.DEPTHWISE_CONV_2D,
        new OperatorOptions.DepthwiseConv2D(Padding.VALID, 2, 2, 2, 1, 1, Activation.NONE),
        new int[] {c, weights(g, "dw/w", dw, hybrid), db},
        d);
    int shape = g.constant("shape", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(-1, 144));
    int flat = g.tensor("flat", DataType.FLOAT32, -1, 144);
    g.operator(
        BuiltinOperator.RESHAPE,
        new OperatorOptions.Reshape(List.of(-1, 144)),
        new int[] {d, shape},
        flat);
    int h = g.tensor("h", DataType.FLOAT32, -1, 10);
    int hb =
        g.constant("fc1/b", DataType.FLOAT32, Shape.of(10), LiteBuffer.ofFloats(bias(rnd, 10)));
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.RELU6),
        new int[] {flat, weights(g, "fc1/w", fc1, hybrid), hb},
        h);
    int y = g.tensor("y", DataType.FLOAT32, -1, 5);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {h, weights(g, "fc2/w", fc2, hybrid), LiteOperator.OMITTED},
        y);
    g.inputs(x).outputs(y, h);
    b.signature("serving_default", g, Map.of("x", x), Map.of("y", y, "h", h));
    return b.build();
  }

  private static float[] bias(Random rnd, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (0.1 * rnd.nextGaussian());
    }
    return out;
  }

  private Map<String, Tensor> run(LiteModel model, Kernels kernels, Tensor x) throws Exception {
    Path file = dir.resolve("model-" + System.nanoTime() + ".tflite");
    TfliteWriter.write(model, file);
    try (Model loaded = LiteRuntimeModel.of(file, TfliteFile.open(file), kernels);
        Predictor p = loaded.predictor()) {
      return p.predict(Map.of("x", x));
    }
  }

  private static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what);
    float scale = 0;
    for (float v : expected) {
      scale = Math.max(scale, Math.abs(v));
    }
    assertTrue(scale > 0.1f, what + ": outputs of some size, found " + scale);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-5f * scale, what + " element " + i);
    }
  }

  @Test
  void hybridModelEqualsTheFloatModelWithDequantizedWeights() throws Exception {
    Random rnd = new Random(3);
    float[] values = new float[4 * 7 * 7 * 3];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) rnd.nextGaussian();
    }
    Tensor x = Tensor.ofFloats(values, 4, 7, 7, 3);
    for (Kernels kernels : List.of(new ReferenceKernels(), new FastKernels())) {
      String set = kernels.name();
      for (long seed : new long[] {1, 2}) {
        Map<String, Tensor> hybrid = run(network(seed, true), kernels, x);
        Map<String, Tensor> dense = run(network(seed, false), kernels, x);
        String what = set + " seed " + seed;
        assertClose(dense.get("h").toFloatArray(), hybrid.get("h").toFloatArray(), what + " h");
        assertClose(dense.get("y").toFloatArray(), hybrid.get("y").toFloatArray(), what + " y");
      }
    }
  }

  @Test
  void loadedThroughTheEngineAndShownAsFloat() throws Exception {
    Path file = dir.resolve("hybrid.tflite");
    TfliteWriter.write(network(5, true), file);
    try (Model model = Engines.load(file, LoadOptions.DEFAULTS);
        Predictor p = model.predictor()) {
      assertEquals(DataType.FLOAT32, model.defaultSignature().inputs().get(0).dataType());
      Tensor out = p.predict(Map.of("x", Tensor.ofFloats(new float[147], 1, 7, 7, 3))).get("y");
      assertEquals(Shape.of(1, 5), out.shape());
    }
  }

  @Test
  void refusesAsymmetricWeightsAndScalesAlongTheWrongAxis() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 1, 2);
    int w1 =
        g.constant(
            "w1",
            DataType.INT8,
            Shape.of(2, 2),
            LiteBuffer.of((byte) 1, (byte) 2, (byte) 3, (byte) 4),
            QuantParams.perTensor(0.5f, 3));
    int w2 =
        g.constant(
            "w2",
            DataType.INT8,
            Shape.of(2, 2),
            LiteBuffer.of((byte) 1, (byte) 2, (byte) 3, (byte) 4),
            QuantParams.perAxis(new float[] {0.5f, 0.25f}, new long[2], 1));
    int h = g.tensor("h", DataType.FLOAT32, 1, 2);
    int y = g.tensor("y", DataType.FLOAT32, 1, 2);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {x, w1, LiteOperator.OMITTED},
        h);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {h, w2, LiteOperator.OMITTED},
        y);
    g.inputs(x).outputs(y);
    Path file = dir.resolve("bad-hybrid.tflite");
    TfliteWriter.write(b.build(), file);
    UnsupportedModelException e =
        assertThrows(
            UnsupportedModelException.class, () -> Engines.load(file, LoadOptions.DEFAULTS));
    assertEquals(
        List.of(
            "FULLY_CONNECTED (asymmetric int8 weights (zero point 3))",
            "FULLY_CONNECTED (expected 1 or 2 weight scales along axis 0, found 2 along axis 1)"),
        e.unsupported());
  }
}
