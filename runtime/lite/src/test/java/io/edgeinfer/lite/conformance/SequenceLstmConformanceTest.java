package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Float32 UNIDIRECTIONAL_SEQUENCE_LSTM against TensorFlow Lite Micro: seeded one-op models (odd
 * sizes, batch- or time-major, with and without a cell clip) fed a stream, the hidden and cell
 * states carried over in both runtimes; within 1e-5.
 */
class SequenceLstmConformanceTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void float32LstmStreams(int seed) throws Exception {
    Random r = new Random(1700 + seed);
    int batch = 1 + r.nextInt(2);
    int steps = 1 + r.nextInt(5);
    int inputSize = 1 + r.nextInt(7);
    int units = 1 + r.nextInt(6);
    boolean timeMajor = seed % 2 == 0;
    float cellClip = seed > 2 ? 0.5f + r.nextFloat() : 0f;
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int[] shape =
        timeMajor ? new int[] {steps, batch, inputSize} : new int[] {batch, steps, inputSize};
    int x = g.tensor("x", DataType.FLOAT32, shape);
    int[] inputs = new int[24];
    Arrays.fill(inputs, LiteOperator.OMITTED);
    inputs[0] = x;
    for (int gate = 0; gate < 4; gate++) {
      inputs[1 + gate] = weights(g, r, "wx" + gate, units, inputSize);
      inputs[5 + gate] = weights(g, r, "wh" + gate, units, units);
      inputs[12 + gate] =
          g.constant(
              "b" + gate, DataType.FLOAT32, Shape.of(units), LiteBuffer.ofFloats(values(r, units)));
    }
    inputs[18] = g.tensor(state("h", batch, units));
    inputs[19] = g.tensor(state("c", batch, units));
    int[] out = shape.clone();
    out[2] = units;
    int y = g.tensor("y", DataType.FLOAT32, out);
    g.operator(
        BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM,
        new OperatorOptions.SequenceLstm(Activation.TANH, cellClip, 0f, timeMajor, false, false),
        inputs,
        y);
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of("x", x), Map.of("y", y));
    Path file = dir.resolve("lstm" + seed + ".tflite");
    TfliteWriter.write(b.build(), file);
    TflmOracle oracle = TflmOracle.require();
    assertTrue(OracleRuns.compareStreaming(oracle, file, 3, seed) > 0);
  }

  private static int weights(LiteModelBuilder.Graph g, Random r, String name, int rows, int cols) {
    return g.constant(
        name, DataType.FLOAT32, Shape.of(rows, cols), LiteBuffer.ofFloats(values(r, rows * cols)));
  }

  private static LiteTensor state(String name, int batch, int units) {
    Shape s = Shape.of(batch, units);
    return new LiteTensor(name, DataType.FLOAT32, s, s, 0, QuantParams.NONE, true);
  }

  private static float[] values(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian() * 0.6f;
    }
    return v;
  }
}
