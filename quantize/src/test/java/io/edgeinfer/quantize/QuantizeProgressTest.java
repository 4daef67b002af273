package io.edgeinfer.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.codec.NpyCodec;
import io.edgeinfer.quantize.quant.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.tensorflow.types.TFloat32;

/** Calibration and the comparison with TensorFlow say how many samples they have done. */
class QuantizeProgressTest {
  @TempDir Path dir;

  @Test
  void eachBatchOfSamplesIsReported() throws Exception {
    Path model = dir.resolve("affine");
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x =
          tf.withName("x")
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, 3)));
      Operand<TFloat32> y =
          tf.withName("y")
              .math
              .add(
                  tf.linalg.matMul(x, tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}})),
                  tf.constant(new float[] {0.5f, -1}));
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
    float[] values = new float[70 * 3];
    for (int i = 0; i < values.length; i++) {
      values[i] = (i % 17) / 17f - 0.5f;
    }
    Path samples = dir.resolve("samples.npy");
    Files.write(samples, NpyCodec.write(Tensor.ofFloats(values, 70, 3)));
    List<String> calls = new ArrayList<>();
    Quantizer.quantize(
        QuantizeRequest.of(model, Mode.INT8, samples, dir.resolve("int8.tflite")),
        (stage, done, total) -> calls.add(stage + " " + done + "/" + total));
    // Calibration runs batches of 32; the comparison's batches end at 70 too.
    assertEquals(
        List.of("calibrating 32/70", "calibrating 64/70", "calibrating 70/70"),
        calls.stream().filter(c -> c.startsWith("calibrating")).toList());
    assertEquals("comparing with TensorFlow 70/70", calls.get(calls.size() - 1));
  }
}
