package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * After warm-up, FastKernels' fully-connected and conv layers allocate nothing per call (on Java 17
 * a kernel can fall out of C2 and start allocating; this would show it).
 */
class AllocationTest {
  private static final int WARM_UP = 3_000;
  private static final int CALLS = 2_000;

  private final Random rnd = new Random(7);
  private final Kernels fast = new FastKernels();

  private static com.sun.management.ThreadMXBean threads() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "no per-thread allocation counter");
    threads.setThreadAllocatedMemoryEnabled(true);
    return threads;
  }

  /** Bytes allocated by this thread over {@code CALLS} calls, after {@code WARM_UP} calls. */
  private static long allocatedPerRun(Runnable call) {
    com.sun.management.ThreadMXBean threads = threads();
    long id = Thread.currentThread().getId();
    for (int i = 0; i < WARM_UP; i++) {
      call.run();
    }
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < CALLS; i++) {
      call.run();
    }
    return threads.getThreadAllocatedBytes(id) - before;
  }

  private static void assertNoAllocation(String what, Runnable call) {
    long bytes = allocatedPerRun(call);
    // Less than one byte per call: nothing is allocated per call (the counter's own reading may
    // cost a few bytes once).
    assertTrue(bytes < CALLS, what + " allocated " + bytes + " bytes in " + CALLS + " calls");
  }

  private float[] floats(int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) rnd.nextGaussian();
    }
    return a;
  }

  private byte[] bytes(int n) {
    byte[] a = new byte[n];
    rnd.nextBytes(a);
    return a;
  }

  @Test
  void fullyConnected() {
    Scratch scratch = new Scratch();
    UnaryOp<float[], float[]> fc =
        fast.fullyConnected(FloatBuffer.wrap(floats(64 * 48)), 64, 48, floats(64), Activation.RELU);
    float[] in = floats(5 * 48);
    float[] out = new float[5 * 64];
    int[] batch1 = {1, 48};
    assertNoAllocation("float FC batch 1", () -> fc.run(in, batch1, out, scratch));
    int[] batch5 = {5, 48};
    assertNoAllocation("float FC batch 5", () -> fc.run(in, batch5, out, scratch));

    UnaryOp<byte[], byte[]> q =
        fast.fullyConnected(
            ByteBuffer.wrap(bytes(64 * 48)),
            64,
            48,
            new float[] {0.01f},
            new int[64],
            new Quant(0.05f, 3),
            new Quant(0.2f, -1),
            Activation.NONE);
    byte[] qin = bytes(48);
    byte[] qout = new byte[64];
    int[] shape = {1, 48};
    assertNoAllocation("int8 FC", () -> q.run(qin, shape, qout, scratch));
  }

  @Test
  void conv2d() {
    Scratch scratch = new Scratch();
    int[] shape = {1, 12, 12, 8};
    int[] filterShape = {16, 3, 3, 8};
    ConvOptions o = ConvOptions.of(Padding.SAME, 1, Activation.RELU6);
    UnaryOp<float[], float[]> conv =
        fast.conv2d(FloatBuffer.wrap(floats(16 * 9 * 8)), filterShape, floats(16), o);
    float[] in = floats(12 * 12 * 8);
    float[] out = new float[12 * 12 * 16];
    assertNoAllocation("float conv", () -> conv.run(in, shape, out, scratch));

    byte[] qin = bytes(12 * 12 * 8);
    byte[] qout = new byte[12 * 12 * 16];
    for (boolean exactInFloat : new boolean[] {true, false}) {
      byte[] w = new byte[16 * 9 * 64];
      for (int i = 0; i < w.length; i++) {
        w[i] = (byte) (exactInFloat ? rnd.nextInt(21) - 10 : (rnd.nextBoolean() ? 127 : -127));
      }
      int[] wide = {1, 12, 12, 64};
      UnaryOp<byte[], byte[]> q =
          fast.conv2d(
              ByteBuffer.wrap(w),
              new int[] {16, 3, 3, 64},
              new float[] {0.01f},
              null,
              new Quant(0.05f, 3),
              new Quant(0.5f, 0),
              o);
      assertTrue(((FastConv2d.Int8Op) q).usesFloatRoute() == exactInFloat);
      byte[] wideIn = bytes(12 * 12 * 64);
      assertNoAllocation(
          "int8 conv, float route " + exactInFloat, () -> q.run(wideIn, wide, qout, scratch));
    }
    assertTrue(qin.length > 0);
  }

  @Test
  void hybridLayers() {
    Scratch scratch = new Scratch();
    // A direct buffer, as the memory-mapped file is.
    ByteBuffer weights = ByteBuffer.allocateDirect(64 * 48).put(bytes(64 * 48)).flip();
    UnaryOp<float[], float[]> fc =
        fast.hybridFullyConnected(weights, 64, 48, floats(64), floats(64), Activation.RELU);
    float[] in = floats(3 * 48);
    float[] out = new float[3 * 64];
    int[] batch3 = {3, 48};
    assertNoAllocation("hybrid FC", () -> fc.run(in, batch3, out, scratch));

    int[] shape = {1, 12, 12, 8};
    ConvOptions o = ConvOptions.of(Padding.SAME, 1, Activation.RELU6);
    ByteBuffer filter = ByteBuffer.allocateDirect(16 * 9 * 8).put(bytes(16 * 9 * 8)).flip();
    UnaryOp<float[], float[]> conv =
        fast.hybridConv2d(filter, new int[] {16, 3, 3, 8}, floats(1), null, o);
    float[] image = floats(12 * 12 * 8);
    float[] convOut = new float[12 * 12 * 16];
    assertNoAllocation("hybrid conv", () -> conv.run(image, shape, convOut, scratch));
    UnaryOp<float[], float[]> depthwise =
        fast.hybridDepthwiseConv2d(filter, new int[] {1, 3, 3, 16}, floats(16), floats(16), o);
    assertNoAllocation("hybrid depthwise", () -> depthwise.run(image, shape, convOut, scratch));
  }
}
