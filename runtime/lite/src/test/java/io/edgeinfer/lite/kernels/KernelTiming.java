package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A quick, unasserted timing of reference against fast kernels: the seed MLP (batch 1, 32 -> 64 ->
 * 64 -> 10, float32 and int8) and a 3x3 conv 48x48x16 -> 32 (SAME), in nanoseconds per call, the
 * best of five rounds after every case has warmed up. Run {@code main [seconds per case]} for
 * longer measurements (it is a harness, not a test: speed is never asserted). The last column is
 * the set {@link KernelSelector} picks: run with lite-vector's test class path and {@code
 * --add-modules jdk.incubator.vector} to time the Vector API kernels.
 */
final class KernelTiming {
  private KernelTiming() {}

  /** One network or layer, prepared for one kernel set. */
  private interface Case {
    void run();
  }

  public static void main(String[] args) {
    System.out.print(table(args.length > 0 ? Double.parseDouble(args[0]) : 2.0));
  }

  /** The table, each case timed for about {@code seconds}. */
  static String table(double seconds) {
    Kernels ref = new ReferenceKernels();
    Kernels fast = new FastKernels();
    Kernels best = KernelSelector.select(null);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-36s %12s %12s %12s %8s%n",
            "ns per call (" + System.getProperty("java.version") + ")",
            "reference",
            "fast",
            best.name(),
            "vs ref"));
    String[] names = {
      "MLP 32-64-64-10 float32, batch 1",
      "MLP 32-64-64-10 int8, batch 1",
      "conv 3x3 48x48x16->32 float32",
      "conv 3x3 48x48x16->32 int8"
    };
    Case[][] cases = {
      {mlp(ref, false), mlp(fast, false), mlp(best, false)},
      {mlp(ref, true), mlp(fast, true), mlp(best, true)},
      {conv(ref, false), conv(fast, false), conv(best, false)},
      {conv(ref, true), conv(fast, true), conv(best, true)}
    };
    // Warm every case up first, so that the JIT has settled before anything is measured (on a
    // machine with two hardware threads per core a background compile slows the measurement).
    for (Case[] pair : cases) {
      for (Case c : pair) {
        repeat(c, (long) (seconds * 0.5e9));
      }
    }
    for (int i = 0; i < cases.length; i++) {
      double r = nanosPerCall(cases[i][0], seconds);
      double f = nanosPerCall(cases[i][1], seconds);
      double b = nanosPerCall(cases[i][2], seconds);
      out.append(
          String.format(
              Locale.ROOT, "%-36s %12.0f %12.0f %12.0f %7.1fx%n", names[i], r, f, b, r / b));
    }
    return out.toString();
  }

  /** Runs {@code c} for about {@code nanos}; returns the nanoseconds per call. */
  private static double repeat(Case c, long nanos) {
    long calls = 0;
    long start = System.nanoTime();
    long end = start + nanos;
    long now;
    do {
      c.run();
      calls++;
      now = System.nanoTime();
    } while (now < end);
    return (double) (now - start) / calls;
  }

  /** The best of five rounds (the least disturbed by other work on the machine). */
  private static double nanosPerCall(Case c, double seconds) {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      best = Math.min(best, repeat(c, (long) (seconds * 0.2e9)));
    }
    return best;
  }

  private static float[] floats(Random rnd, int n, double scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (rnd.nextGaussian() * scale);
    }
    return a;
  }

  private static byte[] bytes(Random rnd, int n) {
    byte[] a = new byte[n];
    for (int i = 0; i < n; i++) {
      a[i] = (byte) (rnd.nextInt(255) - 127);
    }
    return a;
  }

  private static Case mlp(Kernels k, boolean int8) {
    Random rnd = new Random(1);
    int[] widths = {32, 64, 64, 10};
    Scratch scratch = new Scratch();
    if (!int8) {
      List<UnaryOp<float[], float[]>> layers = new ArrayList<>();
      for (int l = 0; l < 3; l++) {
        layers.add(
            k.fullyConnected(
                FloatBuffer.wrap(floats(rnd, widths[l + 1] * widths[l], 0.2)),
                widths[l + 1],
                widths[l],
                floats(rnd, widths[l + 1], 0.1),
                l < 2 ? Activation.RELU : Activation.NONE));
      }
      float[][] acts = {floats(rnd, 32, 1), new float[64], new float[64], new float[10]};
      int[][] shapes = {{1, 32}, {1, 64}, {1, 64}};
      return () -> {
        for (int l = 0; l < 3; l++) {
          layers.get(l).run(acts[l], shapes[l], acts[l + 1], scratch);
        }
      };
    }
    List<UnaryOp<byte[], byte[]>> layers = new ArrayList<>();
    Quant[] q = {
      new Quant(0.05f, -3), new Quant(0.1f, -128), new Quant(0.1f, -128), new Quant(0.2f, 5)
    };
    for (int l = 0; l < 3; l++) {
      float[] scales = new float[widths[l + 1]];
      for (int i = 0; i < scales.length; i++) {
        scales[i] = 0.002f + rnd.nextFloat() * 0.002f;
      }
      layers.add(
          k.fullyConnected(
              ByteBuffer.wrap(bytes(rnd, widths[l + 1] * widths[l])),
              widths[l + 1],
              widths[l],
              scales,
              new int[widths[l + 1]],
              q[l],
              q[l + 1],
              l < 2 ? Activation.RELU : Activation.NONE));
    }
    byte[][] acts = {bytes(rnd, 32), new byte[64], new byte[64], new byte[10]};
    int[][] shapes = {{1, 32}, {1, 64}, {1, 64}};
    return () -> {
      for (int l = 0; l < 3; l++) {
        layers.get(l).run(acts[l], shapes[l], acts[l + 1], scratch);
      }
    };
  }

  private static Case conv(Kernels k, boolean int8) {
    Random rnd = new Random(2);
    int[] shape = {1, 48, 48, 16};
    int[] filterShape = {32, 3, 3, 16};
    ConvOptions o = ConvOptions.of(Padding.SAME, 1, Activation.RELU);
    Scratch scratch = new Scratch();
    if (!int8) {
      UnaryOp<float[], float[]> op =
          k.conv2d(FloatBuffer.wrap(floats(rnd, 32 * 9 * 16, 0.2)), filterShape, null, o);
      float[] in = floats(rnd, 48 * 48 * 16, 1);
      float[] out = new float[48 * 48 * 32];
      return () -> op.run(in, shape, out, scratch);
    }
    float[] scales = new float[32];
    for (int i = 0; i < 32; i++) {
      scales[i] = 0.004f + rnd.nextFloat() * 0.002f;
    }
    UnaryOp<byte[], byte[]> op =
        k.conv2d(
            ByteBuffer.wrap(bytes(rnd, 32 * 9 * 16)),
            filterShape,
            scales,
            new int[32],
            new Quant(0.05f, -5),
            new Quant(0.5f, -128),
            o);
    byte[] in = bytes(rnd, 48 * 48 * 16);
    byte[] out = new byte[48 * 48 * 32];
    return () -> op.run(in, shape, out, scratch);
  }
}
