package io.edgeinfer.lite;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.Padding;
import io.edgeinfer.lite.format.QuantParams;
import java.util.List;

/**
 * Every op the lite engine runs, in one float graph with an int8 stretch and an int32 output, so
 * that tests of the planner see every kernel write into arrays other tensors used before.
 */
final class ManyOpsModel {
  private ManyOpsModel() {}

  private static float[] ramp(int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = ((i * 7) % 11 - 5) / 8f;
    }
    return values;
  }

  static LiteModel model() {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 1, 6, 6, 3);
    int pads =
        g.constant(
            "pads", DataType.INT32, Shape.of(4, 2), LiteBuffer.ofInts(0, 0, 1, 1, 1, 1, 0, 0));
    int p = g.tensor("pad", DataType.FLOAT32, 1, 8, 8, 3);
    g.operator(BuiltinOperator.PAD, new OperatorOptions.Pad(), new int[] {x, pads}, p);
    int w =
        g.constant(
            "conv/w", DataType.FLOAT32, Shape.of(4, 3, 3, 3), LiteBuffer.ofFloats(ramp(108)));
    int c = g.tensor("conv", DataType.FLOAT32, 1, 6, 6, 4);
    g.operator(
        BuiltinOperator.CONV_2D,
        new OperatorOptions.Conv2D(Padding.VALID, 1, 1, 1, 1, Activation.RELU),
        new int[] {p, w, LiteOperator.OMITTED},
        c);
    int m = g.tensor("max", DataType.FLOAT32, 1, 3, 3, 4);
    g.operator(
        BuiltinOperator.MAX_POOL_2D,
        new OperatorOptions.Pool2D(Padding.VALID, 2, 2, 2, 2, Activation.NONE),
        new int[] {c},
        m);
    int a = g.tensor("avg", DataType.FLOAT32, 1, 2, 2, 4);
    g.operator(
        BuiltinOperator.AVERAGE_POOL_2D,
        new OperatorOptions.Pool2D(Padding.VALID, 1, 1, 2, 2, Activation.NONE),
        new int[] {m},
        a);
    int dw =
        g.constant("dw/w", DataType.FLOAT32, Shape.of(1, 3, 3, 4), LiteBuffer.ofFloats(ramp(36)));
    int d = g.tensor("dw", DataType.FLOAT32, 1, 3, 3, 4);
    g.operator(
        BuiltinOperator.DEPTHWISE_CONV_2D,
        new OperatorOptions.DepthwiseConv2D(Padding.SAME, 1, 1, 1, 1, 1, Activation.RELU6),
        new int[] {m, dw, LiteOperator.OMITTED},
        d);
    int axes = g.constant("axes", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(1, 2));
    int mn = g.tensor("mean", DataType.FLOAT32, 1, 4);
    g.operator(BuiltinOperator.MEAN, new OperatorOptions.Reducer(false), new int[] {d, axes}, mn);
    int shape = g.constant("shape", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(1, 16));
    int r = g.tensor("reshape", DataType.FLOAT32, 1, 16);
    g.operator(
        BuiltinOperator.RESHAPE,
        new OperatorOptions.Reshape(List.of(1, 16)),
        new int[] {a, shape},
        r);
    int fw = g.constant("fc/w", DataType.FLOAT32, Shape.of(4, 16), LiteBuffer.ofFloats(ramp(64)));
    int f = g.tensor("fc", DataType.FLOAT32, 1, 4);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {r, fw, LiteOperator.OMITTED},
        f);
    int s = g.tensor("add", DataType.FLOAT32, 1, 4);
    g.operator(BuiltinOperator.ADD, new OperatorOptions.Add(Activation.NONE), new int[] {f, mn}, s);
    int u = g.tensor("mul", DataType.FLOAT32, 1, 4);
    g.operator(BuiltinOperator.MUL, new OperatorOptions.Mul(Activation.NONE), new int[] {s, f}, u);
    int cat = g.tensor("concat", DataType.FLOAT32, 1, 8);
    g.operator(
        BuiltinOperator.CONCATENATION,
        new OperatorOptions.Concatenation(-1, Activation.NONE),
        new int[] {u, mn},
        cat);
    int l = g.tensor("leaky", DataType.FLOAT32, 1, 8);
    g.operator(
        BuiltinOperator.LEAKY_RELU, new OperatorOptions.LeakyRelu(0.125f), new int[] {cat}, l);
    int t = g.tensor("tanh", DataType.FLOAT32, 1, 8);
    g.operator(BuiltinOperator.TANH, new OperatorOptions.None(), new int[] {l}, t);
    int sm = g.tensor("softmax", DataType.FLOAT32, 1, 8);
    g.operator(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(1f), new int[] {t}, sm);
    int axis = g.constant("axis", DataType.INT32, Shape.of(1), LiteBuffer.ofInts(1));
    int am = g.tensor("argmax", DataType.INT32, 1);
    g.operator(
        BuiltinOperator.ARG_MAX,
        new OperatorOptions.ArgMax(DataType.INT32),
        new int[] {sm, axis},
        am);
    int q = g.tensor("q", DataType.INT8, QuantParams.perTensor(1 / 256f, -128), 1, 8);
    g.operator(BuiltinOperator.QUANTIZE, new OperatorOptions.Quantize(), new int[] {sm}, q);
    int lq = g.tensor("logistic_q", DataType.INT8, QuantParams.perTensor(1 / 256f, -128), 1, 8);
    g.operator(BuiltinOperator.LOGISTIC, new OperatorOptions.None(), new int[] {q}, lq);
    int dq = g.tensor("dq", DataType.FLOAT32, 1, 8);
    g.operator(BuiltinOperator.DEQUANTIZE, new OperatorOptions.Dequantize(), new int[] {lq}, dq);
    int sq = g.tensor("squeeze", DataType.FLOAT32, 8);
    g.operator(
        BuiltinOperator.SQUEEZE, new OperatorOptions.Squeeze(List.of(0)), new int[] {dq}, sq);
    g.inputs(x).outputs(am, sq);
    return b.build();
  }
}
