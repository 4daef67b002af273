package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector int8 FULLY_CONNECTED gives the reference kernel's bits, and the plain kernels', on
 * random layers (1-1300 inputs and outputs, batches 1-3, symmetric int8 weights and asymmetric ones
 * as uint8 models hold them, per-tensor and per-channel scales, every activation, a bias or none,
 * sums in one exact float chunk and in several); split at random it gives a whole run's bits. With
 * 128-bit vectors (the second run, -XX:MaxVectorSize=16) the plain kernels run instead.
 */
class VectorFullyConnectedInt8Test {
  private static final Activation[] ACTIVATIONS = Activation.values();
  private final Random rnd = new Random(29);
  private final Kernels reference = new ReferenceKernels();
  private final Kernels fast = new FastKernels();
  private final Kernels vector = new VectorKernels();

  private record Layer(
      int outputs,
      int inputs,
      int batch,
      byte[] weights,
      int weightZeroPoint,
      float[] scales,
      int[] bias,
      Quant in,
      Quant out,
      Activation activation) {
    UnaryOp<byte[], byte[]> build(Kernels kernels) {
      return kernels.fullyConnected(
          ByteBuffer.wrap(weights),
          weightZeroPoint,
          outputs,
          inputs,
          scales,
          bias,
          in,
          out,
          activation);
    }

    String what() {
      return outputs
          + " outputs, "
          + inputs
          + " inputs, batch "
          + batch
          + ", weight zero point "
          + weightZeroPoint
          + ", "
          + scales.length
          + " scales, "
          + activation
          + (bias == null ? ", no bias" : "");
    }
  }

  private int size() {
    return 1 + rnd.nextInt(rnd.nextBoolean() ? 40 : 1300);
  }

  private Layer randomLayer() {
    int outputs = size();
    int inputs = size();
    int batch = 1 + rnd.nextInt(3);
    // Symmetric int8, or asymmetric (uint8 held as int8: zero point shifted by -128), sometimes
    // with weights far from it (differences past a byte's range).
    int weightZeroPoint = rnd.nextInt(3) == 0 ? rnd.nextInt(256) - 128 : 0;
    // Small weights (a trained classifier's: one float chunk) or the whole range (several).
    int amplitude = rnd.nextBoolean() ? 1 + rnd.nextInt(20) : 127;
    byte[] weights = new byte[outputs * inputs];
    for (int i = 0; i < weights.length; i++) {
      int v =
          amplitude == 127
              ? rnd.nextInt(256) - 128
              : weightZeroPoint + rnd.nextInt(2 * amplitude + 1) - amplitude;
      weights[i] = (byte) Math.max(-128, Math.min(127, v));
    }
    float[] scales = new float[rnd.nextBoolean() ? 1 : outputs];
    for (int i = 0; i < scales.length; i++) {
      scales[i] = 0.002f + rnd.nextFloat() * 0.01f;
    }
    int[] bias = null;
    if (rnd.nextInt(4) != 0) {
      bias = new int[outputs];
      for (int i = 0; i < outputs; i++) {
        bias[i] = rnd.nextInt(40_001) - 20_000;
      }
    }
    Quant in = new Quant(0.02f, rnd.nextInt(256) - 128);
    // Sums of random products spread over the int8 range.
    double spread = 75 * Math.min(amplitude, 75) * Math.sqrt(inputs) / 40;
    Quant out = new Quant((float) (in.scale() * scales[0] * spread), rnd.nextInt(41) - 20);
    Activation act = ACTIVATIONS[rnd.nextInt(ACTIVATIONS.length)];
    return new Layer(outputs, inputs, batch, weights, weightZeroPoint, scales, bias, in, out, act);
  }

  private byte[] input(Layer l) {
    byte[] x = new byte[l.batch * l.inputs];
    rnd.nextBytes(x);
    return x;
  }

