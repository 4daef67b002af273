package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the fastest kernel set ({@link FastKernels}, or the Vector API set when this
 * test runs in the lite-vector module) against {@link ReferenceKernels} on seeded random shapes and
 * values: odd sizes, batches above 1, strides, dilation, both paddings, per-tensor and per-channel
 * int8, hybrid (float activations, int8 weights). Int8 must be equal; float32 within 1e-4 relative
 * (to {@code max(1, |ref|)}). Output arrays start with different garbage on each side, so an
 * element one side leaves unwritten shows up.
 */
class DifferentialTest {
  private static final long SEED = 0x5EED_2024L;
  private static final int CASES = 40;
  private static final Kernels REF = new ReferenceKernels();

  /** The fastest set this JVM has: FastKernels here, the Vector API set in lite-vector's run. */
  private static final Kernels FAST = KernelSelector.select(null);

  private static final Activation[] ACTIVATIONS = Activation.values();

  private final Random rnd = new Random(SEED);
  private final Scratch refScratch = new Scratch();
  private final Scratch fastScratch = new Scratch();

  // ---- data -------------------------------------------------------------------------------------

  private int between(int lo, int hi) {
    return lo + rnd.nextInt(hi - lo + 1);
  }

  private Activation activation() {
    return ACTIVATIONS[rnd.nextInt(ACTIVATIONS.length)];
  }

  private Padding padding() {
    return rnd.nextBoolean() ? Padding.SAME : Padding.VALID;
  }

