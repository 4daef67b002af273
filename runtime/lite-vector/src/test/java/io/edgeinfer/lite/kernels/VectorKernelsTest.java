package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API set is found with no flag but the JVM's {@code --add-modules}, and its kernels
 * allocate nothing per call once warm (on Java 17 a vector kernel C2 fails to compile cleanly
 * allocates on every operation: this catches it).
 */
class VectorKernelsTest {
  private final Random rnd = new Random(3);

  @Test
  void selectedWhenTheIncubatorModuleIsThere() {
    assertTrue(KernelSelector.vectorModulePresent(), "surefire adds jdk.incubator.vector");
    assertEquals("vector", KernelSelector.select(null).name());
    assertInstanceOf(VectorKernels.class, KernelSelector.select("vector"));
    assertEquals("fast", KernelSelector.select("fast").name());
  }

  private float[] floats(int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) rnd.nextGaussian();
    }
    return a;
  }

  private static void assertNoAllocation(String what, Runnable call) {
    assertNoAllocation(what, call, 3_000);
  }

  /**
   * After {@code warmUp} calls, the least any of up to {@link #ROUNDS} rounds of 2000 calls
   * allocated. A kernel whose shared inner methods were compiled for other shapes (earlier tests in
   * this JVM) is deoptimized by a new one and runs interpreted or in C1, which allocates its
   * vectors, until C2 compiles it again: give such kernels a longer warm-up. The rounds wait for C2
   * on a busy machine (a 1 µs kernel's 3000 warm-up calls take 3 ms, less than C2's queue can on
   * two cores); a kernel C2 compiles with boxed vectors allocates in every round.
   */
  private static void assertNoAllocation(String what, Runnable call, int warmUp) {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    threads.setThreadAllocatedMemoryEnabled(true);
    long id = Thread.currentThread().getId();
    for (int i = 0; i < warmUp; i++) {
      call.run();
    }
    long least = Long.MAX_VALUE;
    for (int round = 0; round < ROUNDS && least >= 2_000; round++) {
      long before = threads.getThreadAllocatedBytes(id);
      for (int i = 0; i < 2_000; i++) {
        call.run();
      }
      least = Math.min(least, threads.getThreadAllocatedBytes(id) - before);
    }
    assertTrue(least < 2_000, what + " allocated " + least + " bytes in 2000 calls");
  }

  private static final int ROUNDS = 20;

  @Test
  void allocatesNothingPerCall() {
    Kernels vector = new VectorKernels();
    Scratch scratch = new Scratch();
    int[] shape = {1, 12, 12, 8};
    UnaryOp<float[], float[]> conv =
        vector.conv2d(
            FloatBuffer.wrap(floats(16 * 9 * 8)),
            new int[] {16, 3, 3, 8},
            floats(16),
            ConvOptions.of(Padding.SAME, 1, Activation.RELU6));
    float[] image = floats(12 * 12 * 8);
    float[] convOut = new float[12 * 12 * 16];
    assertNoAllocation("vector conv", () -> conv.run(image, shape, convOut, scratch));
    byte[] q = new byte[16 * 9 * 8];
    rnd.nextBytes(q);
    UnaryOp<float[], float[]> hybrid =
        vector.hybridConv2d(
            ByteBuffer.allocateDirect(q.length).put(q).flip(),
            new int[] {16, 3, 3, 8},
            new float[] {0.01f},
            null,
            ConvOptions.of(Padding.VALID, 1, Activation.NONE));
    float[] hybridOut = new float[10 * 10 * 16];
    assertNoAllocation("vector hybrid conv", () -> hybrid.run(image, shape, hybridOut, scratch));
    UnaryOp<float[], float[]> dense =
        vector.fullyConnected(
            FloatBuffer.wrap(floats(70 * 64)), 70, 64, floats(70), Activation.RELU);
    float[] denseIn = floats(2 * 64);
    int[] denseShape = {2, 64};
    float[] denseOut = new float[2 * 70];
    assertNoAllocation(
        "vector fully connected", () -> dense.run(denseIn, denseShape, denseOut, scratch));
  }

  @Test
  void mobileNetLayersAllocateNothingPerCall() {
    Kernels vector = new VectorKernels();
    Scratch scratch = new Scratch();
    int[] shape = {1, 14, 14, 24};
    float[] image = floats(14 * 14 * 24);
    byte[] bytes = new byte[14 * 14 * 24];
    rnd.nextBytes(bytes);
    byte[] weights = new byte[40 * 24];
    rnd.nextBytes(weights);
    ConvOptions same = ConvOptions.of(Padding.SAME, 1, Activation.RELU6);
    Quant in = new Quant(0.02f, 3);
    Quant out = new Quant(0.05f, -7);

    UnaryOp<float[], float[]> pointwise =
        vector.conv2d(FloatBuffer.wrap(floats(40 * 24)), new int[] {40, 1, 1, 24}, null, same);
    float[] floatOut = new float[14 * 14 * 40];
    assertNoAllocation("pointwise", () -> pointwise.run(image, shape, floatOut, scratch), 30_000);
    UnaryOp<byte[], byte[]> pointwise8 =
        vector.conv2d(
            ByteBuffer.wrap(weights),
            new int[] {40, 1, 1, 24},
            new float[] {0.01f},
            null,
            in,
            out,
            same);
    byte[] byteOut = new byte[14 * 14 * 40];
    assertNoAllocation(
        "int8 pointwise", () -> pointwise8.run(bytes, shape, byteOut, scratch), 30_000);
    UnaryOp<float[], float[]> depthwise =
        vector.depthwiseConv2d(
            FloatBuffer.wrap(floats(9 * 24)), new int[] {1, 3, 3, 24}, null, same);
    float[] floatSame = new float[14 * 14 * 24];
    assertNoAllocation("depthwise", () -> depthwise.run(image, shape, floatSame, scratch), 30_000);
    UnaryOp<byte[], byte[]> depthwise8 =
        vector.depthwiseConv2d(
            ByteBuffer.wrap(weights, 0, 9 * 24).slice(),
            5,
            new int[] {1, 3, 3, 24},
            new float[] {0.01f},
            null,
            in,
            out,
            same);
    byte[] byteSame = new byte[14 * 14 * 24];
    assertNoAllocation(
        "uint8 depthwise", () -> depthwise8.run(bytes, shape, byteSame, scratch), 30_000);
    // A classifier's shape, small: 72 outputs (four panels and a padded one) of 12 inputs.
    int[] denseShape = {2, 12};
    byte[] denseOut = new byte[2 * 72];
    UnaryOp<byte[], byte[]> dense8 =
        vector.fullyConnected(
            ByteBuffer.wrap(weights), 72, 12, new float[] {0.01f}, null, in, out, Activation.RELU);
    assertNoAllocation(
        "int8 fully connected", () -> dense8.run(bytes, denseShape, denseOut, scratch), 30_000);
    // Uint8 weights held as int8, far from their zero point: converted, then shifted.
    UnaryOp<byte[], byte[]> denseU8 =
        vector.fullyConnected(
            ByteBuffer.wrap(weights),
            -100,
            72,
            12,
            new float[] {0.01f},
            null,
            in,
            out,
            Activation.NONE);
    assertNoAllocation(
        "uint8 fully connected", () -> denseU8.run(bytes, denseShape, denseOut, scratch), 30_000);
    BinaryOp<byte[]> add8 = vector.add(in, new Quant(0.03f, -2), out, Activation.RELU);
    byte[] other = new byte[bytes.length];
    rnd.nextBytes(other);
    assertNoAllocation("int8 add", () -> add8.run(bytes, shape, other, shape, byteSame), 30_000);
    BinaryOp<byte[]> mul8 = vector.mul(in, new Quant(0.03f, -2), out, Activation.NONE);
    int[] one = {1};
    assertNoAllocation(
        "int8 mul by a scalar", () -> mul8.run(bytes, shape, other, one, byteSame), 30_000);
  }
}
