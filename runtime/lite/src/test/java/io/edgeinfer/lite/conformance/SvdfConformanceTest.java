package io.edgeinfer.lite.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SVDF against TensorFlow Lite Micro: seeded one-op models (odd ranks, filters, memories, batches)
 * fed a stream of inputs, the state carried from one inference to the next in both runtimes; int8
 * (int16 state) bit for bit, float32 within 1e-5.
 */
class SvdfConformanceTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void int8WithInt16StateStreams(int seed) throws Exception {
    check(seed, true);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2})
  void float32Streams(int seed) throws Exception {
    check(seed, false);
  }

  private void check(int seed, boolean quantized) throws Exception {
    Random r = new Random(1600 + seed);
    int batch = 1 + r.nextInt(2);
    int inputSize = 1 + r.nextInt(12);
    int rank = 1 + r.nextInt(2);
    int units = 1 + r.nextInt(5);
    int filters = units * rank;
    int memory = 1 + r.nextInt(6);
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x;
    int feature;
    int time;
    int bias;
    int state;
    int y;
    Activation activation = quantized ? Activation.NONE : Activation.RELU;
    if (quantized) {
      float inScale = 0.02f + r.nextFloat() * 0.1f;
      float featureScale = 0.005f + r.nextFloat() * 0.02f;
      float stateScale = 0.002f + r.nextFloat() * 0.01f;
      float timeScale = 1e-5f + r.nextFloat() * 1e-4f;
      x =
          g.tensor(
              "x",
              DataType.INT8,
              QuantParams.perTensor(inScale, r.nextInt(256) - 128),
              batch,
              inputSize);
      feature =
          g.constant(
              "feature",
              DataType.INT8,
              Shape.of(filters, inputSize),
              LiteBuffer.of(bytes(r, filters * inputSize)),
              QuantParams.perTensor(featureScale, 0));
      time =
          g.constant(
              "time",
              DataType.INT16,
              Shape.of(filters, memory),
              LiteBuffer.of(shorts(r, filters * memory)),
              QuantParams.perTensor(timeScale, 0));
      int[] biases = new int[units];
      for (int i = 0; i < units; i++) {
        biases[i] = r.nextInt(200001) - 100000;
      }
      bias =
          g.constant(
              "bias",
              DataType.INT32,
              Shape.of(units),
              LiteBuffer.ofInts(biases),
              QuantParams.perTensor(stateScale * timeScale, 0));
      state =
          g.tensor(
              new LiteTensor(
                  "state",
                  DataType.INT16,
                  Shape.of(batch, filters * memory),
                  Shape.of(batch, filters * memory),
                  0,
                  QuantParams.perTensor(stateScale, 0),
                  true));
      y =
          g.tensor(
              "y",
              DataType.INT8,
              QuantParams.perTensor(0.01f + r.nextFloat() * 0.1f, r.nextInt(256) - 128),
              batch,
              units);
    } else {
      x = g.tensor("x", DataType.FLOAT32, batch, inputSize);
      feature =
          g.constant(
              "feature",
              DataType.FLOAT32,
              Shape.of(filters, inputSize),
              LiteBuffer.ofFloats(floats(r, filters * inputSize)));
      time =
          g.constant(
              "time",
              DataType.FLOAT32,
              Shape.of(filters, memory),
              LiteBuffer.ofFloats(floats(r, filters * memory)));
      bias =
          g.constant(
              "bias", DataType.FLOAT32, Shape.of(units), LiteBuffer.ofFloats(floats(r, units)));
      state =
          g.tensor(
              new LiteTensor(
                  "state",
                  DataType.FLOAT32,
                  Shape.of(batch, filters * memory),
                  Shape.of(batch, filters * memory),
                  0,
                  QuantParams.NONE,
                  true));
      y = g.tensor("y", DataType.FLOAT32, batch, units);
    }
    g.operator(
        BuiltinOperator.SVDF,
        new OperatorOptions.Svdf(rank, activation, false),
        new int[] {x, feature, time, bias, state},
        y);
    g.inputs(x).outputs(y);
    b.signature("serving_default", g, Map.of("x", x), Map.of("y", y));
    String name = "svdf_" + (quantized ? "int8_" : "float_") + seed;
    Path file = dir.resolve(name + ".tflite");
    TfliteWriter.write(b.build(), file);
    TflmOracle oracle = TflmOracle.require();
    assertTrue(OracleRuns.compareStreaming(oracle, file, 2 + memory, name.hashCode()) > 0, name);
  }

  private static float[] floats(Random r, int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) r.nextGaussian() * 0.5f;
    }
    return f;
  }

  private static byte[] bytes(Random r, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (r.nextInt(255) - 127);
    }
    return b;
  }

  private static byte[] shorts(Random r, int n) {
    ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      b.putShort((short) (r.nextInt(20001) - 10000));
    }
    return b.array();
  }
}
