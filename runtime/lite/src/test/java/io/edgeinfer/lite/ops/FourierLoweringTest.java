package io.edgeinfer.lite.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFFT2D and COMPLEX_ABS on numbers worked by hand. */
class FourierLoweringTest {
  @TempDir Path dir;

  /**
   * x = [[1, 2, 3, 4], [0, 0, 0, 0]]: each row's DFT is [10, -2+2i, -2, -2-2i] and [0, 0, 0, 0];
   * down the columns (length 2) both rows become the first one's, keeping bins 0..2.
   */
  @Test
  void rfft2dAndItsMagnitude() throws Exception {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 2, 4);
    int length = g.constant("fft_length", DataType.INT32, Shape.of(2), LiteBuffer.ofInts(2, 4));
    int spectrum = g.tensor("spectrum", DataType.COMPLEX64, 2, 3);
    int magnitude = g.tensor("magnitude", DataType.FLOAT32, 2, 3);
    g.operator(BuiltinOperator.RFFT2D, new OperatorOptions.None(), new int[] {x, length}, spectrum);
    g.operator(
        BuiltinOperator.COMPLEX_ABS, new OperatorOptions.None(), new int[] {spectrum}, magnitude);
    g.inputs(x).outputs(spectrum, magnitude);
    b.signature(
        "serving_default", g, Map.of("x", x), Map.of("spectrum", spectrum, "magnitude", magnitude));
    Path file = dir.resolve("fft.tflite");
    TfliteWriter.write(b.build(), file);
    try (Model model = Engines.load(file, LoadOptions.DEFAULTS);
        Predictor p = model.predictor()) {
      Map<String, Tensor> out =
          p.predict(Map.of("x", Tensor.ofFloats(new float[] {1, 2, 3, 4, 0, 0, 0, 0}, 2, 4)));
      float s = (float) Math.sqrt(8);
      assertArrayEquals(
          new float[] {10, s, 2, 10, s, 2}, out.get("magnitude").toFloatArray(), 1e-6f);
      Tensor complex = out.get("spectrum");
      assertEquals(DataType.COMPLEX64, complex.dataType());
      float[] pairs = new float[12];
      complex.data().duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(pairs);
      assertArrayEquals(new float[] {10, 0, -2, 2, -2, 0, 10, 0, -2, 2, -2, 0}, pairs, 1e-6f);
    }
  }
}
