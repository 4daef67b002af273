package io.edgeinfer.examples.camera;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.TfliteWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The smallest image classifier that still answers from a photo: which of red, green and blue
 * dominates it. {@code image} float32 [1, 64, 64, 3] → mean over the pixels → fully connected →
 * softmax {@code scores} [1, 3]. The weights are set, not learnt ({@value #GAIN} on the diagonal):
 * with the input normalized to [-1, 1] (or [0, 1]) a colour that covers most of the picture scores
 * above 0.9. A stand-in for a real model such as the zoo's SSD MobileNet, small enough to make at
 * build time.
 */
public final class ColourModel {
  static final List<String> LABELS = List.of("red", "green", "blue");
  static final int SIZE = 64;
  private static final float GAIN = 10f;

  private ColourModel() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ColourModel OUTPUT.tflite");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    TfliteWriter.write(build(), out);
    Files.writeString(out.resolveSibling("colours.labels.txt"), String.join("\n", LABELS) + "\n");
  }

  static io.edgeinfer.lite.format.LiteModel build() {
    LiteModelBuilder model = new LiteModelBuilder().description("edgeinfer camera example");
    LiteModelBuilder.Graph g = model.graph("main");
    int image = g.tensor("image", DataType.FLOAT32, 1, SIZE, SIZE, 3);
    int axes = g.constant("axes", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(1, 2));
    int mean = g.tensor("mean_colour", DataType.FLOAT32, 1, 3);
    g.operator(
        BuiltinOperator.MEAN, new OperatorOptions.Reducer(false), new int[] {image, axes}, mean);
    float[] weights = new float[9];
    for (int i = 0; i < 3; i++) {
      weights[i * 3 + i] = GAIN;
    }
    int w = g.constant("weights", DataType.FLOAT32, Shape.of(3, 3), LiteBuffer.ofFloats(weights));
    int b = g.constant("bias", DataType.FLOAT32, Shape.of(3), LiteBuffer.ofFloats(0, 0, 0));
    int logits = g.tensor("logits", DataType.FLOAT32, 1, 3);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {mean, w, b},
        logits);
    int scores = g.tensor("scores", DataType.FLOAT32, 1, 3);
    g.operator(
        BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(1f), new int[] {logits}, scores);
    g.inputs(image).outputs(scores);
    model.signature("serving_default", g, Map.of("image", image), Map.of("scores", scores));
    return model.build();
  }
}
