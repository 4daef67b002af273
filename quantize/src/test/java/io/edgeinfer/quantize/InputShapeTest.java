package io.edgeinfer.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.LiteEngine;
import io.edgeinfer.quantize.graph.ConversionException;
import io.edgeinfer.quantize.quant.Mode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** {@code quantize --input-shape}: inputs of unknown rank get the shape the user gives. */
class InputShapeTest {
  @TempDir static Path dir;
  static Path model;

  /** x of unknown rank → y = x·W + B, W = [[1, 2], [3, 4], [5, 6]], B = [0.5, -1]. */
  @BeforeAll
  static void build() throws Exception {
    model = dir.resolve("unknown-rank");
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class);
      Operand<TFloat32> w = tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}});
      Operand<TFloat32> y =
          tf.withName("y").math.add(tf.linalg.matMul(x, w), tf.constant(new float[] {0.5f, -1}));
      SavedModelBundle.exporter(model.toString())
          .withFunction(
              SessionFunction.create(
                  Signature.builder()
                      .key(Signature.DEFAULT_KEY)
                      .input("x", x)
                      .output("y", y)
                      .build(),
                  session))
          .export();
    }
  }

  private static QuantizeRequest request(Map<String, int[]> shapes, Path out) {
    return new QuantizeRequest(
        model,
        "serving_default",
        Mode.FLOAT32,
        null,
        10,
        100,
        false,
        false,
        null,
        null,
        out,
        shapes);
  }

  @Test
  void withoutAShapeItSaysWhichFlagGivesOne() {
    ConversionException e =
        assertThrows(
            ConversionException.class,
            () -> Quantizer.quantize(request(Map.of(), dir.resolve("none.tflite"))));
    assertEquals(
        "signature serving_default input x has unknown rank; expected a shape: give one with"
            + " --input-shape x=DIMS (e.g. 1,28,28)",
        e.getMessage());
  }

  @Test
  void withAShapeItConvertsAndAnswers() throws Exception {
    Path out = dir.resolve("shaped.tflite");
    Quantizer.quantize(request(Map.of("x", new int[] {-1, 3}), out));
    try (Model lite = new LiteEngine().load(out, LoadOptions.DEFAULTS);
        Predictor predictor = lite.predictor("serving_default")) {
      assertArrayEquals(new int[] {-1, 3}, predictor.signature().inputs().get(0).shape().dims());
      Tensor y =
          predictor
              .predict(Map.of("x", Tensor.ofFloats(new float[] {1, 0, 0, 1, 1, 1}, 2, 3)))
              .get("y");
      assertArrayEquals(new float[] {1.5f, 1f, 9.5f, 11f}, y.toFloatArray(), 1e-6f);
    }
  }

  @Test
  void aShapeForAnInputTheSignatureLacksIsRefused() {
    ConversionException e =
        assertThrows(
            ConversionException.class,
            () ->
                Quantizer.quantize(
                    request(Map.of("image", new int[] {1, 3}), dir.resolve("wrong.tflite"))));
    assertEquals(
        "--input-shape names input 'image': expected one of signature serving_default's inputs"
            + " [x]",
        e.getMessage());
  }
}
