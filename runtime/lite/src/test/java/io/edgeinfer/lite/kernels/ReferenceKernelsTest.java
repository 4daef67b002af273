package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** The reference kernels on inputs small enough to work out by hand (worked in the comments). */
class ReferenceKernelsTest {
  private static final Kernels REF = new ReferenceKernels();
  private static final float EPS = 1e-6f;

  private static float[] run(UnaryOp<float[], float[]> op, float[] in, int... shape) {
    float[] out = new float[Shapes.size(op.outputShape(shape))];
    op.run(in, shape, out, new Scratch());
    return out;
  }

  private static byte[] run(UnaryOp<byte[], byte[]> op, byte[] in, int... shape) {
    byte[] out = new byte[Shapes.size(op.outputShape(shape))];
    op.run(in, shape, out, new Scratch());
    return out;
  }

  private static FloatBuffer floats(float... values) {
    return FloatBuffer.wrap(values);
  }

  private static ByteBuffer bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) values[i];
    }
    return ByteBuffer.wrap(b);
  }

  private static byte[] b(int... values) {
    return bytes(values).array();
  }

  @Test
  void fullyConnectedFloat() {
    // W = [[1, 2], [3, 4], [5, 6]], bias [0.5, -1, 0].
    // x = [1, -1]: [1 - 2 + 0.5, 3 - 4 - 1, 5 - 6] = [-0.5, -2, -1]; x = [2, 1]: [4.5, 9, 16].
    UnaryOp<float[], float[]> fc =
        REF.fullyConnected(
            floats(1, 2, 3, 4, 5, 6), 3, 2, new float[] {0.5f, -1, 0}, Activation.NONE);
    assertArrayEquals(new int[] {2, 3}, fc.outputShape(new int[] {2, 2}));
    assertArrayEquals(
        new float[] {-0.5f, -2, -1, 4.5f, 9, 16}, run(fc, new float[] {1, -1, 2, 1}, 2, 2), EPS);
    UnaryOp<float[], float[]> relu6 =
        REF.fullyConnected(floats(1, 2, 3, 4, 5, 6), 3, 2, null, Activation.RELU6);
    // Without bias, [2, 1] gives [4, 10, 16], clamped to [4, 6, 6].
    assertArrayEquals(new float[] {4, 6, 6}, run(relu6, new float[] {2, 1}, 1, 2), EPS);
  }

  @Test
  void fullyConnectedInt8() {
    // Input scale 0.5, zero point 1: q = [3, -1] means x - zp = [2, -2]. Weights [[10, 20]] with
    // scale 0.02, bias 5: acc = 20 - 40 + 5 = -15. Requantized by 0.5 * 0.02 / 0.25 = 0.04
    // (QuantizationTest): -1, plus the output zero point -3 gives -4.
    UnaryOp<byte[], byte[]> fc =
        REF.fullyConnected(
            bytes(10, 20),
            1,
            2,
            new float[] {0.02f},
            new int[] {5},
            new Quant(0.5f, 1),
            new Quant(0.25f, -3),
            Activation.NONE);
    assertArrayEquals(b(-4), run(fc, b(3, -1), 1, 2));
    // RELU clamps at the output's zero point -3.
    UnaryOp<byte[], byte[]> relu =
        REF.fullyConnected(
            bytes(10, 20),
            1,
            2,
            new float[] {0.02f},
            new int[] {5},
            new Quant(0.5f, 1),
            new Quant(0.25f, -3),
            Activation.RELU);
    assertArrayEquals(b(-3), run(relu, b(3, -1), 1, 2));
    // Per channel: a second row [1, 1] at scale 0.04 (multiplier 0.08): acc = 2 - 2 + 100 = 100,
    // 100 * 0.08 = 8, plus -3 = 5.
    UnaryOp<byte[], byte[]> perChannel =
        REF.fullyConnected(
            bytes(10, 20, 1, 1),
            2,
            2,
            new float[] {0.02f, 0.04f},
            new int[] {5, 100},
            new Quant(0.5f, 1),
            new Quant(0.25f, -3),
            Activation.NONE);
    assertArrayEquals(b(-4, 5), run(perChannel, b(3, -1), 1, 2));
  }

  @Test
  void conv2dTwoByTwo() {
    // Input 3x3 [[1, 2, 3], [4, 5, 6], [7, 8, 9]], one 2x2 filter [[1, 2], [3, 4]], bias 1.
    // VALID: 1 + 4 + 12 + 20 = 37, 2 + 6 + 15 + 24 = 47, 4 + 10 + 21 + 32 = 67,
    // 5 + 12 + 24 + 36 = 77; plus 1.
    float[] image = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    int[] filterShape = {1, 2, 2, 1};
    UnaryOp<float[], float[]> valid =
        REF.conv2d(
            floats(1, 2, 3, 4),
            filterShape,
            new float[] {1},
            ConvOptions.of(Padding.VALID, 1, Activation.NONE));
    assertArrayEquals(new int[] {1, 2, 2, 1}, valid.outputShape(new int[] {1, 3, 3, 1}));
    assertArrayEquals(new float[] {38, 48, 68, 78}, run(valid, image, 1, 3, 3, 1), EPS);
    // SAME, stride 2: out 2x2, padding (1 * 2 + 2 - 3) / 2 = 0 before (the extra row and column
    // go after). [0,0] = 37; [0,1] taps columns 2, 3: 3 * 1 + 6 * 3 = 21; [1,0] rows 2, 3:
    // 7 * 1 + 8 * 2 = 23; [1,1]: 9 * 1 = 9.
    UnaryOp<float[], float[]> same =
        REF.conv2d(
            floats(1, 2, 3, 4),
            filterShape,
            null,
            ConvOptions.of(Padding.SAME, 2, Activation.NONE));
    assertArrayEquals(new float[] {37, 21, 23, 9}, run(same, image, 1, 3, 3, 1), EPS);
    // Dilation 2, VALID: the taps land on the corners: 1 * 1 + 3 * 2 + 7 * 3 + 9 * 4 = 64.
    UnaryOp<float[], float[]> dilated =
        REF.conv2d(
            floats(1, 2, 3, 4),
            filterShape,
            null,
            new ConvOptions(Padding.VALID, 1, 1, 2, 2, Activation.NONE));
    assertArrayEquals(new float[] {64}, run(dilated, image, 1, 3, 3, 1), EPS);
  }

  @Test
  void conv2dChannels() {
    // One pixel, two input channels [1, 2], 1x1 filters for two outputs: [3, 4] and [-1, 1]:
    // [3 + 8, -1 + 2] = [11, 1]; RELU_N1_TO_1 clamps to [1, 1].
    UnaryOp<float[], float[]> conv =
        REF.conv2d(
            floats(3, 4, -1, 1),
            new int[] {2, 1, 1, 2},
            null,
            ConvOptions.of(Padding.VALID, 1, Activation.RELU_N1_TO_1));
    assertArrayEquals(new float[] {1, 1}, run(conv, new float[] {1, 2}, 1, 1, 1, 2), EPS);
    assertThrows(IllegalArgumentException.class, () -> conv.outputShape(new int[] {1, 1, 1, 3}));
  }

  @Test
  void conv2dInt8() {
    // The 2x2 example in int8: input scale 1, zero point -1 (q = x - 1), filter scale 1 per
    // channel, output scale 4, zero point 0. Accumulators 37..77 as above, plus bias 3:
    // 40 / 4 = 10, 50 / 4 = 12.5 -> 13 (the reference rounds the tie up), 70 / 4 = 17.5 -> 18,
    // 80 / 4 = 20.
    UnaryOp<byte[], byte[]> conv =
        REF.conv2d(
            bytes(1, 2, 3, 4),
            new int[] {1, 2, 2, 1},
            new float[] {1f},
            new int[] {3},
            new Quant(1f, -1),
            new Quant(4f, 0),
            ConvOptions.of(Padding.VALID, 1, Activation.NONE));
    assertArrayEquals(b(10, 13, 18, 20), run(conv, b(0, 1, 2, 3, 4, 5, 6, 7, 8), 1, 3, 3, 1));
  }

  @Test
  void depthwiseConv2d() {
    // A 2x2 input with channels [a, b]: pixels [1, 10], [2, 20], [3, 30], [4, 40].
    // Multiplier 1, filter taps per channel [1, 1, 1, 1] and [1, 0, 0, -1]:
    // channel 0: 1 + 2 + 3 + 4 = 10; channel 1: 10 - 40 = -30.
    float[] image = {1, 10, 2, 20, 3, 30, 4, 40};
    UnaryOp<float[], float[]> dw =
        REF.depthwiseConv2d(
            floats(1, 1, 1, 0, 1, 0, 1, -1),
            new int[] {1, 2, 2, 2},
            null,
            ConvOptions.of(Padding.VALID, 1, Activation.NONE));
    assertArrayEquals(new float[] {10, -30}, run(dw, image, 1, 2, 2, 2), EPS);
    // Multiplier 2 on one input channel: outputs m = 0, 1 use filter columns 0 and 1.
    UnaryOp<float[], float[]> dw2 =
        REF.depthwiseConv2d(
            floats(1, 2, 1, 2, 1, 2, 1, 2),
            new int[] {1, 2, 2, 2},
            new float[] {0, 0.5f},
            ConvOptions.of(Padding.VALID, 1, Activation.NONE));
    // Input [1, 2, 3, 4]: 10 and 20 + 0.5.
    assertArrayEquals(new float[] {10, 20.5f}, run(dw2, new float[] {1, 2, 3, 4}, 1, 2, 2, 1), EPS);
  }

  @Test
  void depthwiseConv2dInt8() {
    // Input zero point 2 (q = x + 2), scale 0.5; filter [1, 1, 1, 1] scale 0.5; output scale 1.
    // x = [1, 2, 3, 4]: acc = 10, times 0.25 = 2.5 -> 3 (tie away from zero at the last
    // rounding), plus output zero point 1 = 4.
    UnaryOp<byte[], byte[]> dw =
        REF.depthwiseConv2d(
            bytes(1, 1, 1, 1),
            new int[] {1, 2, 2, 1},
            new float[] {0.5f},
            null,
            new Quant(0.5f, 2),
            new Quant(1f, 1),
            ConvOptions.of(Padding.VALID, 1, Activation.NONE));
    assertArrayEquals(b(4), run(dw, b(3, 4, 5, 6), 1, 2, 2, 1));
  }

  @Test
  void pooling() {
    // 4x4 input 0..15, 2x2 windows, stride 2: averages 2.5, 4.5, 10.5, 12.5; maxima 5, 7, 13, 15.
    float[] image = new float[16];
    for (int i = 0; i < 16; i++) {
      image[i] = i;
    }
    PoolOptions o = PoolOptions.of(Padding.VALID, 2, 2, Activation.NONE);
    assertArrayEquals(
        new float[] {2.5f, 4.5f, 10.5f, 12.5f}, run(REF.averagePool(o), image, 1, 4, 4, 1), EPS);
    assertArrayEquals(new float[] {5, 7, 13, 15}, run(REF.maxPool(o), image, 1, 4, 4, 1), EPS);
    // SAME 3x3 stride 1 at the corner counts only the 4 taps inside: (0 + 1 + 4 + 5) / 4 = 2.5.
    float[] same =
        run(
            REF.averagePool(PoolOptions.of(Padding.SAME, 3, 1, Activation.NONE)),
            image,
            1,
            4,
            4,
            1);
    assertEquals(2.5f, same[0], EPS);
    // RELU6 caps the maxima at 6.
    assertArrayEquals(
        new float[] {5, 6, 6, 6},
        run(REF.maxPool(PoolOptions.of(Padding.VALID, 2, 2, Activation.RELU6)), image, 1, 4, 4, 1),
        EPS);
  }

  @Test
  void poolingInt8() {
    // Windows of 2: (2 + 3) / 2 = 2.5 -> 3 and (-2 - 3) / 2 = -2.5 -> -3 (half away from zero).
    Quant q = new Quant(0.1f, 0);
    PoolOptions o = new PoolOptions(Padding.VALID, 1, 2, 1, 2, Activation.NONE);
    assertArrayEquals(b(3, -3), run(REF.averagePool(o, q), b(2, 3, -2, -3), 1, 1, 4, 1));
    assertArrayEquals(b(3, -2), run(REF.maxPool(o, q), b(2, 3, -2, -3), 1, 1, 4, 1));
    // RELU with zero point -1 clamps below at -1.
    Quant shifted = new Quant(0.1f, -1);
    PoolOptions relu = new PoolOptions(Padding.VALID, 1, 2, 1, 2, Activation.RELU);
    assertArrayEquals(b(3, -1), run(REF.averagePool(relu, shifted), b(2, 3, -2, -3), 1, 1, 4, 1));
  }

  @Test
  void meanFloat() {
    // [1, 2, 2, 2] (NHWC) over H and W: channel 0 = (1 + 3 + 5 + 7) / 4 = 4, channel 1 = 5.
    float[] in = {1, 2, 3, 4, 5, 6, 7, 8};
    UnaryOp<float[], float[]> mean = REF.mean(new int[] {1, 2}, true);
    assertArrayEquals(new int[] {1, 1, 1, 2}, mean.outputShape(new int[] {1, 2, 2, 2}));
    assertArrayEquals(new float[] {4, 5}, run(mean, in, 1, 2, 2, 2), EPS);
    // Over the last axis, negative, without keep_dims: pairs (1, 2) -> 1.5 and so on.
    UnaryOp<float[], float[]> last = REF.mean(new int[] {-1}, false);
    assertArrayEquals(new int[] {1, 2, 2}, last.outputShape(new int[] {1, 2, 2, 2}));
    assertArrayEquals(new float[] {1.5f, 3.5f, 5.5f, 7.5f}, run(last, in, 1, 2, 2, 2), EPS);
  }

  @Test
  void meanInt8() {
    // Four values 1, 2, 3, 5 with zero point 1: sum 11 - 4 * 1 = 7, mean 1.75 (in the input's
    // units; the output has the same scale). The scale ratio 1 is multiplier 2^30, shift 1; for
    // a count of 4 the significand is shifted left by log2(4) = 2 and divided by 4 (still 2^30)
    // and the shift becomes 1 - 2 = -1. So the high mul gives 7 * 2^30 / 2^31 = 3.5 -> 4 and the
    // division by 2 gives 2, plus the output zero point 3: 5.
    Quant q = new Quant(0.5f, 1);
    UnaryOp<byte[], byte[]> mean = REF.mean(new int[] {1, 2}, false, q, new Quant(0.5f, 3));
    assertArrayEquals(b(5), run(mean, b(1, 2, 3, 5), 1, 2, 2, 1));
    // Count 3 (not a power of two): values 1, 1, 2, zero point 0, scales 1 -> 1: sum 4,
    // multiplier (2^30 << 1) / 3 = 715827882 with shift 0: 4 * 715827882 / 2^31 = 1.33 -> 1.
    Quant one = new Quant(1f, 0);
    assertArrayEquals(b(1), run(REF.mean(new int[] {1}, true, one, one), b(1, 1, 2), 1, 3));
  }

  @Test
  void arithmeticFloat() {
    float[] a = {1, 2, 3, 4, 5, 6};
    float[] row = {10, 20, 30};
    float[] out = new float[6];
    // [2, 3] + [3] broadcasts the row.
    REF.add(Activation.NONE).run(a, new int[] {2, 3}, row, new int[] {3}, out);
    assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, out, EPS);
    // [2, 1] - [3]: a column minus a row gives [2, 3].
    float[] col = {1, 2};
    REF.sub(Activation.NONE).run(col, new int[] {2, 1}, row, new int[] {3}, out);
    assertArrayEquals(new float[] {-9, -19, -29, -8, -18, -28}, out, EPS);
    // Scalar product with RELU6.
    REF.mul(Activation.RELU6).run(a, new int[] {2, 3}, new float[] {2}, new int[0], out);
    assertArrayEquals(new float[] {2, 4, 6, 6, 6, 6}, out, EPS);
    assertArrayEquals(
        new int[] {2, 3}, REF.add(Activation.NONE).outputShape(new int[] {2, 1}, new int[] {3}));
    assertThrows(
        IllegalArgumentException.class,
        () -> REF.add(Activation.NONE).run(a, new int[] {2, 3}, col, new int[] {2}, out));
  }

  @Test
  void arithmeticInt8() {
    // a: q 10 at scale 0.1 (1.0), b: q 20 at scale 0.2 (4.0), output scale 0.3.
    // ADD: 5.0 / 0.3 = 16.7 -> 17. SUB: -3.0 / 0.3 = -10. MUL: 4.0 / 0.3 = 13.3 -> 13.
    Quant qa = new Quant(0.1f, 0);
    Quant qb = new Quant(0.2f, 0);
    Quant qo = new Quant(0.3f, 0);
    byte[] out = new byte[1];
    REF.add(qa, qb, qo, Activation.NONE).run(b(10), new int[] {1}, b(20), new int[] {1}, out);
    assertEquals(17, out[0]);
    REF.sub(qa, qb, qo, Activation.NONE).run(b(10), new int[] {1}, b(20), new int[] {1}, out);
    assertEquals(-10, out[0]);
    REF.mul(qa, qb, qo, Activation.NONE).run(b(10), new int[] {1}, b(20), new int[] {1}, out);
    assertEquals(13, out[0]);
    // Zero points: a = (15 - 5) * 0.1 = 1.0, b = (25 - 5) * 0.2 = 4.0; output zero point 7:
    // ADD 17 + 7 = 24; RELU on SUB clamps -10 + 7 = -3 up to 7.
    Quant za = new Quant(0.1f, 5);
    Quant zb = new Quant(0.2f, 5);
    Quant zo = new Quant(0.3f, 7);
    REF.add(za, zb, zo, Activation.NONE).run(b(15), new int[] {1}, b(25), new int[] {1}, out);
    assertEquals(24, out[0]);
    REF.sub(za, zb, zo, Activation.RELU).run(b(15), new int[] {1}, b(25), new int[] {1}, out);
    assertEquals(7, out[0]);
  }

  @Test
  void activationsFloat() {
    float[] x = {-2, -0.5f, 0, 3, 7};
    assertArrayEquals(new float[] {0, 0, 0, 3, 7}, run(REF.relu(), x, 5), EPS);
    assertArrayEquals(new float[] {0, 0, 0, 3, 6}, run(REF.relu6(), x, 5), EPS);
    assertArrayEquals(new float[] {-0.2f, -0.05f, 0, 3, 7}, run(REF.leakyRelu(0.1f), x, 5), EPS);
    float[] logistic = run(REF.logistic(), new float[] {0, 2, -20, 20}, 4);
    assertArrayEquals(new float[] {0.5f, 0.8807971f, (float) Math.exp(-20), 1f}, logistic, EPS);
    assertArrayEquals(new float[] {0f, 0.7615942f}, run(REF.tanh(), new float[] {0, 1}, 2), EPS);
    // Softmax of [1, 2, 3]: e^x / (e + e^2 + e^3).
    assertArrayEquals(
        new float[] {0.09003057f, 0.24472847f, 0.66524096f},
        run(REF.softmax(1f), new float[] {1, 2, 3}, 1, 3),
        EPS);
  }

  @Test
  void activationsInt8() {
    // RELU from scale 0.1, zp 5 to scale 0.2, zp -3: q 25 is 2.0 -> 10 - 3 = 7; q 1 is -0.4 ->
    // clamped at the output zero point -3.
    Quant in = new Quant(0.1f, 5);
    Quant out = new Quant(0.2f, -3);
    assertArrayEquals(b(7, -3), run(REF.relu(in, out), b(25, 1), 2));
    // RELU6: q 125 is 12.0 -> capped at -3 + round(6 / 0.2) = 27.
    assertArrayEquals(b(27), run(REF.relu6(in, out), b(125), 1));
    // LEAKY_RELU alpha 0.5: q -15 is -2.0 -> -1.0 -> -5 - 3 = -8; q 25 -> 7 as RELU.
    assertArrayEquals(b(-8, 7), run(REF.leakyRelu(0.5f, in, out), b(-15, 25), 2));
    // LOGISTIC, input scale 0.1: q 0 -> 0.5 * 256 - 128 = 0; q 20 (2.0) -> 0.8808 * 256 =
    // 225.48 -> 225 - 128 = 97.
    Quant tenth = new Quant(0.1f, 0);
    assertArrayEquals(b(0, 97), run(REF.logistic(tenth, new Quant(1f / 256, -128)), b(0, 20), 2));
    // TANH to scale 1/128: q 10 (1.0) -> 0.76159 * 128 = 97.48 -> 97; q -10 -> -97.
    assertArrayEquals(b(97, -97), run(REF.tanh(tenth, new Quant(1f / 128, 0)), b(10, -10), 2));
  }

  @Test
  void softmaxInt8() {
    // Input scale 1, beta 1, row [1, 0]: e = [1, exp(-1)], p = [0.7311, 0.2689];
    // p * 256 = [187.15, 68.85] -> [187, 69], minus 128: [59, -59].
    Quant out = new Quant(1f / 256, -128);
    assertArrayEquals(b(59, -59), run(REF.softmax(1f, new Quant(1f, 0), out), b(1, 0), 1, 2));
    // Two equal logits: 0.5 each -> 128 - 128 = 0. Rows are independent.
    assertArrayEquals(
        b(0, 0, 59, -59), run(REF.softmax(1f, new Quant(1f, 0), out), b(3, 3, 1, 0), 2, 2));
  }

  @Test
  void concatenationAndPad() {
    ConcatOp<float[]> concat = REF.concatenation(1);
    int[][] shapes = {{2, 1}, {2, 2}};
    assertArrayEquals(new int[] {2, 3}, concat.outputShape(shapes));
    float[] out = new float[6];
    concat.run(new float[][] {{1, 2}, {10, 11, 20, 21}}, shapes, out);
    assertArrayEquals(new float[] {1, 10, 11, 2, 20, 21}, out, EPS);
    byte[] bout = new byte[4];
    REF.concatenation(0, new Quant(1f, 0))
        .run(new byte[][] {b(1, 2), b(3, 4)}, new int[][] {{2}, {2}}, bout);
    assertArrayEquals(b(1, 2, 3, 4), bout);
    // Pad [2] with one before and two after.
    UnaryOp<float[], float[]> pad = REF.pad(new int[] {1, 2}, -1f);
    assertArrayEquals(new float[] {-1, 5, 6, -1, -1}, run(pad, new float[] {5, 6}, 2), EPS);
    // Pad a 1x2 int8 matrix by a row above and a column on the right with the zero point 3.
    UnaryOp<byte[], byte[]> pad2 = REF.pad(new int[] {1, 0, 0, 1}, (byte) 3);
    assertArrayEquals(new int[] {2, 3}, pad2.outputShape(new int[] {1, 2}));
    assertArrayEquals(b(3, 3, 3, 7, 8, 3), run(pad2, b(7, 8), 1, 2));
  }

  @Test
  void quantizeAndDequantize() {
    Quant q = new Quant(0.5f, -10);
    // round(x / 0.5) - 10, half away from zero: 0.25 -> 1 - 10, -0.25 -> -1 - 10; saturating.
    UnaryOp<float[], byte[]> quantize = REF.quantize(q);
    byte[] out = new byte[4];
    quantize.run(new float[] {0.25f, -0.25f, 1000f, -1000f}, new int[] {4}, out, new Scratch());
    assertArrayEquals(b(-9, -11, 127, -128), out);
    float[] back = new float[2];
    REF.dequantize(q).run(b(-9, 10), new int[] {2}, back, new Scratch());
    assertArrayEquals(new float[] {0.5f, 10f}, back, EPS);
  }

  @Test
  void argumentsAreChecked() {
    UnaryOp<float[], float[]> fc = REF.fullyConnected(floats(1, 2), 1, 2, null, Activation.NONE);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> fc.run(new float[3], new int[] {1, 3}, new float[1], new Scratch()));
    assertEquals("expected a multiple of 2 input elements, found 3", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> REF.fullyConnected(floats(1), 1, 2, null, Activation.NONE));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            REF.fullyConnected(
                bytes(1, 2),
                2,
                1,
                new float[] {1, 2, 3},
                null,
                new Quant(1, 0),
                new Quant(1, 0),
                Activation.NONE));
    assertThrows(IllegalArgumentException.class, () -> new Quant(0f, 0));
    assertThrows(IllegalArgumentException.class, () -> new Quant(1f, 128));
  }
}
