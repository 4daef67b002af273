package io.edgeinfer.cli;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import java.util.Map;
import java.util.Random;

/**
 * The small networks {@code profile bench} times: an MLP of {@link #WIDTH}-wide layers in float32
 * and the same shape in int8 (weights random from a fixed seed: only speed is measured).
 */
final class BenchModels {
  static final int WIDTH = 256;
  static final int OUTPUTS = 16;
  static final String INPUT = "x";
  static final String OUTPUT = "y";

  private BenchModels() {}

  static LiteModel float32() {
    Random random = new Random(7);
    LiteModelBuilder b = new LiteModelBuilder().description("edgeinfer profile bench float32");
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor(INPUT, DataType.FLOAT32, -1, WIDTH);
    int h1 = floatLayer(g, random, x, "h1", WIDTH, Activation.RELU);
    int h2 = floatLayer(g, random, h1, "h2", WIDTH, Activation.RELU);
    int y = floatLayer(g, random, h2, OUTPUT, OUTPUTS, Activation.NONE);
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of(INPUT, x), Map.of(OUTPUT, y));
    return b.build();
  }

  private static int floatLayer(
      LiteModelBuilder.Graph g, Random random, int in, String name, int outputs, Activation act) {
    float[] weights = new float[outputs * WIDTH];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) (random.nextGaussian() / Math.sqrt(WIDTH));
    }
    int w =
        g.constant(
            name + "_w", DataType.FLOAT32, Shape.of(outputs, WIDTH), LiteBuffer.ofFloats(weights));
    int bias =
        g.constant(
            name + "_b",
            DataType.FLOAT32,
            Shape.of(outputs),
            LiteBuffer.ofFloats(new float[outputs]));
    int out = g.tensor(name, DataType.FLOAT32, -1, outputs);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(act),
        new int[] {in, w, bias},
        out);
    return out;
  }

  /** Inputs in [-1, 1] at scale 1/127; ReLU layers at scale 0.05 from -128; the output at 0.1. */
  static LiteModel int8() {
    Random random = new Random(7);
    LiteModelBuilder b = new LiteModelBuilder().description("edgeinfer profile bench int8");
    LiteModelBuilder.Graph g = b.graph("main");
    QuantParams input = QuantParams.perTensor(1f / 127, 0);
    QuantParams hidden = QuantParams.perTensor(0.05f, -128);
    int x = g.tensor(INPUT, DataType.INT8, input, -1, WIDTH);
    int h1 = int8Layer(g, random, x, 1f / 127, "h1", WIDTH, hidden, Activation.RELU);
    int h2 = int8Layer(g, random, h1, 0.05f, "h2", WIDTH, hidden, Activation.RELU);
    int y =
        int8Layer(
            g, random, h2, 0.05f, OUTPUT, OUTPUTS, QuantParams.perTensor(0.1f, 0), Activation.NONE);
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of(INPUT, x), Map.of(OUTPUT, y));
    return b.build();
  }

  private static int int8Layer(
      LiteModelBuilder.Graph g,
      Random random,
      int in,
      float inputScale,
      String name,
      int outputs,
      QuantParams output,
      Activation act) {
    float weightScale = 0.01f;
    byte[] weights = new byte[outputs * WIDTH];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (byte) (random.nextInt(255) - 127);
    }
    int w =
        g.constant(
            name + "_w",
            DataType.INT8,
            Shape.of(outputs, WIDTH),
            LiteBuffer.of(weights),
            QuantParams.perTensor(weightScale, 0));
    int bias =
        g.constant(
            name + "_b",
            DataType.INT32,
            Shape.of(outputs),
            LiteBuffer.ofInts(new int[outputs]),
            QuantParams.perTensor(inputScale * weightScale, 0));
    int out = g.tensor(name, DataType.INT8, output, -1, outputs);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(act),
        new int[] {in, w, bias},
        out);
    return out;
  }
}
