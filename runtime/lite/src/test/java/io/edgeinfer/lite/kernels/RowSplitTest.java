package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast convolutions run in row ranges, each with its own scratch, equal a whole run bit for
 * bit, for float, int8 (both routes) and hybrid layers, across batch boundaries.
 */
class RowSplitTest {
  private final Random rnd = new Random(11);
  private final Kernels fast = new FastKernels();
  private static final int[] SHAPE = {2, 9, 7, 5}; // 2 images: rows cross the batch boundary
  private static final ConvOptions OPTIONS =
      new ConvOptions(Padding.SAME, 2, 1, 1, 2, Activation.RELU6);

  private float[] floats(int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) rnd.nextGaussian();
    }
    return a;
  }

  private byte[] bytes(int n, int magnitude) {
    byte[] a = new byte[n];
    for (int i = 0; i < n; i++) {
      a[i] = (byte) (rnd.nextInt(2 * magnitude + 1) - magnitude);
    }
    return a;
  }

  private float[] scales(int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (0.002 + 0.01 * rnd.nextDouble());
    }
    return a;
  }

  /** Runs whole, then as rows [0, 1), [1, r/2), [r/2, r) with fresh scratches; compares. */
  private void floatSplit(UnaryOp<float[], float[]> op, String what) {
    @SuppressWarnings("unchecked")
    RowSplit<float[], float[]> split =
        (RowSplit<float[], float[]>) assertInstanceOf(RowSplit.class, op, what);
    int rows = split.rows(SHAPE);
    assertEquals(2 * 5, rows, what); // SAME, stride 2 over 9 rows: 5 per image
    float[] in = floats(Shapes.size(SHAPE));
    int size = Shapes.size(op.outputShape(SHAPE));
    float[] whole = new float[size];
    float[] parts = new float[size];
    op.run(in, SHAPE, whole, new Scratch());
    int[] cuts = {0, 1, rows / 2, rows};
    for (int i = 0; i + 1 < cuts.length; i++) {
      split.runRows(in, SHAPE, parts, new Scratch(), cuts[i], cuts[i + 1]);
    }
    assertArrayEquals(whole, parts, what);
  }

  private void int8Split(UnaryOp<byte[], byte[]> op, String what) {
    @SuppressWarnings("unchecked")
    RowSplit<byte[], byte[]> split =
        (RowSplit<byte[], byte[]>) assertInstanceOf(RowSplit.class, op, what);
    int rows = split.rows(SHAPE);
    byte[] in = bytes(Shapes.size(SHAPE), 128);
    int size = Shapes.size(op.outputShape(SHAPE));
    byte[] whole = new byte[size];
    byte[] parts = new byte[size];
    op.run(in, SHAPE, whole, new Scratch());
    int[] cuts = {0, 3, rows - 1, rows};
    for (int i = 0; i + 1 < cuts.length; i++) {
      split.runRows(in, SHAPE, parts, new Scratch(), cuts[i], cuts[i + 1]);
    }
    assertArrayEquals(whole, parts, what);
  }

  @Test
  void convolutions() {
    int[] filter = {6, 3, 2, 5};
    int n = 6 * 3 * 2 * 5;
    floatSplit(fast.conv2d(FloatBuffer.wrap(floats(n)), filter, floats(6), OPTIONS), "conv");
    floatSplit(
        fast.hybridConv2d(ByteBuffer.wrap(bytes(n, 127)), filter, scales(6), null, OPTIONS),
        "hybrid conv");
    Quant in = new Quant(0.05f, 3);
    Quant out = new Quant(0.4f, -2);
    for (int magnitude : new int[] {10, 127}) {
      UnaryOp<byte[], byte[]> q =
          fast.conv2d(
              ByteBuffer.wrap(bytes(n, magnitude)), filter, scales(6), null, in, out, OPTIONS);
      int8Split(q, "int8 conv, weights within " + magnitude);
    }
  }

  @Test
  void depthwiseConvolutions() {
    int[] filter = {1, 3, 3, 10}; // multiplier 2
    int n = 9 * 10;
    floatSplit(
        fast.depthwiseConv2d(FloatBuffer.wrap(floats(n)), filter, floats(10), OPTIONS),
        "depthwise");
    floatSplit(
        fast.hybridDepthwiseConv2d(
            ByteBuffer.wrap(bytes(n, 127)), filter, scales(1), null, OPTIONS),
        "hybrid depthwise");
    int8Split(
        fast.depthwiseConv2d(
            ByteBuffer.wrap(bytes(n, 127)),
            filter,
            scales(10),
            null,
            new Quant(0.05f, 3),
            new Quant(0.4f, -2),
            OPTIONS),
        "int8 depthwise");
  }
}
