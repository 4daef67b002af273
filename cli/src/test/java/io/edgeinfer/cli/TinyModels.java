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
