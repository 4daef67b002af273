package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Vector API convolutions against {@link ReferenceKernels} on MobileNet's layer shapes (spatial
 * sizes cut down so the test stays quick) and the edge cases around them: channel counts that are
 * not whole vectors, stride 2, SAME and VALID, dilation, depthwise multipliers 2 and 8, per-tensor
 * and per-channel scales, uint8 weights (a nonzero weight zero point), every fused activation, and
 * sums too large for one exact float sum. Int8 must be equal bit for bit; float32 within 1e-4 of
 * {@code max(1, |ref|)}. Each int8 case also checks that the reference output is not degenerate
 * (many distinct values), so that equality says something.
 */
class VectorConvolutionsTest {
  private static final Kernels REF = new ReferenceKernels();
  private static final Kernels VECTOR = new VectorKernels();

  private final Random rnd = new Random(0xC0DE_15L);

  /** {height, width, in channels, out channels, kernel, stride, dilation, SAME=1/VALID=0}. */
  private static final int[][] CONV = {
    {33, 33, 3, 8, 3, 2, 1, 1}, // MobileNet v1 0.25's first layer (224 -> 112), cut down
    {15, 15, 3, 32, 3, 2, 1, 1}, // MobileNet v2's first layer
    {14, 14, 8, 16, 1, 1, 1, 1}, // pointwise, 8 channels: half a 512-bit vector
    {7, 7, 64, 128, 1, 1, 1, 1}, // pointwise
    {4, 4, 256, 256, 1, 1, 1, 0}, // pointwise, VALID
    {5, 5, 96, 24, 1, 1, 1, 1}, // MobileNet v2 projection
    {6, 6, 24, 144, 1, 1, 1, 1}, // MobileNet v2 expansion
    {1, 1, 256, 1001, 1, 1, 1, 1}, // the logits as a 1x1 convolution
    {9, 11, 5, 19, 3, 1, 1, 0}, // odd everything, VALID
    {12, 12, 7, 17, 3, 1, 2, 1}, // dilation 2
    {10, 9, 12, 21, 5, 2, 1, 1}, // 5x5 stride 2
    {8, 8, 20, 33, 1, 2, 1, 1}, // 1x1 with stride 2: patch rows, not the input itself
  };

  /** {height, width, in channels, multiplier, kernel, stride, dilation, SAME=1/VALID=0}. */
  private static final int[][] DEPTHWISE = {
    {30, 30, 8, 1, 3, 1, 1, 1}, // MobileNet v1 0.25: 8 channels
    {15, 15, 16, 1, 3, 2, 1, 1},
    {7, 7, 256, 1, 3, 1, 1, 1},
    {14, 14, 144, 1, 3, 2, 1, 1}, // MobileNet v2: 144 channels, stride 2
    {9, 9, 1, 8, 3, 2, 1, 1}, // person detection's first layer: multiplier 8
    {8, 7, 5, 2, 3, 1, 1, 0}, // multiplier 2, VALID
    {11, 13, 24, 1, 3, 1, 2, 1}, // dilation 2
    {9, 9, 17, 1, 5, 1, 1, 1}, // 5x5
    {6, 6, 33, 1, 3, 2, 1, 0}, // stride 2, VALID, odd channels
  };

  private ConvOptions options(int[] c) {
    Activation a = Activation.values()[rnd.nextInt(Activation.values().length)];
    return new ConvOptions(c[7] == 1 ? Padding.SAME : Padding.VALID, c[5], c[5], c[6], c[6], a);
  }

