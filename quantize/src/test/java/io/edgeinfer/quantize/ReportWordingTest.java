package io.edgeinfer.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.TfliteFile;
import io.edgeinfer.quantize.quant.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** The report says what happened: a file that grew, and int8 asked of a graph with no weights. */
class ReportWordingTest {
  @TempDir static Path dir;
  static Path model;
  static Path samples;

  @BeforeAll
  static void build() throws Exception {
    model = tiny(dir.resolve("tiny"));
    float[] rows = new float[30];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (i % 7) - 3;
    }
    samples = dir.resolve("x.npy");
    Files.write(samples, NpyCodec.write(Tensor.ofFloats(rows, 10, 3)));
  }

  /**
   * {@code serving_default}: y = x·W + B with W (3x2) a variable; {@code double}: z = 2x, no
   * weights at all.
   */
  private static Path tiny(Path out) throws Exception {
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x =
          tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
      Variable<TFloat32> w =
          tf.withInitScope()
              .withName("w")
              .variable(tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}}));
      Operand<TFloat32> y =
          tf.withName("y").math.add(tf.linalg.matMul(x, w), tf.constant(new float[] {0.5f, -1}));
      Operand<TFloat32> z = tf.withName("z").math.mul(x, tf.constant(2f));
      session.initialize();
      SavedModelBundle.exporter(out.toString())
          .withFunctions(
              SessionFunction.create(
                  Signature.builder()
                      .key(Signature.DEFAULT_KEY)
                      .input("x", x)
                      .output("y", y)
                      .build(),
                  session),
              SessionFunction.create(
                  Signature.builder().key("double").input("x", x).output("z", z).build(), session))
          .export();
    }
    return out;
  }

  private static QuantizeReport convert(String signature, Mode mode) throws Exception {
    return Quantizer.quantize(
        new QuantizeRequest(
            model,
            signature,
            mode,
            samples,
            10,
            100,
            false,
            false,
            null,
            null,
            dir.resolve(signature + "-" + mode.label() + ".tflite")));
  }

  @Test
  void aFileLargerThanTheVariablesSaysItGrew() throws Exception {
    QuantizeReport report = convert("serving_default", Mode.FLOAT32);
    // Six weights: the graph, names and signature outweigh them.
    assertTrue(report.tfliteBytes() > report.variablesBytes(), report.toText());
    String expected =
        String.format(
            java.util.Locale.ROOT,
            "%.2fx larger",
            (double) report.tfliteBytes() / report.variablesBytes());
    assertTrue(report.toText().contains(expected), report.toText());
    assertTrue(!report.toText().contains("smaller"), report.toText());
  }

  @Test
  void int8OfAGraphWithoutWeightsSaysItWroteFloat() throws Exception {
    QuantizeReport report = convert("double", Mode.INT8);
    assertEquals(1, report.notes().size(), report.toText());
    assertTrue(report.notes().get(0).contains("wrote a float32 file"), report.toText());
    assertTrue(report.toText().contains("note: mode int8 asked"), report.toText());
    LiteModel file = TfliteFile.open(Path.of(report.out()));
    assertTrue(
        file.mainSubgraph().tensors().stream().noneMatch(t -> t.type() == DataType.INT8),
        "no int8 tensor in the file");
    assertTrue(report.toJson().contains("\"notes\" : [ \"mode int8 asked"), report.toJson());
  }

  @Test
  void int8WithWeightsHasNoNote() throws Exception {
    assertEquals(List.of(), convert("serving_default", Mode.INT8).notes());
  }
}
