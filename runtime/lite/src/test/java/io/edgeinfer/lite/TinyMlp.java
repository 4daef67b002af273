package io.edgeinfer.lite;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import java.util.Map;

/** A two-layer float MLP the tests can check by hand. */
final class TinyMlp {
  private TinyMlp() {}

  /**
   * x [-1, 2] -> FULLY_CONNECTED 3 (relu) -> FULLY_CONNECTED 1 -> y: 13 float weights and biases,
   * graph tensors named as TensorFlow's converter names them (serving_x:0, Identity:0), signature
   * names x and y.
   */
  static LiteModel model() {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("serving_x:0", DataType.FLOAT32, -1, 2);
    int w1 =
        g.constant(
            "w1", DataType.FLOAT32, Shape.of(3, 2), LiteBuffer.ofFloats(1, 2, -1, 1, 0.5f, -2));
    int b1 = g.constant("b1", DataType.FLOAT32, Shape.of(3), LiteBuffer.ofFloats(0, 1, -0.5f));
    int h = g.tensor("h", DataType.FLOAT32, -1, 3);
    int w2 = g.constant("w2", DataType.FLOAT32, Shape.of(1, 3), LiteBuffer.ofFloats(1, -1, 2));
    int b2 = g.constant("b2", DataType.FLOAT32, Shape.of(1), LiteBuffer.ofFloats(0.25f));
    int y = g.tensor("Identity:0", DataType.FLOAT32, -1, 1);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.RELU),
        new int[] {x, w1, b1},
        h);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {h, w2, b2},
        y);
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of("x", x), Map.of("y", y));
    return b.build();
  }
}
