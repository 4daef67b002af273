package io.edgeinfer.cli;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.TfliteWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** .tflite models the tests write themselves, so that they need nothing from ../shared. */
final class TinyModels {
  private TinyModels() {}

  /**
   * A colour classifier on 2 x 2 RGB images, float32 {@code [1, 2, 2, 3]} in (pixel - 127.5) /
   * 127.5 (no metadata: the pipeline's default): class 0 scores the red channel's sum, class 1 the
   * blue's, then SOFTMAX. A red image gives class 0 softmax(4, -4) = 0.99966466.
   */
  static Path colours(Path file) throws IOException {
    LiteModelBuilder builder = new LiteModelBuilder();
    LiteModelBuilder.Graph graph = builder.graph("main");
    int image = graph.tensor("image", DataType.FLOAT32, 1, 2, 2, 3);
    int flat = graph.tensor("flat", DataType.FLOAT32, 1, 12);
    graph.operator(
        BuiltinOperator.RESHAPE,
        new OperatorOptions.Reshape(java.util.List.of(1, 12)),
        new int[] {image},
        flat);
    float[] weights = new float[2 * 12];
    for (int pixel = 0; pixel < 4; pixel++) {
      weights[pixel * 3] = 1; // class 0: red
      weights[12 + pixel * 3 + 2] = 1; // class 1: blue
    }
    int w = graph.constant("w", DataType.FLOAT32, Shape.of(2, 12), LiteBuffer.ofFloats(weights));
    int b = graph.constant("b", DataType.FLOAT32, Shape.of(2), LiteBuffer.ofFloats(0, 0));
    int logits = graph.tensor("logits", DataType.FLOAT32, 1, 2);
    graph.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {flat, w, b},
        logits);
    int scores = graph.tensor("scores", DataType.FLOAT32, 1, 2);
    graph.operator(
        BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(1f), new int[] {logits}, scores);
    graph.inputs(image).outputs(scores);
    builder.signature("serving_default", graph, Map.of("image", image), Map.of("scores", scores));
    TfliteWriter.write(builder.build(), file);
    return file;
  }

  /** y = 2x + 1 on x float32 [-1, 1]: one fully-connected layer, signature serving_default. */
  static Path affine(Path file) throws IOException {
    LiteModelBuilder builder = new LiteModelBuilder();
    LiteModelBuilder.Graph graph = builder.graph("main");
    int x = graph.tensor("x", DataType.FLOAT32, -1, 1);
    int w = graph.constant("w", DataType.FLOAT32, Shape.of(1, 1), LiteBuffer.ofFloats(2));
    int b = graph.constant("b", DataType.FLOAT32, Shape.of(1), LiteBuffer.ofFloats(1));
    int y = graph.tensor("y", DataType.FLOAT32, -1, 1);
    graph.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {x, w, b},
        y);
    graph.inputs(x).outputs(y);
    builder.signature("serving_default", graph, Map.of("x", x), Map.of("y", y));
    TfliteWriter.write(builder.build(), file);
    return file;
  }
}
