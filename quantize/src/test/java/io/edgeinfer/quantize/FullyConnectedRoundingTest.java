package io.edgeinfer.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.conformance.TensorFlowLite;
import io.edgeinfer.lite.conformance.TflmOracle;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.LiteOpCode;
import io.edgeinfer.lite.format.OpVersions;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.lite.kernels.Quantization;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why TensorFlow Lite 2.6.2 and the reference kernels give int8 files different answers, shown on
 * the smallest file that has it: one int8 FULLY_CONNECTED (per-tensor weights, int32 bias, as
 * TFLite's quantization spec has it). From the same int32 sums, the reference kernels (the oracle)
 * apply the output multiplier with two roundings (a rounding doubling high multiply, then a
 * rounding shift), TFLite 2.6.2 (ruy) with one: each runtime is matched bit for bit by its own
 * rounding, and the two differ by one step wherever the first rounding crosses a half. No operator
 * version changes it: 2.6.2 runs one kernel for versions 1 to 9.
 */
class FullyConnectedRoundingTest {
  private static final int ROWS = 2000;
  private static final int IN = 64;
  private static final int UNITS = 16;

  @TempDir Path dir;

  /** A seeded layer: its file, its int8 inputs and the exact int32 sums of every output. */
  private record Layer(
      LiteModel model, byte[] inputs, int[] sums, Quantization.Multiplier m, int zp) {}

  private static Layer layer(long seed) {
    Random random = new Random(seed);
    float inScale = 0.02f + random.nextFloat() * 0.1f;
    int inZero = random.nextInt(200) - 100;
    float[] w = new float[UNITS * IN];
    float maxW = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) random.nextGaussian() * 0.2f;
      maxW = Math.max(maxW, Math.abs(w[i]));
    }
    float wScale = maxW / 127;
    byte[] weights = new byte[w.length];
    for (int i = 0; i < w.length; i++) {
      weights[i] = (byte) Math.round(w[i] / wScale);
    }
    int[] bias = new int[UNITS];
    for (int u = 0; u < UNITS; u++) {
      bias[u] = random.nextInt(2000) - 1000;
    }
    byte[] x = new byte[ROWS * IN];
    random.nextBytes(x);
    int[] sums = new int[ROWS * UNITS];
    int low = Integer.MAX_VALUE;
    int high = Integer.MIN_VALUE;
    for (int r = 0; r < ROWS; r++) {
      for (int u = 0; u < UNITS; u++) {
        int sum = bias[u];
        for (int i = 0; i < IN; i++) {
          sum += (x[r * IN + i] - inZero) * weights[u * IN + i];
        }
        sums[r * UNITS + u] = sum;
        low = Math.min(low, sum);
        high = Math.max(high, sum);
      }
    }
    // The output's range is the sums' range, as calibration would find it.
    float outScale = (float) ((high - low) * (double) inScale * wScale / 255.0);
    int outZero = (int) Math.round(-128 - low * (double) inScale * wScale / outScale);
    LiteModelBuilder builder = new LiteModelBuilder();
    LiteModelBuilder.Graph g = builder.graph("main");
    int input = g.tensor("x", DataType.INT8, QuantParams.perTensor(inScale, inZero), 1, IN);
    int filter =
        g.constant(
            "w",
            DataType.INT8,
            Shape.of(UNITS, IN),
            LiteBuffer.of(weights),
            QuantParams.perTensor(wScale, 0));
    int biasTensor =
        g.constant(
            "b",
            DataType.INT32,
            Shape.of(UNITS),
            LiteBuffer.ofInts(bias),
            QuantParams.perTensor(inScale * wScale, 0));
    int output = g.tensor("y", DataType.INT8, QuantParams.perTensor(outScale, outZero), 1, UNITS);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {input, filter, biasTensor},
        output);
    g.inputs(input).outputs(output);
    Quantization.Multiplier m =
        Quantization.quantizeMultiplier((double) (inScale * wScale) / outScale);
    return new Layer(OpVersions.apply(builder.build()), x, sums, m, outZero);
  }

  /** The reference's two roundings (what the lite engine and TFLite Micro do). */
  private static byte[] twoRoundings(Layer layer) {
    byte[] out = new byte[layer.sums().length];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          clamp(
              Quantization.multiplyByQuantizedMultiplier(layer.sums()[i], layer.m()) + layer.zp());
    }
    return out;
  }

  /** One rounding of the 64-bit product, ties upward (ruy's). */
  private static byte[] oneRounding(Layer layer) {
    byte[] out = new byte[layer.sums().length];
    int shift = 31 - layer.m().shift();
    for (int i = 0; i < out.length; i++) {
      long product = (long) layer.sums()[i] * layer.m().multiplier();
      out[i] = clamp((int) ((product + (1L << (shift - 1))) >> shift) + layer.zp());
    }
    return out;
  }

  private static byte clamp(int v) {
    return (byte) Math.max(-128, Math.min(127, v));
  }

  @Test
  void eachRuntimeIsItsOwnRoundingBitForBit() throws Exception {
    TensorFlowLite.require();
    TflmOracle oracle = TflmOracle.require();
    int differing = 0;
    for (long seed = 1; seed <= 4; seed++) {
      Layer layer = layer(seed);
      Path file = dir.resolve("fc" + seed + ".tflite");
      TfliteWriter.write(layer.model(), file);
      byte[] reference = oracle.run(file, layer.inputs()).outputs();
      byte[] tflite = TensorFlowLite.run(file, layer.inputs(), new int[] {ROWS, IN})[0];
      byte[] two = twoRoundings(layer);
      byte[] one = oneRounding(layer);
      assertArrayEquals(two, reference, "seed " + seed + ": the oracle rounds twice");
      assertArrayEquals(one, tflite, "seed " + seed + ": TFLite 2.6.2 rounds once");
      int here = 0;
      for (int i = 0; i < two.length; i++) {
        assertTrue(Math.abs(two[i] - one[i]) <= 1, "seed " + seed + " value " + i);
        here += two[i] != one[i] ? 1 : 0;
      }
      System.out.printf(
          "FULLY_CONNECTED seed %d (multiplier %d, shift %d): TFLite 2.6.2 one step from the"
              + " reference on %d of %d values%n",
          seed, layer.m().multiplier(), layer.m().shift(), here, two.length);
      differing += here;
    }
    assertTrue(differing > 0, "expected the two roundings to differ somewhere");
  }

  @Test
  void theOperatorVersionDoesNotChooseAnotherKernel() throws Exception {
    TensorFlowLite.require();
    Layer layer = layer(2);
    Path declared = dir.resolve("fc.tflite");
    TfliteWriter.write(layer.model(), declared);
    byte[] asWritten = TensorFlowLite.run(declared, layer.inputs(), new int[] {ROWS, IN})[0];
    for (int version = 1; version <= 9; version++) {
      LiteModel model = layer.model();
      Path file = dir.resolve("fc-v" + version + ".tflite");
      TfliteWriter.write(
          new LiteModel(
              model.version(),
              model.description(),
              List.of(LiteOpCode.of(BuiltinOperator.FULLY_CONNECTED, version)),
              model.subgraphs(),
              model.buffers(),
              List.of(),
              List.of()),
          file);
      byte[] out = TensorFlowLite.run(file, layer.inputs(), new int[] {ROWS, IN})[0];
      assertArrayEquals(asWritten, out, "version " + version);
    }
  }
}
