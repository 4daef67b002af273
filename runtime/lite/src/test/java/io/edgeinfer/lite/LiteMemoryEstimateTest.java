package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.MemoryNeed;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.Padding;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.lite.kernels.KernelSelector;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The estimate's arena is what the planner really allocates, worked out without compiling. */
class LiteMemoryEstimateTest {

  /** x [-1, 8, 8, 3] -> 3x3 conv to 4 channels (VALID) -> [-1, 6, 6, 4]. */
  private static LiteModel conv() {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.FLOAT32, -1, 8, 8, 3);
    float[] filter = new float[4 * 3 * 3 * 3];
    for (int i = 0; i < filter.length; i++) {
      filter[i] = (i % 7) - 3;
    }
    int f = g.constant("f", DataType.FLOAT32, Shape.of(4, 3, 3, 3), LiteBuffer.ofFloats(filter));
    int bias = g.constant("b", DataType.FLOAT32, Shape.of(4), LiteBuffer.ofFloats(1, 2, 3, 4));
    int y = g.tensor("y", DataType.FLOAT32, -1, 6, 6, 4);
    g.operator(
        BuiltinOperator.CONV_2D,
        new OperatorOptions.Conv2D(Padding.VALID, 1, 1, 1, 1, Activation.RELU),
        new int[] {x, f, bias},
        y);
    g.inputs(x).outputs(y);
    return b.build();
  }

  /** The bytes of a real plan's arrays (constants aside) and scratch after one run. */
  private static long plannedBytes(LiteModel model, int[] inputShape) throws Exception {
    Program program = Program.compile(model, 0, KernelSelector.kernels());
    Plan plan = Plan.of(program, new int[][] {inputShape});
    plan.run(program);
    return plan.arenaBytes() + plan.scratch.bytes();
  }

  @Test
  void mlpArenaEqualsThePlansBuffersForAFullBatch() throws Exception {
    LiteModel model = TinyMlp.model();
    MemoryNeed need8 = LiteMemoryEstimate.of(model, 8);
    MemoryNeed need1 = LiteMemoryEstimate.of(model, 1);
    long planned8 = plannedBytes(model, new int[] {8, 2});
    long planned1 = plannedBytes(model, new int[] {1, 2});
    if (KernelSelector.kernels().name().equals("vector")) {
      // One accumulator row padded to 16 floats in the first slot, an upper bound for the rest.
      assertEquals(208 + 4 * (16 - 3), need8.arenaBytes());
      assertTrue(need8.arenaBytes() >= planned8, need8 + " < " + planned8);
      assertTrue(need1.arenaBytes() >= planned1, need1 + " < " + planned1);
    } else {
      // h 8x3 floats (96 bytes) overlaps both; x 8x2 is dead once h is computed, so y 8x1 takes
      // x's array (64 bytes); four accumulator rows of 3 floats = 48. One array each: 240.
      assertEquals(208, need8.arenaBytes());
      assertEquals(planned8, need8.arenaBytes());
      // Batch 1 uses one accumulator row of the four the estimate allows for.
      assertEquals(planned1 + 3 * 3 * 4, need1.arenaBytes());
    }
    // 13 floats mapped (52 bytes) and copied by the kernels (at most 52 more), the vector kernel's
    // padding of 3 and 1 outputs to 16 (13 x (2 inputs + bias), 15 x (3 inputs + bias) floats); the
    // loaded model's objects for 2 operators and 7 tensors (512 and 384 bytes each).
    assertEquals(104 + 4 * (13 * 3 + 15 * 4) + 2 * 512 + 7 * 384, need8.weightsBytes());
    assertEquals(LiteMemoryEstimate.RUNTIME_OVERHEAD_BYTES, need8.overheadBytes());
  }

  @Test
  void convArenaCountsTheKernelsScratch() throws Exception {
    LiteModel model = conv();
    for (int batch : new int[] {1, 5}) {
      long planned = plannedBytes(model, new int[] {batch, 8, 8, 3});
      long estimated = LiteMemoryEstimate.of(model, batch).arenaBytes();
      if (KernelSelector.kernels().name().equals("vector")) {
        // The Vector API convolutions' scratch is counted as an upper bound (lite-vector's run).
        assertTrue(estimated >= planned, "batch " + batch + ": " + estimated + " < " + planned);
      } else {
        assertEquals(planned, estimated, "batch " + batch);
      }
    }
  }

  @Test
  void countsThePaddingOfPackedConvolutionWeights() {
    LiteModel model = conv();
    // 4 output channels of 3x3x3 weights padded to 16 (12 more channels of 27 floats), and a bias
    // and nine 64-bit requantization constants for each of the 16.
    assertEquals(
        12 * 27 * 4 + 16 * (4 + 9 * 8),
        LiteMemoryEstimate.packedPaddingBytes(model, model.subgraphs().get(0)));
  }

  /** An int8 FULLY_CONNECTED, 3 outputs of 20 inputs, batch free. */
  private static LiteModel int8Dense() {
    LiteModelBuilder b = new LiteModelBuilder();
    LiteModelBuilder.Graph g = b.graph("main");
    int x = g.tensor("x", DataType.INT8, QuantParams.perTensor(0.5f, -1), -1, 20);
    byte[] weights = new byte[3 * 20];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (byte) (i % 11 - 5);
    }
    int w =
        g.constant(
            "w",
            DataType.INT8,
            Shape.of(3, 20),
            LiteBuffer.of(weights),
            QuantParams.perTensor(0.25f, 0));
    int y = g.tensor("y", DataType.INT8, QuantParams.perTensor(0.1f, -3), -1, 3);
    g.operator(
        BuiltinOperator.FULLY_CONNECTED,
        new OperatorOptions.FullyConnected(Activation.NONE),
        new int[] {x, w},
        y);
    g.inputs(x).outputs(y);
    return b.build();
  }

  @Test
  void countsThePaddingOfPackedInt8DenseWeights() {
    LiteModel model = int8Dense();
    // 3 outputs padded to 16 (13 more rows of 20 weights and a bias), nine 64-bit requantization
    // constants for each of the 16.
    assertEquals(
        4 * 13 * 21 + 16 * 9 * 8,
        LiteMemoryEstimate.packedPaddingBytes(model, model.subgraphs().get(0)));
  }

  @Test
  void int8DenseArenaCountsTheKernelsScratch() throws Exception {
    LiteModel model = int8Dense();
    for (int batch : new int[] {1, 3}) {
      long planned = plannedBytes(model, new int[] {batch, 20});
      long estimated = LiteMemoryEstimate.of(model, batch).arenaBytes();
      assertTrue(estimated >= planned, "batch " + batch + ": " + estimated + " < " + planned);
    }
  }

  @Test
  void eachHelperThreadAddsAConvolutionScratch() {
    // 3 input planes of 8x8, 27 patch rows and 4 accumulator rows of a 256-pixel tile, in floats.
    long scratch = 4 * (3 * 64 + 27 * 256 + 4 * 256);
    assertEquals(32_512, scratch);
    if (KernelSelector.kernels().name().equals("vector")) {
      // Each thread also keeps the Vector API convolutions' scratch.
      LiteModel model = conv();
      scratch += LiteMemoryEstimate.vectorConvScratchBytes(model, model.subgraphs().get(0));
    }
    assertEquals(
        scratch,
        LiteMemoryEstimate.of(conv(), 1, 2).arenaBytes()
            - LiteMemoryEstimate.of(conv(), 1, 1).arenaBytes());
  }

  @Test
  void theEngineEstimatesAFileWithoutLoadingIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("conv.tflite");
    TfliteWriter.write(conv(), file);
    MemoryNeed need = Engines.estimate(file, null, LoadOptions.DEFAULTS, 4);
    assertEquals(LiteMemoryEstimate.of(conv(), 4), need);
    assertTrue(need.totalMb() >= 96, need.toString());
    assertThrows(
        IllegalArgumentException.class,
        () -> Engines.estimate(file, "lite", LoadOptions.DEFAULTS, 0));
  }
}