  @Test
  void givesTheReferenceAndPlainKernelsBits() {
    int oneChunk = 0;
    int chunked = 0;
    int shifted = 0;
    for (int trial = 0; trial < 300; trial++) {
      Layer l = randomLayer();
      int[] shape =
          trial % 3 == 0 ? new int[] {l.batch, 1, l.inputs} : new int[] {l.batch, l.inputs};
      byte[] x = input(l);
      int size = l.batch * l.outputs;
      byte[] expected = new byte[size + 3];
      byte[] plain = new byte[size + 3];
      byte[] found = new byte[size + 3];
      Arrays.fill(expected, size, size + 3, (byte) 7); // arena arrays may be longer: left alone
      Arrays.fill(plain, size, size + 3, (byte) 7);
      Arrays.fill(found, size, size + 3, (byte) 7);
      l.build(reference).run(x, shape, expected, new Scratch());
      l.build(fast).run(x, shape, plain, new Scratch());
      UnaryOp<byte[], byte[]> op = l.build(vector);
      op.run(x, shape, found, new Scratch());
      assertArrayEquals(expected, plain, l.what() + ": plain kernels");
      assertArrayEquals(expected, found, l.what());
      if (l.activation == Activation.NONE && size >= 100) {
        // Not all clamped: the outputs spread over the int8 range.
        assertTrue(distinct(expected, size) >= 20, l.what() + ": few distinct values");
      }
      if (VectorRequantizer.USABLE) {
        assertInstanceOf(VectorFullyConnected.Int8Op.class, op);
        if (((ExactSums) op).floatChunks() == 1) {
          oneChunk++;
        } else {
          chunked++;
        }
        if (l.weightZeroPoint != 0) {
          shifted++;
        }
      }
    }
    if (VectorRequantizer.USABLE) {
      assertTrue(oneChunk > 20 && chunked > 20 && shifted > 20, oneChunk + ", " + chunked);
    }
  }

  private static int distinct(byte[] values, int n) {
    boolean[] seen = new boolean[256];
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (!seen[values[i] & 0xFF]) {
        seen[values[i] & 0xFF] = true;
        count++;
      }
    }
    return count;
  }

  @Test
  void classifierLikeLayerIsExactInOneChunk() {
    // MobileNet v2's classifier shape, weights of a trained layer's size, per-tensor scale.
    int outputs = 1000;
    int inputs = 1280;
    byte[] weights = new byte[outputs * inputs];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (byte) Math.round(rnd.nextGaussian() * 12);
    }
    int[] bias = new int[outputs];
    for (int i = 0; i < outputs; i++) {
      bias[i] = rnd.nextInt(4001) - 2000;
    }
    Quant in = new Quant(0.02f, -128);
    Quant out = new Quant((float) (0.02 * 0.005 * 75 * 12 * Math.sqrt(inputs) / 40), -10);
    Layer l =
        new Layer(
            outputs, inputs, 1, weights, 0, new float[] {0.005f}, bias, in, out, Activation.NONE);
    UnaryOp<byte[], byte[]> op = l.build(vector);
    if (VectorRequantizer.USABLE) {
      assertTrue(((ExactSums) op).floatChunks() == 1, "one chunk");
    }
    byte[] x = input(l);
    int[] shape = {1, inputs};
    byte[] expected = new byte[outputs];
    byte[] found = new byte[outputs];
    l.build(reference).run(x, shape, expected, new Scratch());
    op.run(x, shape, found, new Scratch());
    assertArrayEquals(expected, found);
  }

  @Test
  void splitAnywhereGivesAWholeRunsBits() {
    for (int trial = 0; trial < 100; trial++) {
      Layer l = randomLayer();
      UnaryOp<byte[], byte[]> built = l.build(vector);
      if (!VectorRequantizer.USABLE && l.weightZeroPoint != 0) {
        continue; // the reference kernel, as the plain set has it: not split
      }
      @SuppressWarnings("unchecked")
      SplitOp<byte[], byte[]> op = (SplitOp<byte[], byte[]>) assertInstanceOf(SplitOp.class, built);
      int[] shape = {l.batch, l.inputs};
      byte[] x = input(l);
      byte[] whole = new byte[l.batch * l.outputs];
      byte[] parts = new byte[whole.length];
      op.run(x, shape, whole, new Scratch());
      int units = op.units(shape);
      int from = 0;
      Scratch scratch = new Scratch();
      while (from < units) {
        int to = from + 1 + rnd.nextInt(units - from);
        op.runUnits(x, shape, parts, scratch, from, to);
        from = to;
      }
      assertArrayEquals(whole, parts, l.what() + " in " + units + " units");
    }
  }
}
