package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorDepthwiseInt8Rows} against {@link ReferenceKernels}, bit for bit, on random layers:
 * 1 to 40 channels (so every lane period of the whole-row layout, whole vectors or not),
 * multipliers 1 to 8, kernels 1x1 to 5x5 and non-square ones, strides 1 to 3 (each its own phase
 * split), dilation 1 and 2, SAME and VALID, batches of 1 and 2, zero points, per-tensor and
 * per-channel scales and every activation; then the same layer run as three random ranges of its
 * rows, each on a scratch left full of garbage by an earlier run (NaN included), which would show
 * any float the kernel reads before writing. Person detection's depthwise layers are among the
 * cases.
 */
class VectorDepthwiseInt8RowsTest {
  private static final Kernels REF = new ReferenceKernels();
  private static final Kernels VECTOR = new VectorKernels();

  private final Random rnd = new Random(0xD3E7_15L);

  /** {height, width, in channels, multiplier, kernel h, kernel w, stride, dilation, SAME=1}. */
  private static final int[][] FIXED = {
    {96, 96, 1, 8, 3, 3, 2, 1, 1}, // person detection, layer 0
    {48, 48, 8, 1, 3, 3, 1, 1, 1}, // layer 1
    {48, 48, 16, 1, 3, 3, 2, 1, 1}, // layer 3
    {6, 6, 128, 1, 3, 3, 1, 1, 1}, // the 6x6x128 layers
    {6, 6, 128, 1, 3, 3, 2, 1, 1}, // 6x6 to 3x3
    {5, 5, 40, 1, 3, 3, 1, 1, 0}, // lane period 80, VALID
    {9, 9, 1, 2, 3, 3, 1, 1, 1}, // one input channel, multipliers dividing the vector
    {9, 11, 1, 4, 3, 3, 3, 1, 0},
    {10, 10, 1, 16, 3, 3, 2, 1, 1},
    {7, 21, 1, 8, 3, 3, 1, 2, 1},
    {3, 17, 1, 8, 5, 5, 2, 1, 1}, // input rows shorter than the vector loads
  };

