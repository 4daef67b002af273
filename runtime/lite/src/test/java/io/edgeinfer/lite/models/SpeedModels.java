package io.edgeinfer.lite.models;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.Padding;
import java.util.Map;
import java.util.Random;

/** Builders of network-shaped float32 models with seeded random weights. */
public final class SpeedModels {
  private SpeedModels() {}

  /**
   * The seed MLP's shape: x[-1,32] standardized (SUB, MUL), Dense(64, relu), Dense(64, relu),
   * Dense(10), SOFTMAX into "probabilities"; signature serving_default.
   */
  public static LiteModel seedMlp() {
    Random rnd = new Random(32);
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, -1, 32);
    int centred = g.tensor("centred", DataType.FLOAT32, -1, 32);
    g.operator(
        BuiltinOperator.SUB,
        new OperatorOptions.Sub(Activation.NONE),
        new int[] {x, g.constant("mean", DataType.FLOAT32, Shape.of(32), gaussian(rnd, 32, 1))},
        centred);
    int scaled = g.tensor("scaled", DataType.FLOAT32, -1, 32);
    g.operator(
        BuiltinOperator.MUL,
        new OperatorOptions.Mul(Activation.NONE),
        new int[] {
          centred, g.constant("inv_std", DataType.FLOAT32, Shape.of(32), gaussian(rnd, 32, 0.5))
        },
        scaled);
    int h1 = dense(g, rnd, "h1", scaled, 32, 64, Activation.RELU);
    int h2 = dense(g, rnd, "h2", h1, 64, 64, Activation.RELU);
    int logits = dense(g, rnd, "logits", h2, 64, 10, Activation.NONE);
    int y = g.tensor("probabilities", DataType.FLOAT32, -1, 10);
    g.operator(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(1f), new int[] {logits}, y);
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of("x", x), Map.of("probabilities", y));
    return b.build();
  }

  private static int dense(
      LiteModelBuilder.Graph g, Random rnd, String name, int x, int in, int out, Activation act) {
    int w =
        g.constant(
            name + "/w",
            DataType.FLOAT32,
            Shape.of(out, in),
            gaussian(rnd, out * in, Math.sqrt(2.0 / in)));
    int bias = g.constant(name + "/b", DataType.FLOAT32, Shape.of(out), gaussian(rnd, out, 0.1));
    int y = g.tensor(name, DataType.FLOAT32, -1, out);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(act),
        new int[] {x, w, bias},
        y);
    return y;
  }

  /**
   * MobileNet v2 1.0 at {@code size}x{@code size} (224: ~300 M MACs), float32, as the paper lays it
   * out: a 3x3 stride-2 convolution to 32 channels, 17 inverted residual blocks (1x1 expand, 3x3
   * depthwise, 1x1 project, RELU6, ADD where the shape stays), a 1x1 convolution to 1280, average
   * pooling and a 1x1 convolution to 1001 classes. Input "input" [1,size,size,3], output "logits"
   * [1,1,1,1001].
   */
  public static LiteModel mobileNetV2(int size) {
    Random rnd = new Random(224);
    LiteModelBuilder b = new LiteModelBuilder();
    Net net = new Net(b.graph("main"), rnd);
    int x = net.g.tensor("input", DataType.FLOAT32, 1, size, size, 3);
    int[] t = {x};
    int side = size;
    int channels = 3;
    side = (side + 1) / 2;
    t[0] = net.conv(t[0], side, channels, 32, 3, 2, Activation.RELU6);
    channels = 32;
    // (expansion, output channels, repeats, first stride): table 2 of the MobileNet v2 paper.
    int[][] blocks = {
      {1, 16, 1, 1},
      {6, 24, 2, 2},
      {6, 32, 3, 2},
      {6, 64, 4, 2},
      {6, 96, 3, 1},
      {6, 160, 3, 2},
      {6, 320, 1, 1}
    };
    for (int[] block : blocks) {
      for (int r = 0; r < block[2]; r++) {
        int stride = r == 0 ? block[3] : 1;
        int in = t[0];
        int hidden = channels * block[0];
        int h = in;
        if (block[0] != 1) {
          h = net.conv(h, side, channels, hidden, 1, 1, Activation.RELU6);
        }
        int outSide = stride == 2 ? (side + 1) / 2 : side;
        h = net.depthwise(h, outSide, hidden, stride);
        h = net.conv(h, outSide, hidden, block[1], 1, 1, Activation.NONE);
        if (stride == 1 && channels == block[1]) {
          h = net.add(in, h, outSide, channels);
        }
        t[0] = h;
        side = outSide;
        channels = block[1];
      }
    }
    int top = net.conv(t[0], side, channels, 1280, 1, 1, Activation.RELU6);
    int pooled = net.g.tensor("pooled", DataType.FLOAT32, 1, 1, 1, 1280);
    net.g.operator(
        BuiltinOperator.AVERAGE_POOL_2D,
        new OperatorOptions.Pool2D(Padding.VALID, side, side, side, side, Activation.NONE),
        new int[] {top},
        pooled);
    int logits = net.conv(pooled, 1, 1280, 1001, 1, 1, Activation.NONE);
    net.g.inputs(x).outputs(logits);
    b.signature("serving_default", net.g, Map.of("input", x), Map.of("logits", logits));
    return b.build();
  }

  /** Adds layers with fresh names and He-scaled random weights. */
  private static final class Net {
    final LiteModelBuilder.Graph g;
    final Random rnd;
    int count;

    Net(LiteModelBuilder.Graph g, Random rnd) {
      this.g = g;
      this.rnd = rnd;
    }

    int conv(int x, int side, int in, int out, int k, int stride, Activation act) {
      String name = "conv" + count++;
      int w =
          g.constant(
              name + "/w",
              DataType.FLOAT32,
              Shape.of(out, k, k, in),
              gaussian(rnd, out * k * k * in, Math.sqrt(2.0 / (k * k * in))));
      int bias = g.constant(name + "/b", DataType.FLOAT32, Shape.of(out), gaussian(rnd, out, 0.1));
      int y = g.tensor(name, DataType.FLOAT32, 1, side, side, out);
      g.operator(
          BuiltinOperator.CONV_2D,
          new OperatorOptions.Conv2D(Padding.SAME, stride, stride, 1, 1, act),
          new int[] {x, w, bias},
          y);
      return y;
    }

    int depthwise(int x, int outSide, int channels, int stride) {
      String name = "dw" + count++;
      int w =
          g.constant(
              name + "/w",
              DataType.FLOAT32,
              Shape.of(1, 3, 3, channels),
              gaussian(rnd, 9 * channels, Math.sqrt(2.0 / 9)));
      int bias =
          g.constant(
              name + "/b", DataType.FLOAT32, Shape.of(channels), gaussian(rnd, channels, 0.1));
      int y = g.tensor(name, DataType.FLOAT32, 1, outSide, outSide, channels);
      g.operator(
          BuiltinOperator.DEPTHWISE_CONV_2D,
          new OperatorOptions.DepthwiseConv2D(
              Padding.SAME, stride, stride, 1, 1, 1, Activation.RELU6),
          new int[] {x, w, bias},
          y);
      return y;
    }

    int add(int a, int b, int side, int channels) {
      int y = g.tensor("add" + count++, DataType.FLOAT32, 1, side, side, channels);
      g.operator(
          BuiltinOperator.ADD, new OperatorOptions.Add(Activation.NONE), new int[] {a, b}, y);
      return y;
    }
  }

  private static LiteBuffer gaussian(Random rnd, int n, double scale) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) (scale * rnd.nextGaussian());
    }
    return LiteBuffer.ofFloats(values);
  }
}
