package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast kernels that split over threads, run in ranges of their units with a scratch each as the
 * threads do, equal a whole run bit for bit: convolutions (float, int8 on both routes, hybrid)
 * across batch boundaries, FULLY_CONNECTED (float, int8 widened and in panels), PAD, TRANSPOSE,
 * MEAN, pooling, and ADD/SUB/MUL on the broadcasts they split.
 */
class SplitOpTest {
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
    SplitOp<float[], float[]> split =
        (SplitOp<float[], float[]>) assertInstanceOf(SplitOp.class, op, what);
    int rows = split.units(SHAPE);
    assertEquals(2 * 5, rows, what); // SAME, stride 2 over 9 rows: 5 per image
    float[] in = floats(Shapes.size(SHAPE));
    int size = Shapes.size(op.outputShape(SHAPE));
    float[] whole = new float[size];
    float[] parts = new float[size];
    op.run(in, SHAPE, whole, new Scratch());
    int[] cuts = {0, 1, rows / 2, rows};
    for (int i = 0; i + 1 < cuts.length; i++) {
      split.runUnits(in, SHAPE, parts, new Scratch(), cuts[i], cuts[i + 1]);
    }
    assertArrayEquals(whole, parts, what);
  }

  private void int8Split(UnaryOp<byte[], byte[]> op, String what) {
    @SuppressWarnings("unchecked")
    SplitOp<byte[], byte[]> split =
        (SplitOp<byte[], byte[]>) assertInstanceOf(SplitOp.class, op, what);
    int rows = split.units(SHAPE);
    byte[] in = bytes(Shapes.size(SHAPE), 128);
    int size = Shapes.size(op.outputShape(SHAPE));
    byte[] whole = new byte[size];
    byte[] parts = new byte[size];
    op.run(in, SHAPE, whole, new Scratch());
    int[] cuts = {0, 3, rows - 1, rows};
    for (int i = 0; i + 1 < cuts.length; i++) {
      split.runUnits(in, SHAPE, parts, new Scratch(), cuts[i], cuts[i + 1]);
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

  /** Runs whole, then in three ranges of units at random cuts, each with a fresh scratch. */
  @SuppressWarnings("unchecked")
  private <T> void assertSplits(
      UnaryOp<T, T> op, T in, int[] shape, T whole, T parts, String what) {
    SplitOp<T, T> split = (SplitOp<T, T>) assertInstanceOf(SplitOp.class, op, what);
    op.run(in, shape, whole, new Scratch());
    int units = split.units(shape);
    assertTrue(units > 2, what + ": " + units + " units");
    int a = 1 + rnd.nextInt(units - 2);
    int b = a + 1 + rnd.nextInt(units - a - 1);
    int[] cuts = {0, a, b, units};
    for (int i = 0; i + 1 < cuts.length; i++) {
      split.runUnits(in, shape, parts, new Scratch(), cuts[i], cuts[i + 1]);
    }
  }

  private void floatSplit(UnaryOp<float[], float[]> op, int[] shape, String what) {
    float[] in = floats(Shapes.size(shape));
    int size = Shapes.size(op.outputShape(shape));
    float[] whole = new float[size];
    float[] parts = new float[size];
    Arrays.fill(parts, Float.NaN);
    assertSplits(op, in, shape, whole, parts, what);
    assertArrayEquals(whole, parts, what);
  }

  private void int8Split(UnaryOp<byte[], byte[]> op, int[] shape, String what) {
    byte[] in = bytes(Shapes.size(shape), 128);
    int size = Shapes.size(op.outputShape(shape));
    byte[] whole = new byte[size];
    byte[] parts = new byte[size];
    Arrays.fill(parts, (byte) 77);
    assertSplits(op, in, shape, whole, parts, what);
    assertArrayEquals(whole, parts, what);
  }

  @Test
  void fullyConnected() {
    int inputs = 37;
    for (int outputs : new int[] {10, 23, 1001}) {
      for (int batch : new int[] {1, 6}) {
        int[] shape = {batch, inputs};
        floatSplit(
            fast.fullyConnected(
                FloatBuffer.wrap(floats(outputs * inputs)),
                outputs,
                inputs,
                floats(outputs),
                Activation.RELU),
            shape,
            "float fully connected " + outputs + ", batch " + batch);
        // 1001 outputs: int8 panels; fewer: weights widened to int rows.
        int8Split(
            fast.fullyConnected(
                ByteBuffer.wrap(bytes(outputs * inputs, 127)),
                outputs,
                inputs,
                scales(outputs),
                null,
                new Quant(0.05f, 3),
                new Quant(0.2f, -5),
                Activation.NONE),
            shape,
            "int8 fully connected " + outputs + ", batch " + batch);
      }
    }
  }

  @Test
  void copies() {
    int[] paddings = {0, 0, 1, 2, 0, 1, 2, 0};
    floatSplit(fast.pad(paddings, 0.5f), SHAPE, "float pad");
    int8Split(fast.pad(paddings, (byte) -3), SHAPE, "int8 pad");
    // Height and width padded only: a row is a padded image row, channels included.
    int[] spatial = {0, 0, 1, 1, 2, 0, 0, 0};
    floatSplit(fast.pad(spatial, -1f), SHAPE, "float pad of height and width");
    int8Split(fast.pad(spatial, (byte) 5), SHAPE, "int8 pad of height and width");
    float[] x = {1, 2, 3, 4, 5, 6};
    float[] y = new float[2 * 4 * 3];
    fast.pad(new int[] {0, 0, 1, 1, 0, 0}, 9f).run(x, new int[] {1, 2, 3}, y, new Scratch());
    assertArrayEquals(
        new float[] {9, 9, 9, 1, 2, 3, 4, 5, 6, 9, 9, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
        y,
        "a row of 9s, the input's rows, a row of 9s; the array's tail untouched");
    int[] nchwToNhwc = {0, 2, 3, 1};
    Transpose transpose = new Transpose(nchwToNhwc);
    floatSplit(new Cast<>(transpose), new int[] {2, 3, 9, 7}, "float transpose");
    int8Split(new Cast<>(transpose), new int[] {1, 3, 9, 40}, "int8 transpose (long rows)");
    int[] ints = new int[2 * 3 * 4];
    for (int i = 0; i < ints.length; i++) {
      ints[i] = i * 7;
    }
    int[] whole = new int[ints.length];
    int[] parts = new int[ints.length];
    int[] shape = {2, 3, 4};
    Transpose reverse = new Transpose(new int[] {2, 1, 0});
    reverse.run(ints, shape, whole, new Scratch());
    reverse.runUnits(ints, shape, parts, new Scratch(), 0, 5);
    reverse.runUnits(ints, shape, parts, new Scratch(), 5, reverse.units(shape));
    assertArrayEquals(whole, parts, "int32 transpose");
    assertEquals(7 * 12, whole[1], "element [0][0][1] of the reversed axes is input [1][0][0]");
  }

  @Test
  void reductions() {
    int[] shape = {2, 5, 4, 13};
    floatSplit(fast.mean(new int[] {1, 2}, true), shape, "float mean");
    int8Split(
        fast.mean(new int[] {1, 2}, false, new Quant(0.1f, 2), new Quant(0.05f, -1)),
        shape,
        "int8 mean");
    PoolOptions window = PoolOptions.of(Padding.SAME, 3, 2, Activation.RELU6);
    floatSplit(fast.averagePool(window), shape, "float average pool");
    int8Split(fast.maxPool(window, new Quant(0.1f, 0)), shape, "int8 max pool");
    PoolOptions global = PoolOptions.of(Padding.VALID, 5, 1, Activation.NONE);
    int[] one = {1, 5, 5, 13};
    floatSplit(fast.averagePool(global), one, "float global average pool (by channels)");
    int8Split(fast.averagePool(global, new Quant(0.1f, 0)), one, "int8 global average pool");
  }

  @Test
  void elementwise() {
    int[][][] broadcasts = {
      {{2, 4, 4, 6}, {2, 4, 4, 6}}, {{2, 4, 4, 6}, {6}}, {{1}, {3, 4, 5}}, {{3, 1, 5}, {3, 4, 5}}
    };
    Quant q = new Quant(0.1f, 4);
    for (int[][] shapes : broadcasts) {
      String what = Arrays.toString(shapes[0]) + " with " + Arrays.toString(shapes[1]);
      SplitBinaryOp<float[]> add = (SplitBinaryOp<float[]>) fast.add(Activation.RELU6);
      SplitBinaryOp<byte[]> sub =
          (SplitBinaryOp<byte[]>) fast.sub(q, new Quant(0.2f, -1), q, Activation.NONE);
      int size = Shapes.size(add.outputShape(shapes[0], shapes[1]));
      int units = add.units(shapes[0], shapes[1]);
      // The general broadcast (the last) runs whole: one unit.
      assertEquals(shapes == broadcasts[broadcasts.length - 1] ? 1 : size, units, what);
      float[] a = floats(Shapes.size(shapes[0]));
      float[] b = floats(Shapes.size(shapes[1]));
      float[] whole = new float[size];
      float[] parts = new float[size];
      add.run(a, shapes[0], b, shapes[1], whole);
      int cut = units / 3;
      add.runUnits(a, shapes[0], b, shapes[1], parts, 0, cut);
      add.runUnits(a, shapes[0], b, shapes[1], parts, cut, units);
      assertArrayEquals(whole, parts, "float add " + what);
      byte[] qa = bytes(Shapes.size(shapes[0]), 128);
      byte[] qb = bytes(Shapes.size(shapes[1]), 128);
      byte[] qWhole = new byte[size];
      byte[] qParts = new byte[size];
      sub.run(qa, shapes[0], qb, shapes[1], qWhole);
      sub.runUnits(qa, shapes[0], qb, shapes[1], qParts, 0, cut);
      sub.runUnits(qa, shapes[0], qb, shapes[1], qParts, cut, units);
      assertArrayEquals(qWhole, qParts, "int8 sub " + what);
    }
  }

  /** A transpose typed for the helpers above. */
  private static final class Cast<T> implements SplitOp<T, T> {
    private final Transpose op;

    Cast(Transpose op) {
      this.op = op;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return op.outputShape(inputShape);
    }

    @Override
    public int units(int[] inputShape) {
      return op.units(inputShape);
    }

    @Override
    public long work(int[] inputShape) {
      return op.work(inputShape);
    }

    @Override
    public void runUnits(T input, int[] inputShape, T output, Scratch scratch, int from, int to) {
      op.runUnits(input, inputShape, output, scratch, from, to);
    }
  }
}
