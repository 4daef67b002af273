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
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.HalfFloat;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.Padding;
import io.edgeinfer.lite.format.TfliteFile;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.lite.kernels.FastKernels;
import io.edgeinfer.lite.ops.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Float16 models as TFLite's converter writes them: FLOAT16 constants, each behind a DEQUANTIZE to
 * float32, feeding CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED and ADD. The same network is built
 * in float32, written, read back and run beside it.
 */
class Float16ModelTest {
  @TempDir Path dir;

  /** The network's weights, drawn once. */
  private record Weights(
      float[] conv, float[] convBias, float[] depthwise, float[] fc, float[] fcBias, float[] add) {
    static Weights random(long seed) {
      Random rnd = new Random(seed);
      return new Weights(
          gaussian(rnd, 3 * 3 * 3 * 2, 0.5),
          gaussian(rnd, 3, 0.1),
          gaussian(rnd, 3 * 3 * 3, 0.5),
          gaussian(rnd, 4 * 48, 0.2),
          gaussian(rnd, 4, 0.1),
          gaussian(rnd, 4, 1));
    }

    /** Every value rounded to the nearest half, as a float16 model holds them. */
    Weights rounded() {
      return new Weights(
          half(conv), half(convBias), half(depthwise), half(fc), half(fcBias), half(add));
    }
  }

  private static float[] gaussian(Random rnd, int n, double sigma) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (sigma * rnd.nextGaussian());
    }
    return out;
  }

  private static float[] half(float[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = HalfFloat.toFloat(HalfFloat.fromFloat(values[i]));
    }
    return out;
  }

  /** A constant float32 tensor: in the file, or as float16 plus a DEQUANTIZE. */
  private static int weight(
      LiteModelBuilder.Graph g, String name, float[] v, boolean f16, int... d) {
    if (!f16) {
      return g.constant(name, DataType.FLOAT32, Shape.of(d), LiteBuffer.ofFloats(v));
    }
    int half = g.constant(name + "_fp16", DataType.FLOAT16, Shape.of(d), LiteBuffer.ofHalfs(v));
    int out = g.tensor(name, DataType.FLOAT32, d);
    g.operator(BuiltinOperator.DEQUANTIZE, new OperatorOptions.Dequantize(), new int[] {half}, out);
    return out;
  }

  /**
   * x[-1,8,8,2] -> CONV_2D 3x3 SAME (3 channels, RELU) -> DEPTHWISE_CONV_2D 3x3 stride 2 SAME ->
   * RESHAPE [-1, 48] -> FULLY_CONNECTED 4 -> ADD constant -> y[-1,4].
   */
  static LiteModel network(Weights w, boolean f16) {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, -1, 8, 8, 2);
    int conv = g.tensor("conv", DataType.FLOAT32, -1, 8, 8, 3);
    int cw = weight(g, "conv/w", w.conv(), f16, 3, 3, 3, 2);
    int cb = weight(g, "conv/b", w.convBias(), f16, 3);
    g.operator(
        BuiltinOperator.CONV_2D,
        new OperatorOptions.Conv2D(Padding.SAME, 1, 1, 1, 1, Activation.RELU),
        new int[] {x, cw, cb},
        conv);
    int dw = g.tensor("dw", DataType.FLOAT32, -1, 4, 4, 3);
    int dww = weight(g, "dw/w", w.depthwise(), f16, 1, 3, 3, 3);
    g.operator(
        BuiltinOperator.DEPTHWISE_CONV_2D,
        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 2, 2, 1, 1, 1, Activation.NONE),
        new int[] {conv, dww, LiteOperator.OMITTED},
        dw);
    int shape = g.constant("shape", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(-1, 48));
    int flat = g.tensor("flat", DataType.FLOAT32, -1, 48);
    g.operator(
        BuiltinOperator.RESHAPE,
        new OperatorOptions.Reshape(List.of(-1, 48)),
        new int[] {dw, shape},
        flat);
    int fc = g.tensor("fc", DataType.FLOAT32, -1, 4);
    int fw = weight(g, "fc/w", w.fc(), f16, 4, 48);
    int fb = weight(g, "fc/b", w.fcBias(), f16, 4);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {flat, fw, fb},
        fc);
    int c = weight(g, "offset", w.add(), f16, 4);
    int y = g.tensor("y", DataType.FLOAT32, -1, 4);
    g.operator(BuiltinOperator.ADD, new OperatorOptions.Add(Activation.NONE), new int[] {fc, c}, y);
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of("x", x), Map.of("y", y));
    return b.build();
  }

  private float[] run(LiteModel model, Tensor x) throws Exception {
    Path file = dir.resolve("model-" + System.nanoTime() + ".tflite");
    TfliteWriter.write(model, file);
    try (Model loaded = Engines.load(file, LoadOptions.DEFAULTS);
        Predictor p = loaded.predictor()) {
      return p.predict(Map.of("x", x)).get("y").toFloatArray();
    }
  }

  private static Tensor input(int batch) {
    Random rnd = new Random(7);
    return Tensor.ofFloats(gaussian(rnd, batch * 8 * 8 * 2, 1), batch, 8, 8, 2);
  }

  @Test
  void float16ModelEqualsTheFloatModelWithHalfRoundedWeights() throws Exception {
    Weights w = Weights.random(16);
    Tensor x = input(3);
    float[] half = run(network(w, true), x);
    assertEquals(12, half.length);
    // The same arithmetic on the same (rounded) values: equal to the last bit.
    assertArrayEquals(run(network(w.rounded(), false), x), half);
    // And within float16's rounding of the unrounded network (relative 2^-11 per weight).
    float[] exact = run(network(w, false), x);
    float scale = 0;
    for (float v : exact) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int i = 0; i < exact.length; i++) {
      assertEquals(exact[i], half[i], 5e-3f * scale, "element " + i);
    }
    assertTrue(scale > 0.5f, "outputs of some size, found " + scale);
  }

  @Test
  void dequantizeOfConstantsIsFoldedAtLoad() throws Exception {
    Path file = dir.resolve("f16.tflite");
    TfliteWriter.write(network(Weights.random(1), true), file);
    LiteModel read = TfliteFile.open(file);
    assertEquals(11, read.mainSubgraph().operators().size()); // 6 DEQUANTIZE + 5 layers
    Program program = Program.compile(read, 0, new FastKernels());
    assertEquals(
        List.of("CONV_2D", "DEPTHWISE_CONV_2D", "RESHAPE", "FULLY_CONNECTED", "ADD"),
        program.steps.stream().map(Step::op).toList());
  }

  @Test
  void refusesFloat16ComputedAtRunTime() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT16, 1, 4);
    int y = g.tensor("y", DataType.FLOAT32, 1, 4);
    g.operator(BuiltinOperator.DEQUANTIZE, new OperatorOptions.Dequantize(), new int[] {x}, y);
    g.inputs(x).outputs(y);
    Path file = dir.resolve("f16-input.tflite");
    TfliteWriter.write(b.build(), file);
    UnsupportedModelException e =
        assertThrows(
            UnsupportedModelException.class, () -> Engines.load(file, LoadOptions.DEFAULTS));
    assertTrue(
        e.unsupported()
            .contains("DEQUANTIZE (float16 input 'x' float16 [1, 4] computed at run time)"),
        e.unsupported().toString());
  }
}
