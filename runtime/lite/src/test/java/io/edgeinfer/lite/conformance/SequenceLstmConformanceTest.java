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
 * states carried over in both runtimes; within 1e-5. The int8 form (int16 cell state, int32 biases,
 * per-tensor weight scales, a hidden state with a zero point) bit for bit.
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

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void int8LstmStreamsBitForBit(int seed) throws Exception {
    Random r = new Random(2700 + seed);
    int batch = 1 + r.nextInt(2);
    int steps = 1 + r.nextInt(5);
    int inputSize = 1 + r.nextInt(9);
    int units = 1 + r.nextInt(8);
    boolean timeMajor = seed % 2 == 0;
    float cellScale = seed % 3 == 0 ? 1f / 8192 : 1f / 2048; // 2^-13 or 2^-11
    float cellClip = seed > 3 ? 0.5f + 3 * r.nextFloat() : 0f;
    float inScale = 0.01f + 0.05f * r.nextFloat();
    float hiddenScale = 1f / 128 + 0.002f * r.nextFloat();
    int hiddenZero = r.nextInt(21) - 10;
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int[] shape =
        timeMajor ? new int[] {steps, batch, inputSize} : new int[] {batch, steps, inputSize};
    QuantParams qx = QuantParams.perTensor(inScale, r.nextInt(256) - 128);
    int x = g.tensor("x", DataType.INT8, qx, shape);
    int[] inputs = new int[24];
    Arrays.fill(inputs, LiteOperator.OMITTED);
    inputs[0] = x;
    for (int gate = 0; gate < 4; gate++) {
      float wxScale = 0.005f + 0.02f * r.nextFloat();
      float whScale = 0.005f + 0.02f * r.nextFloat();
      inputs[1 + gate] = int8Weights(g, r, "wx" + gate, units, inputSize, wxScale);
      inputs[5 + gate] = int8Weights(g, r, "wh" + gate, units, units, whScale);
      int[] bias = new int[units];
      for (int u = 0; u < units; u++) {
        bias[u] = r.nextInt(4001) - 2000;
      }
      inputs[12 + gate] =
          g.constant(
              "b" + gate,
              DataType.INT32,
              Shape.of(units),
              LiteBuffer.ofInts(bias),
              QuantParams.perTensor(inScale * wxScale, 0));
    }
    Shape s = Shape.of(batch, units);
    inputs[18] =
        g.tensor(
            new LiteTensor(
                "h", DataType.INT8, s, s, 0, QuantParams.perTensor(hiddenScale, hiddenZero), true));
    inputs[19] =
        g.tensor(
            new LiteTensor(
                "c", DataType.INT16, s, s, 0, QuantParams.perTensor(cellScale, 0), true));
    int[] out = shape.clone();
    out[2] = units;
    int y = g.tensor("y", DataType.INT8, QuantParams.perTensor(hiddenScale, hiddenZero), out);
    g.operator(
        BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM,
        new OperatorOptions.SequenceLstm(Activation.TANH, cellClip, 0f, timeMajor, false, false),
        inputs,
        y);
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of("x", x), Map.of("y", y));
    Path file = dir.resolve("lstm_int8_" + seed + ".tflite");
    TfliteWriter.write(b.build(), file);
    TflmOracle oracle = TflmOracle.require();
    assertTrue(OracleRuns.compareStreaming(oracle, file, 4, seed) > 0);
  }

  private static int int8Weights(
      LiteModelBuilder.Graph g, Random r, String name, int rows, int cols, float scale) {
    byte[] w = new byte[rows * cols];
    for (int i = 0; i < w.length; i++) {
      w[i] = (byte) (r.nextInt(255) - 127);
    }
    return g.constant(
        name,
        DataType.INT8,
        Shape.of(rows, cols),
        LiteBuffer.of(w),
        QuantParams.perTensor(scale, 0));
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
