package io.edgeinfer.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OpVersions;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.quantize.reference.Runtimes;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The int8 softmax our files end with (output scale 1/256, zero point -128), on seeded logits at
 * the input scales our files have (0.007 to 0.3): the lite engine computes it as TensorFlow Lite's
 * reference kernels and TensorFlow Lite Micro do (in fixed point), bit for bit; TensorFlow Lite
 * 2.6.2's optimized kernel (a float exp table) puts a rare value on a rounding edge one step away.
 */
class Int8SoftmaxInThreeRuntimesTest {
  private static final int CLASSES = 10;
  private static final int ROWS = 3000;

  @TempDir Path dir;

  /** QUANTIZE, SOFTMAX, DEQUANTIZE: float logits in, probabilities out. */
  private Path softmax(float inputScale) throws Exception {
    LiteModelBuilder builder = new LiteModelBuilder();
    LiteModelBuilder.Graph g = builder.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, 1, CLASSES);
    int q = g.tensor("q", DataType.INT8, QuantParams.perTensor(inputScale, -6), 1, CLASSES);
    int p = g.tensor("p", DataType.INT8, QuantParams.perTensor(1 / 256f, -128), 1, CLASSES);
    int y = g.tensor("y", DataType.FLOAT32, 1, CLASSES);
    g.operator(BuiltinOperator.QUANTIZE, new OperatorOptions.Quantize(), new int[] {x}, q);
    g.operator(BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(1f), new int[] {q}, p);
    g.operator(BuiltinOperator.DEQUANTIZE, new OperatorOptions.Dequantize(), new int[] {p}, y);
    g.inputs(x).outputs(y);
    builder.signature("serving_default", g, Map.of("x", x), Map.of("y", y));
    Path file = dir.resolve("softmax-" + inputScale + ".tflite");
    TfliteWriter.write(OpVersions.apply(builder.build()), file);
    return file;
  }

  @Test
  void liteEngineAndMicroAgreeBitForBitTensorFlowLiteWithinOneStep() throws Exception {
    int tfliteOff = 0;
    for (float scale : new float[] {0.0073f, 0.02f, 0.0993f, 0.3f}) {
      Path file = softmax(scale);
      Random random = new Random(5);
      float[][] logits = new float[ROWS][CLASSES];
      for (float[] row : logits) {
        for (int c = 0; c < CLASSES; c++) {
          row[c] = (random.nextInt(256) - 122) * scale; // every int8 value, exactly
        }
      }
      int[] example = {CLASSES};
      float[] lite = Runtimes.lite(file, logits, example, "y");
      float[] tflite = Runtimes.tensorFlowLite(file, logits, example, "y");
      float[] micro = Runtimes.micro(file, logits);
      assertArrayEquals(micro, lite, "input scale " + scale);
      int off = 0;
      for (int i = 0; i < lite.length; i++) {
        assertTrue(Math.abs(lite[i] - tflite[i]) <= 1 / 256f + 1e-7, "value " + i);
        off += lite[i] != tflite[i] ? 1 : 0;
      }
      System.out.printf(
          "int8 SOFTMAX, input scale %.4f: lite engine = TFLM on all %d values; TFLite 2.6.2 one"
              + " step away on %d%n",
          scale, lite.length, off);
      tfliteOff += off;
    }
    assertTrue(
        tfliteOff < ROWS, "expected TFLite 2.6.2's rare differences only, found " + tfliteOff);
  }
}