  private float[] floats(int n, double scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (rnd.nextGaussian() * scale);
    }
    return a;
  }

  private byte[] bytes(int n, int lo, int hi) {
    byte[] a = new byte[n];
    for (int i = 0; i < n; i++) {
      a[i] = (byte) (lo + rnd.nextInt(hi - lo + 1));
    }
    return a;
  }

  /** Weights spread around their zero point, as a quantizer makes them (and up to the extremes). */
  private byte[] weights(int n, int zeroPoint) {
    return bytes(n, Math.max(-128, zeroPoint - 127), Math.min(127, zeroPoint + 127));
  }

  private float[] scales(int channels) {
    int n = rnd.nextBoolean() ? 1 : channels;
    float[] s = new float[n];
    for (int i = 0; i < n; i++) {
      s[i] = 0.002f + rnd.nextFloat() * 0.01f;
    }
    return s;
  }

  private int[] bias(int channels) {
    int[] b = new int[channels];
    for (int i = 0; i < channels; i++) {
      b[i] = rnd.nextInt(20_001) - 10_000;
    }
    return b;
  }

  /** An output scale that spreads sums of {@code terms} random products over the int8 range. */
  private static Quant outputFor(Quant in, float[] scales, int terms) {
    double spread = 75 * 75 * Math.sqrt(terms) / 40;
    return new Quant((float) (in.scale() * scales[0] * spread), -10);
  }

  private static <I, O> void run(UnaryOp<I, O> op, I in, int[] shape, O out) {
    op.run(in, shape, out, new Scratch());
  }

  private static void assertClose(float[] ref, float[] got, String what) {
    for (int i = 0; i < ref.length; i++) {
      float tolerance = 1e-4f * Math.max(1f, Math.abs(ref[i]));
      if (!(Math.abs(ref[i] - got[i]) <= tolerance)) {
        throw new AssertionError(what + ": element " + i + " " + got[i] + ", expected " + ref[i]);
      }
    }
  }

  private static void assertExact(byte[] ref, byte[] got, Activation activation, String what) {
    long distinct = 0;
    boolean[] seen = new boolean[256];
    for (byte b : ref) {
      if (!seen[b & 0xFF]) {
        seen[b & 0xFF] = true;
        distinct++;
      }
    }
    // RELU6 and RELU_N1_TO_1 keep only [0, 6] and [-1, 1]: fewer steps of the output scale.
    int enough =
        switch (activation) {
          case RELU_N1_TO_1 -> 3;
          case RELU6 -> 8;
          default -> Math.min(20, ref.length / 4);
        };
    assertTrue(distinct >= enough, what + ": only " + distinct + " values");
    for (int i = 0; i < ref.length; i++) {
      if (ref[i] != got[i]) {
        throw new AssertionError(what + ": element " + i + " " + got[i] + ", expected " + ref[i]);
      }
    }
  }

  @Test
  void convolutionsEqualTheReference() {
    for (int[] c : CONV) {
      int[] shape = {1 + (c[0] < 8 ? 1 : 0), c[0], c[1], c[2]};
      int[] filterShape = {c[3], c[4], c[4], c[2]};
      ConvOptions o = options(c);
      String what = "conv " + Arrays.toString(c) + " " + o;
      int taps = c[4] * c[4] * c[2];
      int inputSize = shape[0] * c[0] * c[1] * c[2];
      int[] outShape = Window.of(shape, c[4], c[4], o).outputShape(c[3]);
      int outputSize = outShape[0] * outShape[1] * outShape[2] * outShape[3];

      FloatBuffer f = FloatBuffer.wrap(floats(c[3] * taps, 1 / Math.sqrt(taps)));
      float[] fb = floats(c[3], 0.5);
      float[] x = floats(inputSize, 1);
      float[] want = new float[outputSize];
      float[] got = new float[outputSize];
      run(REF.conv2d(f, filterShape, fb, o), x, shape, want);
      UnaryOp<float[], float[]> conv = VECTOR.conv2d(f, filterShape, fb, o);
      run(conv, x, shape, got);
      assertClose(want, got, what + " float");
      assertSplitsExactly(conv, x, shape, got, what + " float");

      for (int weightZeroPoint : new int[] {0, rnd.nextInt(41) - 20}) {
        ByteBuffer w = ByteBuffer.wrap(weights(c[3] * taps, weightZeroPoint));
        float[] scales = scales(c[3]);
        Quant in = new Quant(0.02f, rnd.nextInt(256) - 128);
        Quant out = outputFor(in, scales, taps);
        int[] bias = bias(c[3]);
        byte[] q = bytes(inputSize, -128, 127);
        byte[] wantQ = new byte[outputSize];
        byte[] gotQ = new byte[outputSize];
        run(REF.conv2d(w, weightZeroPoint, filterShape, scales, bias, in, out, o), q, shape, wantQ);
        UnaryOp<byte[], byte[]> conv8 =
            VECTOR.conv2d(w, weightZeroPoint, filterShape, scales, bias, in, out, o);
        run(conv8, q, shape, gotQ);
        assertExact(
            wantQ, gotQ, o.activation(), what + " int8, weight zero point " + weightZeroPoint);
        assertSplitsExactly(conv8, q, shape, gotQ, what + " int8");
      }
    }
  }

  /**
   * An int8 1x1 layer split by channels converts its input once per step and thread ({@link
   * Scratch#noted}): parts on one scratch in a counted step give a whole run's bytes, and the same
   * array with new contents in the next step is converted again.
   */
  @Test
  void int8PointwiseByChannelsConvertsOncePerStep() {
    int[] shape = {1, 7, 7, 96};
    int[] filterShape = {160, 1, 1, 96};
    ConvOptions o = ConvOptions.of(Padding.SAME, 1, Activation.RELU6);
    ByteBuffer w = ByteBuffer.wrap(weights(160 * 96, 0));
    float[] scales = scales(160);
    Quant in = new Quant(0.02f, 5);
    Quant out = outputFor(in, scales, 96);
    int[] bias = bias(160);
    UnaryOp<byte[], byte[]> conv = VECTOR.conv2d(w, 0, filterShape, scales, bias, in, out, o);
    @SuppressWarnings("unchecked")
    SplitOp<byte[], byte[]> split = (SplitOp<byte[], byte[]>) conv;
    byte[] q = bytes(7 * 7 * 96, -128, 127);
    Scratch counted = new Scratch();
    for (int step = 0; step < 3; step++) {
      byte[] want = new byte[7 * 7 * 160];
      run(REF.conv2d(w, 0, filterShape, scales, bias, in, out, o), q, shape, want);
      byte[] got = new byte[want.length];
      counted.nextStep();
      for (int[] range : cuts(conv, shape)) {
        split.runUnits(q, shape, got, counted, range[0], range[1]);
      }
      assertEquals(Arrays.toString(want), Arrays.toString(got), "step " + step);
      rnd.nextBytes(q); // the same array, new contents
    }
  }

  @Test
  void sumsTooLargeForOneFloatAreSplitAndStayExact() {
    // 1x1 over 1100 channels of +-127 weights: 255 * 127 * 1100 > 2^24, so the taps are split.
    int inC = 1100;
    int outC = 20;
    int[] shape = {1, 3, 3, inC};
    int[] filterShape = {outC, 1, 1, inC};
    byte[] weights = new byte[outC * inC];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (byte) (rnd.nextBoolean() ? 127 : -127);
    }
    ByteBuffer w = ByteBuffer.wrap(weights);
    float[] scales = {0.01f};
    Quant in = new Quant(0.02f, 5);
    Quant out = outputFor(in, scales, inC);
    int[] bias = bias(outC);
    ConvOptions o = ConvOptions.of(Padding.SAME, 1, Activation.NONE);
    UnaryOp<byte[], byte[]> vector = VECTOR.conv2d(w, filterShape, scales, bias, in, out, o);
    assertTrue(((ExactSums) vector).floatChunks() > 1, "split into chunks");
    byte[] x = bytes(9 * inC, -128, 127);
    byte[] want = new byte[9 * outC];
    byte[] got = new byte[9 * outC];
    run(REF.conv2d(w, filterShape, scales, bias, in, out, o), x, shape, want);
    run(vector, x, shape, got);
    assertArrayEqualsExact(want, got);
    assertSplitsExactly(vector, x, shape, got, "chunked sums");
  }

  private static void assertArrayEqualsExact(byte[] want, byte[] got) {
    assertEquals(Arrays.toString(want), Arrays.toString(got));
  }

  @Test
  void depthwiseConvolutionsEqualTheReference() {
    for (int[] c : DEPTHWISE) {
      int channels = c[2] * c[3];
      int[] shape = {1 + (c[0] < 8 ? 1 : 0), c[0], c[1], c[2]};
      int[] filterShape = {1, c[4], c[4], channels};
      ConvOptions o = options(c);
      String what = "depthwise " + Arrays.toString(c) + " " + o;
      int taps = c[4] * c[4];
      int inputSize = shape[0] * c[0] * c[1] * c[2];
      int[] outShape = Window.of(shape, c[4], c[4], o).outputShape(channels);
      int outputSize = outShape[0] * outShape[1] * outShape[2] * outShape[3];

      FloatBuffer f = FloatBuffer.wrap(floats(taps * channels, 0.3));
      float[] fb = floats(channels, 0.5);
      float[] x = floats(inputSize, 1);
      float[] want = new float[outputSize];
      float[] got = new float[outputSize];
      run(REF.depthwiseConv2d(f, filterShape, fb, o), x, shape, want);
      UnaryOp<float[], float[]> depthwise = VECTOR.depthwiseConv2d(f, filterShape, fb, o);
      run(depthwise, x, shape, got);
      assertClose(want, got, what + " float");
      assertSplitsExactly(depthwise, x, shape, got, what + " float");

      for (int weightZeroPoint : new int[] {0, rnd.nextInt(41) - 20}) {
        ByteBuffer w = ByteBuffer.wrap(weights(taps * channels, weightZeroPoint));
        float[] scales = scales(channels);
        Quant in = new Quant(0.02f, rnd.nextInt(256) - 128);
        Quant out = outputFor(in, scales, taps);
        int[] bias = bias(channels);
        byte[] q = bytes(inputSize, -128, 127);
        byte[] wantQ = new byte[outputSize];
        byte[] gotQ = new byte[outputSize];
        run(
            REF.depthwiseConv2d(w, weightZeroPoint, filterShape, scales, bias, in, out, o),
            q,
            shape,
            wantQ);
        UnaryOp<byte[], byte[]> depthwise8 =
            VECTOR.depthwiseConv2d(w, weightZeroPoint, filterShape, scales, bias, in, out, o);
        run(depthwise8, q, shape, gotQ);
        assertExact(
            wantQ, gotQ, o.activation(), what + " int8, weight zero point " + weightZeroPoint);
        assertSplitsExactly(depthwise8, q, shape, gotQ, what + " int8");
      }
    }
  }

  /**
   * Runs {@code op} as three ranges of its units ({@link SplitOp}), each with a fresh scratch as a
   * thread of its own would, and checks the output is {@code whole}'s, bit for bit.
   */
  @SuppressWarnings("unchecked")
  private void assertSplitsExactly(
      UnaryOp<float[], float[]> op, float[] in, int[] shape, float[] whole, String what) {
    float[] parts = new float[whole.length];
    for (int[] range : cuts(op, shape)) {
      ((SplitOp<float[], float[]>) op)
          .runUnits(in, shape, parts, new Scratch(), range[0], range[1]);
    }
    for (int i = 0; i < whole.length; i++) {
      if (Float.floatToRawIntBits(whole[i]) != Float.floatToRawIntBits(parts[i])) {
        throw new AssertionError(
            what + " split: element " + i + " " + parts[i] + ", expected " + whole[i]);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void assertSplitsExactly(
      UnaryOp<byte[], byte[]> op, byte[] in, int[] shape, byte[] whole, String what) {
    byte[] parts = new byte[whole.length];
    Arrays.fill(parts, (byte) 99);
    for (int[] range : cuts(op, shape)) {
      ((SplitOp<byte[], byte[]>) op).runUnits(in, shape, parts, new Scratch(), range[0], range[1]);
    }
    assertEquals(Arrays.toString(whole), Arrays.toString(parts), what + " split");
  }

  /** Three ranges covering the op's units at random cuts (some may be empty). */
  private int[][] cuts(UnaryOp<?, ?> op, int[] shape) {
    int units = assertInstanceOf(SplitOp.class, op).units(shape);
    assertTrue(units >= 1);
    int a = rnd.nextInt(units + 1);
    int b = a + rnd.nextInt(units - a + 1);
    return new int[][] {{0, a}, {a, b}, {b, units}};
  }
}