  @Test
  void personDetectionLayersEqualTheReference() {
    for (int[] c : FIXED) {
      check(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8] == 1, 1);
    }
  }

  @Test
  void randomLayersEqualTheReference() {
    for (int i = 0; i < 300; i++) {
      int multiplier = 1 + rnd.nextInt(8);
      int inC = 1 + rnd.nextInt(Math.max(1, 40 / multiplier));
      int kh = 1 + rnd.nextInt(5);
      int kw = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(5) : kh;
      int stride = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 3 : 2);
      int dilation = stride == 1 && rnd.nextInt(4) == 0 ? 2 : 1;
      boolean same = rnd.nextBoolean();
      int h = 1 + rnd.nextInt(14) + (same ? 0 : (kh - 1) * dilation);
      int w = 1 + rnd.nextInt(20) + (same ? 0 : (kw - 1) * dilation);
      check(h, w, inC, multiplier, kh, kw, stride, dilation, same, 1 + rnd.nextInt(2));
    }
  }

  private void check(
      int h,
      int w,
      int inC,
      int multiplier,
      int kh,
      int kw,
      int stride,
      int dilation,
      boolean same,
      int batch) {
    int channels = inC * multiplier;
    int[] shape = {batch, h, w, inC};
    int[] filterShape = {1, kh, kw, channels};
    Activation activation = Activation.values()[rnd.nextInt(Activation.values().length)];
    ConvOptions o =
        new ConvOptions(
            same ? Padding.SAME : Padding.VALID, stride, stride, dilation, dilation, activation);
    int[] outShape = Window.of(shape, kh, kw, o).outputShape(channels);
    int outputSize = outShape[0] * outShape[1] * outShape[2] * outShape[3];
    String what =
        String.format(
            "%dx%dx%dx%d, multiplier %d, %dx%d stride %d dilation %d %s %s",
            batch,
            h,
            w,
            inC,
            multiplier,
            kh,
            kw,
            stride,
            dilation,
            same ? "SAME" : "VALID",
            activation);

    int weightZeroPoint = rnd.nextBoolean() ? 0 : rnd.nextInt(41) - 20;
    byte[] weights = new byte[kh * kw * channels];
    for (int i = 0; i < weights.length; i++) {
      weights[i] =
          (byte)
              (Math.max(-128, weightZeroPoint - 127)
                  + rnd.nextInt(
                      Math.min(127, weightZeroPoint + 127)
                          - Math.max(-128, weightZeroPoint - 127)
                          + 1));
    }
    float[] scales = new float[rnd.nextBoolean() ? 1 : channels];
    for (int i = 0; i < scales.length; i++) {
      scales[i] = 0.002f + rnd.nextFloat() * 0.01f;
    }
    int[] bias = new int[channels];
    for (int i = 0; i < channels; i++) {
      bias[i] = rnd.nextInt(20_001) - 10_000;
    }
    Quant in = new Quant(0.02f, rnd.nextInt(256) - 128);
    double spread = 75 * 75 * Math.sqrt(kh * kw) / 40;
    Quant out = new Quant((float) (in.scale() * scales[0] * spread), rnd.nextInt(21) - 10);
    byte[] x = new byte[batch * h * w * inC];
    rnd.nextBytes(x);

    byte[] want = new byte[outputSize];
    ByteBuffer filter = ByteBuffer.wrap(weights);
    REF.depthwiseConv2d(filter, weightZeroPoint, filterShape, scales, bias, in, out, o)
        .run(x, shape, want, new Scratch());
    UnaryOp<byte[], byte[]> op =
        VECTOR.depthwiseConv2d(filter, weightZeroPoint, filterShape, scales, bias, in, out, o);
    // With 128-bit vectors (a Raspberry Pi's NEON) the plain kernel runs: checked the same way.
    Class<?> kernel =
        VectorDepthwiseInt8Rows.USABLE
            ? VectorDepthwiseInt8Rows.class
            : FastDepthwiseConv2d.Int8Op.class;
    @SuppressWarnings("unchecked")
    SplitOp<byte[], byte[]> split = (SplitOp<byte[], byte[]>) assertInstanceOf(kernel, op);
    byte[] got = new byte[outputSize];
    op.run(x, shape, got, new Scratch());
    assertSame(want, got, what);

    int units = split.units(shape);
    int a = rnd.nextInt(units + 1);
    int b = a + rnd.nextInt(units - a + 1);
    byte[] parts = new byte[outputSize];
    Arrays.fill(parts, (byte) 99);
    for (int[] range : new int[][] {{0, a}, {a, b}, {b, units}}) {
      split.runUnits(x, shape, parts, dirtyScratch(), range[0], range[1]);
    }
    assertSame(want, parts, what + ", split " + a + "/" + b);
  }

  private static void assertSame(byte[] want, byte[] got, String what) {
    int i = Arrays.mismatch(want, got);
    if (i >= 0) {
      throw new AssertionError(what + ": byte " + i + " is " + got[i] + ", expected " + want[i]);
    }
  }

  /** A scratch whose buffers hold garbage, as after other kernels ran on it. */
  private Scratch dirtyScratch() {
    Scratch s = new Scratch();
    for (int slot = 0; slot < Scratch.SLOTS; slot++) {
      float[] f = s.floats(slot, 1 << 16);
      for (int i = 0; i < f.length; i++) {
        f[i] = i % 7 == 0 ? Float.NaN : rnd.nextInt(1 << 20) - (1 << 19);
      }
      long[] l = s.longs(slot, 64);
      for (int i = 0; i < l.length; i++) {
        l[i] = rnd.nextLong();
      }
      int[] n = s.ints(slot, 64);
      for (int i = 0; i < n.length; i++) {
        n[i] = rnd.nextInt();
      }
    }
    return s;
  }
}