  private float[] floats(int n) {
    float[] a = new float[n + rnd.nextInt(3)]; // sometimes longer, as arena buffers are
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) rnd.nextGaussian();
    }
    return a;
  }

  private byte[] bytes(int n) {
    byte[] a = new byte[n + rnd.nextInt(3)];
    rnd.nextBytes(a);
    return a;
  }

  /** Symmetric int8 weights in [-127, 127], as TFLite's quantizer makes them. */
  private byte[] weights(int n) {
    byte[] a = new byte[n];
    for (int i = 0; i < n; i++) {
      a[i] = (byte) between(-127, 127);
    }
    return a;
  }

  /** Weights in [-3, 3]: with inputs near their zero point, sums small enough to see each unit. */
  private byte[] smallWeights(int n) {
    byte[] a = new byte[n];
    for (int i = 0; i < n; i++) {
      a[i] = (byte) between(-3, 3);
    }
    return a;
  }

  /** Inputs within 3 of the zero point. */
  private byte[] near(Quant q, int n) {
    byte[] a = new byte[n + rnd.nextInt(3)];
    for (int i = 0; i < a.length; i++) {
      a[i] = (byte) Math.max(-128, Math.min(127, q.zeroPoint() + between(-3, 3)));
    }
    return a;
  }

  /** An output scale whose multiplier is 0.3 to 1: one accumulator unit moves the output. */
  private Quant fineOutput(Quant input, float[] scales) {
    return new Quant(
        (float) (input.scale() * scales[0] / (0.3 + 0.7 * rnd.nextDouble())), between(-5, 5));
  }

  private Quant quant() {
    return new Quant((float) (0.01 + rnd.nextDouble() * 0.1), between(-128, 127));
  }

  private float[] scales(int channels) {
    float[] s = new float[rnd.nextBoolean() ? 1 : channels];
    for (int i = 0; i < s.length; i++) {
      s[i] = (float) (0.002 + rnd.nextDouble() * 0.01);
    }
    return s;
  }

  /** An output scale that spreads {@code terms}-term int8 dot products over the int8 range. */
  private Quant outputFor(Quant input, float[] scales, int terms) {
    double typical = Math.sqrt(terms) * 73 * 74 * input.scale() * scales[0];
    return new Quant((float) (typical / (20 + rnd.nextInt(60))), between(-20, 20));
  }

  private int[] bias(int channels, int magnitude) {
    if (rnd.nextInt(4) == 0) {
      return null;
    }
    int[] b = new int[channels];
    for (int i = 0; i < channels; i++) {
      b[i] = between(-magnitude, magnitude);
    }
    return b;
  }

  private float[] floatBias(int channels) {
    return rnd.nextInt(4) == 0 ? null : Arrays.copyOf(floats(channels), channels);
  }

  // ---- comparison -------------------------------------------------------------------------------

  private static void assertClose(float[] ref, float[] fast, int size, String what) {
    for (int i = 0; i < size; i++) {
      float r = ref[i];
      float f = fast[i];
      if (Float.isNaN(r) && Float.isNaN(f)) {
        continue;
      }
      if (!(Math.abs(f - r) <= 1e-4f * Math.max(1f, Math.abs(r)))) {
        fail(what + ": element " + i + " expected " + r + " but fast gave " + f);
      }
    }
  }

  private static void assertSame(byte[] ref, byte[] fast, int size, String what) {
    assertArrayEquals(Arrays.copyOf(ref, size), Arrays.copyOf(fast, size), what);
  }

  private void compare(
      UnaryOp<float[], float[]> ref, UnaryOp<float[], float[]> fast, int[] shape, String what) {
    int[] outShape = ref.outputShape(shape);
    assertArrayEquals(outShape, fast.outputShape(shape), what);
    int size = Shapes.size(outShape);
    float[] in = floats(Shapes.size(shape));
    float[] r = new float[size + 2];
    float[] f = new float[size + 2];
    Arrays.fill(r, Float.NaN);
    Arrays.fill(f, -12345f);
    ref.run(in, shape, r, refScratch);
    fast.run(in, shape, f, fastScratch);
    assertClose(r, f, size, what);
  }

  private void compareInt8(
      UnaryOp<byte[], byte[]> ref, UnaryOp<byte[], byte[]> fast, int[] shape, String what) {
    compareInt8(ref, fast, shape, bytes(Shapes.size(shape)), what);
  }

  private void compareInt8(
      UnaryOp<byte[], byte[]> ref,
      UnaryOp<byte[], byte[]> fast,
      int[] shape,
      byte[] in,
      String what) {
    int[] outShape = ref.outputShape(shape);
    assertArrayEquals(outShape, fast.outputShape(shape), what);
    int size = Shapes.size(outShape);
    byte[] r = new byte[size + 2];
    byte[] f = new byte[size + 2];
    Arrays.fill(r, (byte) 0x55);
    Arrays.fill(f, (byte) 0x2A);
    ref.run(in, shape, r, refScratch);
    fast.run(in, shape, f, fastScratch);
    assertSame(r, f, size, what);
  }

  // ---- fully connected --------------------------------------------------------------------------

  @Test
  void fullyConnected() {
    for (int c = 0; c < CASES; c++) {
      int inputs = between(1, 70);
      int outputs = between(1, 70);
      int batch = rnd.nextInt(3) == 0 ? between(2, 9) : 1;
      Activation act = activation();
      String what = "FC " + batch + "x" + inputs + "->" + outputs + " " + act;
      FloatBuffer w = FloatBuffer.wrap(floats(outputs * inputs));
      float[] bias = floatBias(outputs);
      compare(
          REF.fullyConnected(w, outputs, inputs, bias, act),
          FAST.fullyConnected(w, outputs, inputs, bias, act),
          new int[] {batch, inputs},
          what);
      ByteBuffer hw = ByteBuffer.wrap(weights(outputs * inputs));
      float[] hs = scales(outputs);
      compare(
          REF.hybridFullyConnected(hw, outputs, inputs, hs, bias, act),
          FAST.hybridFullyConnected(hw, outputs, inputs, hs, bias, act),
          new int[] {batch, inputs},
          what + " hybrid " + hs.length + " scales");

      // Every third case is sensitive: small weights and inputs, a multiplier near 1.
      boolean fine = c % 3 == 0;
      ByteBuffer wq =
          ByteBuffer.wrap(fine ? smallWeights(outputs * inputs) : weights(outputs * inputs));
      float[] scales = scales(outputs);
      Quant in = quant();
      Quant out = fine ? fineOutput(in, scales) : outputFor(in, scales, inputs);
      int[] qbias = bias(outputs, fine ? 20 : 3000);
      int[] shape = {batch, inputs};
      byte[] qin = fine ? near(in, batch * inputs) : bytes(batch * inputs);
      UnaryOp<byte[], byte[]> reference =
          REF.fullyConnected(wq, outputs, inputs, scales, qbias, in, out, act);
      what += " int8 " + scales.length + " scales" + (fine ? " fine" : "");
      compareInt8(
          reference,
          FAST.fullyConnected(wq, outputs, inputs, scales, qbias, in, out, act),
          shape,
          qin,
          what);
      // Both int8 layouts: weights widened to int rows (small layers) and int8 panels (large).
      for (boolean widen : new boolean[] {true, false}) {
        FastFullyConnected.Int8Op fast =
            new FastFullyConnected.Int8Op(wq, outputs, inputs, scales, qbias, in, out, act, widen);
        assertTrue(fast.widened() == widen);
        compareInt8(reference, fast, shape, qin, what + (widen ? " widened" : " panels"));
      }
    }
  }

  // ---- convolutions -----------------------------------------------------------------------------

  private ConvOptions convOptions() {
    return new ConvOptions(
        padding(), between(1, 3), between(1, 3), between(1, 2), between(1, 2), activation());
  }

  /** An input shape the window fits (VALID needs the dilated filter inside). */
  private int[] inputFor(int kh, int kw, ConvOptions o, int channels) {
    int batch = rnd.nextInt(3) == 0 ? 2 : 1;
    int minH = (kh - 1) * o.dilationH() + 1;
    int minW = (kw - 1) * o.dilationW() + 1;
    return new int[] {batch, between(minH, minH + 9), between(minW, minW + 9), channels};
  }

  @Test
  void conv2d() {
    int floatRoutes = 0;
    int intRoutes = 0;
    for (int c = 0; c < CASES; c++) {
      int inC = between(1, 9);
      int outC = between(1, 11);
      int kh = between(1, 4);
      int kw = between(1, 4);
      ConvOptions o = convOptions();
      int[] shape = inputFor(kh, kw, o, inC);
      int[] filterShape = {outC, kh, kw, inC};
      String what = "conv " + Arrays.toString(shape) + " " + Arrays.toString(filterShape) + " " + o;
      FloatBuffer f = FloatBuffer.wrap(floats(outC * kh * kw * inC));
      float[] bias = floatBias(outC);
      compare(
          REF.conv2d(f, filterShape, bias, o), FAST.conv2d(f, filterShape, bias, o), shape, what);
      ByteBuffer hf = ByteBuffer.wrap(weights(outC * kh * kw * inC));
      float[] hs = scales(outC);
      compare(
          REF.hybridConv2d(hf, filterShape, hs, bias, o),
          FAST.hybridConv2d(hf, filterShape, hs, bias, o),
          shape,
          what + " hybrid " + hs.length + " scales");

      // Every fourth case has many large weights (3x3 over 58 to 70 channels, all +-127): the
      // worst sums reach 255 * 127 * 522 > 2^24, too big for one exact float sum, so the int route
      // (or float sums split into chunks) runs.
      boolean large = c % 4 == 3;
      if (large) {
        inC = between(58, 70);
        filterShape = new int[] {outC, 3, 3, inC};
        shape = inputFor(3, 3, o, inC);
        what += " large " + Arrays.toString(shape) + " " + Arrays.toString(filterShape);
      }
      int k = filterShape[1] * filterShape[2] * inC;
      boolean fine = c % 4 == 1;
      byte[] wq = fine ? smallWeights(outC * k) : weights(outC * k);
      if (large) {
        for (int i = 0; i < wq.length; i++) {
          wq[i] = (byte) (rnd.nextBoolean() ? 127 : -127);
        }
      }
      float[] scales = scales(outC);
      Quant in = quant();
      Quant out = fine ? fineOutput(in, scales) : outputFor(in, scales, k);
      int[] qbias = bias(outC, fine ? 20 : 5000);
      ByteBuffer w = ByteBuffer.wrap(wq);
      UnaryOp<byte[], byte[]> fast = FAST.conv2d(w, filterShape, scales, qbias, in, out, o);
      if (fast instanceof ExactSums route && route.floatChunks() == 1) {
        floatRoutes++;
      } else {
        intRoutes++;
      }
      compareInt8(
          REF.conv2d(w, filterShape, scales, qbias, in, out, o),
          fast,
          shape,
          fine ? near(in, Shapes.size(shape)) : bytes(Shapes.size(shape)),
          what + " int8 " + scales.length + " scales" + (fine ? " fine" : ""));
      // Classic uint8 models: asymmetric weights, held as int8 with their zero point.
      int zp = between(0, 41) - 20;
      compareInt8(
          REF.conv2d(w, zp, filterShape, scales, qbias, in, out, o),
          FAST.conv2d(w, zp, filterShape, scales, qbias, in, out, o),
          shape,
          bytes(Shapes.size(shape)),
          what + " int8 with weight zero point " + zp);
    }
    assertTrue(floatRoutes > 0 && intRoutes > 0, floatRoutes + " float, " + intRoutes + " int");
  }

  @Test
  void depthwiseConv2d() {
    for (int c = 0; c < CASES; c++) {
      int inC = between(1, 12);
      int multiplier = between(1, 3);
      int outC = inC * multiplier;
      int kh = between(1, 4);
      int kw = between(1, 4);
      ConvOptions o = convOptions();
      int[] shape = inputFor(kh, kw, o, inC);
      int[] filterShape = {1, kh, kw, outC};
      String what = "depthwise " + Arrays.toString(shape) + " " + Arrays.toString(filterShape) + o;
      FloatBuffer f = FloatBuffer.wrap(floats(kh * kw * outC));
      float[] bias = floatBias(outC);
      compare(
          REF.depthwiseConv2d(f, filterShape, bias, o),
          FAST.depthwiseConv2d(f, filterShape, bias, o),
          shape,
          what);
      ByteBuffer hf = ByteBuffer.wrap(weights(kh * kw * outC));
      float[] hs = scales(outC);
      compare(
          REF.hybridDepthwiseConv2d(hf, filterShape, hs, bias, o),
          FAST.hybridDepthwiseConv2d(hf, filterShape, hs, bias, o),
          shape,
          what + " hybrid " + hs.length + " scales");
      boolean fine = c % 3 == 0;
      ByteBuffer w = ByteBuffer.wrap(fine ? smallWeights(kh * kw * outC) : weights(kh * kw * outC));
      float[] scales = scales(outC);
      Quant in = quant();
      Quant out = fine ? fineOutput(in, scales) : outputFor(in, scales, kh * kw);
      int[] qbias = bias(outC, fine ? 20 : 2000);
      compareInt8(
          REF.depthwiseConv2d(w, filterShape, scales, qbias, in, out, o),
          FAST.depthwiseConv2d(w, filterShape, scales, qbias, in, out, o),
          shape,
          fine ? near(in, Shapes.size(shape)) : bytes(Shapes.size(shape)),
          what + " int8" + (fine ? " fine" : ""));
      int zp = between(0, 41) - 20;
      compareInt8(
          REF.depthwiseConv2d(w, zp, filterShape, scales, qbias, in, out, o),
          FAST.depthwiseConv2d(w, zp, filterShape, scales, qbias, in, out, o),
          shape,
          bytes(Shapes.size(shape)),
          what + " int8 with weight zero point " + zp);
    }
  }

  // ---- pooling and mean -------------------------------------------------------------------------

  @Test
  void pooling() {
    for (int c = 0; c < CASES; c++) {
      PoolOptions o =
          new PoolOptions(
              padding(), between(1, 4), between(1, 4), between(1, 3), between(1, 3), activation());
      int[] shape = {
        between(1, 2), between(o.filterH(), 12), between(o.filterW(), 12), between(1, 10)
      };
      String what = "pool " + Arrays.toString(shape) + " " + o;
      compare(REF.averagePool(o), FAST.averagePool(o), shape, "average " + what);
      compare(REF.maxPool(o), FAST.maxPool(o), shape, "max " + what);
      Quant q = quant();
      compareInt8(REF.averagePool(o, q), FAST.averagePool(o, q), shape, "int8 average " + what);
      compareInt8(REF.maxPool(o, q), FAST.maxPool(o, q), shape, "int8 max " + what);
    }
  }

  @Test
  void mean() {
    for (int c = 0; c < CASES; c++) {
      int rank = between(1, 4);
      int[] shape = new int[rank];
      for (int d = 0; d < rank; d++) {
        shape[d] = between(1, 7);
      }
      List<Integer> axes = new ArrayList<>();
      for (int d = 0; d < rank; d++) {
        if (rnd.nextBoolean()) {
          axes.add(rnd.nextBoolean() ? d : d - rank);
        }
      }
      if (rank == 4 && c % 2 == 0) { // the spatial mean, the fast path's special case
        axes = List.of(1, 2);
      }
      int[] a = axes.stream().mapToInt(Integer::intValue).toArray();
      boolean keep = rnd.nextBoolean();
      String what = "mean " + Arrays.toString(shape) + " axes " + axes + " keep " + keep;
      compare(REF.mean(a, keep), FAST.mean(a, keep), shape, what);
      Quant in = quant();
      Quant out = rnd.nextBoolean() ? in : quant();
      compareInt8(REF.mean(a, keep, in, out), FAST.mean(a, keep, in, out), shape, what + " int8");
    }
  }

  // ---- arithmetic -------------------------------------------------------------------------------

  /**
   * Operand shapes: equal, equal but for leading 1s, scalar, per-channel, column and two-sided
   * broadcasts.
   */
  private int[][] operandShapes() {
    int rank = between(1, 4);
    int[] full = new int[rank];
    for (int d = 0; d < rank; d++) {
      full[d] = between(1, 6);
    }
    int[] other;
    switch (rnd.nextInt(6)) {
      case 0 -> other = full.clone();
      case 5 -> {
        other = new int[rank + 1]; // the same elements, one rank more
        other[0] = 1;
        System.arraycopy(full, 0, other, 1, rank);
      }
      case 1 -> other = rnd.nextBoolean() ? new int[0] : new int[] {1};
      case 2 -> other = new int[] {full[rank - 1]}; // per channel
      case 3 -> {
        other = full.clone(); // a column: the last axis broadcast
        other[rank - 1] = 1;
      }
      default -> {
        other = new int[rank]; // each axis of one operand or the other
        for (int d = 0; d < rank; d++) {
          boolean mine = rnd.nextBoolean();
          other[d] = mine ? full[d] : 1;
          if (!mine) {
            continue;
          }
          full[d] = rnd.nextBoolean() ? full[d] : 1;
        }
      }
    }
    return rnd.nextBoolean() ? new int[][] {full, other} : new int[][] {other, full};
  }

  private void compareBinary(BinaryOp<float[]> ref, BinaryOp<float[]> fast, String what) {
    int[][] s = operandShapes();
    int[] out = ref.outputShape(s[0], s[1]);
    int size = Shapes.size(out);
    float[] a = floats(Shapes.size(s[0]));
    float[] b = floats(Shapes.size(s[1]));
    float[] r = new float[size];
    float[] f = new float[size];
    Arrays.fill(r, Float.NaN);
    ref.run(a, s[0], b, s[1], r);
    fast.run(a, s[0], b, s[1], f);
    assertClose(r, f, size, what + " " + Arrays.toString(s[0]) + " " + Arrays.toString(s[1]));
  }

  private void compareBinaryInt8(BinaryOp<byte[]> ref, BinaryOp<byte[]> fast, String what) {
    int[][] s = operandShapes();
    int size = Shapes.size(ref.outputShape(s[0], s[1]));
    byte[] a = bytes(Shapes.size(s[0]));
    byte[] b = bytes(Shapes.size(s[1]));
    byte[] r = new byte[size];
    byte[] f = new byte[size];
    Arrays.fill(f, (byte) 0x2A);
    ref.run(a, s[0], b, s[1], r);
    fast.run(a, s[0], b, s[1], f);
    assertSame(r, f, size, what + " " + Arrays.toString(s[0]) + " " + Arrays.toString(s[1]));
  }

  @Test
  void arithmetic() {
    for (int c = 0; c < CASES; c++) {
      Activation act = activation();
      compareBinary(REF.add(act), FAST.add(act), "add " + act);
      compareBinary(REF.sub(act), FAST.sub(act), "sub " + act);
      compareBinary(REF.mul(act), FAST.mul(act), "mul " + act);
      Quant a = quant();
      Quant b = quant();
      Quant sum = new Quant(Math.max(a.scale(), b.scale()) * 1.5f, between(-10, 10));
      compareBinaryInt8(REF.add(a, b, sum, act), FAST.add(a, b, sum, act), "int8 add " + act);
      compareBinaryInt8(REF.sub(a, b, sum, act), FAST.sub(a, b, sum, act), "int8 sub " + act);
      Quant product = new Quant(a.scale() * b.scale() * between(20, 200), between(-10, 10));
      compareBinaryInt8(
          REF.mul(a, b, product, act), FAST.mul(a, b, product, act), "int8 mul " + act);
    }
  }

  // ---- activations and elementwise --------------------------------------------------------------

  /** Every int8 value, shuffled, plus random ones. */
  private byte[] allBytes() {
    byte[] in = new byte[256 + between(0, 50)];
    for (int i = 0; i < in.length; i++) {
      in[i] = (byte) (i < 256 ? i - 128 : rnd.nextInt(256) - 128);
    }
    return in;
  }

  @Test
  void activations() {
    for (int c = 0; c < CASES; c++) {
      int[] shape = {between(1, 3), between(1, 40)};
      float alpha = (float) rnd.nextDouble();
      compare(REF.relu(), FAST.relu(), shape, "relu");
      compare(REF.relu6(), FAST.relu6(), shape, "relu6");
      compare(REF.leakyRelu(alpha), FAST.leakyRelu(alpha), shape, "leaky relu");
      compare(REF.logistic(), FAST.logistic(), shape, "logistic");
      compare(REF.tanh(), FAST.tanh(), shape, "tanh");

      byte[] all = allBytes();
      int[] flat = {all.length};
      Quant in = quant();
      Quant out = quant();
      compareInt8(REF.relu(in, out), FAST.relu(in, out), flat, all, "int8 relu");
      compareInt8(REF.relu6(in, out), FAST.relu6(in, out), flat, all, "int8 relu6");
      compareInt8(
          REF.leakyRelu(alpha, in, out), FAST.leakyRelu(alpha, in, out), flat, all, "int8 leaky");
      Quant sigmoid = new Quant(1f / 256, -128);
      compareInt8(
          REF.logistic(in, sigmoid), FAST.logistic(in, sigmoid), flat, all, "int8 logistic");
      Quant tanh = new Quant(1f / 128, 0);
      compareInt8(REF.tanh(in, tanh), FAST.tanh(in, tanh), flat, all, "int8 tanh");
    }
  }

  @Test
  void softmax() {
    for (int c = 0; c < CASES; c++) {
      int[] shape = {between(1, 4), between(1, 30)};
      float beta = (float) (0.5 + rnd.nextDouble());
      compare(REF.softmax(beta), FAST.softmax(beta), shape, "softmax " + beta);
      Quant in = new Quant((float) (0.01 + rnd.nextDouble() * 0.3), between(-128, 127));
      Quant out = new Quant(1f / 256, -128);
      compareInt8(
          REF.softmax(beta, in, out), FAST.softmax(beta, in, out), shape, "int8 softmax " + beta);
    }
  }

  @Test
  void quantizeAndDequantize() {
    for (int c = 0; c < CASES; c++) {
      Quant q = quant();
      int n = between(1, 300);
      float[] in = floats(n);
      for (int i = 0; i < in.length; i++) {
        in[i] *= 5 * q.scale() * 128; // beyond the range now and then
      }
      byte[] r = new byte[n];
      byte[] f = new byte[n];
      REF.quantize(q).run(in, new int[] {n}, r, refScratch);
      FAST.quantize(q).run(in, new int[] {n}, f, fastScratch);
      assertArrayEquals(r, f, "quantize " + q);
      byte[] all = allBytes();
      float[] dr = new float[all.length];
      float[] df = new float[all.length];
      REF.dequantize(q).run(all, new int[] {all.length}, dr, refScratch);
      FAST.dequantize(q).run(all, new int[] {all.length}, df, fastScratch);
      assertArrayEquals(dr, df, "dequantize " + q);
    }
  }

  // ---- data movement ----------------------------------------------------------------------------

  @Test
  void pad() {
    for (int c = 0; c < CASES; c++) {
      int rank = between(1, 4);
      int[] shape = new int[rank];
      int[] paddings = new int[2 * rank];
      for (int d = 0; d < rank; d++) {
        shape[d] = between(1, 5);
        paddings[2 * d] = between(0, 2);
        paddings[2 * d + 1] = between(0, 2);
      }
      String what = "pad " + Arrays.toString(shape) + " " + Arrays.toString(paddings);
      float value = (float) rnd.nextGaussian();
      compare(REF.pad(paddings, value), FAST.pad(paddings, value), shape, what);
      byte bv = (byte) between(-128, 127);
      compareInt8(REF.pad(paddings, bv), FAST.pad(paddings, bv), shape, what + " int8");
    }
  }

  @Test
  void concatenation() {
    for (int c = 0; c < CASES; c++) {
      int rank = between(1, 4);
      int axis = between(0, rank - 1);
      int[] base = new int[rank];
      for (int d = 0; d < rank; d++) {
        base[d] = between(1, 4);
      }
      int count = between(1, 4);
      int[][] shapes = new int[count][];
      float[][] inputs = new float[count][];
      for (int i = 0; i < count; i++) {
        shapes[i] = base.clone();
        shapes[i][axis] = between(1, 3);
        inputs[i] = floats(Shapes.size(shapes[i]));
      }
      int size = Shapes.size(REF.concatenation(axis).outputShape(shapes));
      float[] r = new float[size];
      float[] f = new float[size];
      int signedAxis = rnd.nextBoolean() ? axis : axis - rank;
      REF.concatenation(signedAxis).run(inputs, shapes, r);
      FAST.concatenation(signedAxis).run(inputs, shapes, f);
      assertArrayEquals(r, f, "concat axis " + axis + " " + Arrays.deepToString(shapes));
    }
  }
}
