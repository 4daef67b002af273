package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

/** Hand-worked numbers for the 16x8 arithmetic, STRIDED_SLICE and TRANSPOSE_CONV. */
class WideKernelsTest {
  @Test
  void int64RescalingRoundsTheMultiplierTo15BitsThenTiesUp() {
    // 0.5 = 2^30 * 2^(0 - 31); reduced to 16384 (15 bits), shift 15.
    assertEquals(500, WideQuantization.multiplyByQuantizedMultiplier(1000, 1 << 30, 0));
    assertEquals(1, WideQuantization.multiplyByQuantizedMultiplier(1, 1 << 30, 0)); // 0.5 up
    assertEquals(0, WideQuantization.multiplyByQuantizedMultiplier(-1, 1 << 30, 0)); // -0.5 up
    assertEquals(-1, WideQuantization.multiplyByQuantizedMultiplier(-3, 1 << 30, 0)); // -1.5 up
    // 2^40 * 0.25 needs the 64-bit accumulator.
    assertEquals(1 << 30, WideQuantization.multiplyByQuantizedMultiplier(1L << 32, 1 << 30, -1));
  }

  @Test
  void int16RangeOfFusedActivationsQuantizesTheBounds() {
    assertEquals(
        new WideQuantization.Range(0, 12000),
        WideQuantization.int16Range(Activation.RELU6, 0.0005f));
    assertEquals(
        new WideQuantization.Range(-32768, 32767),
        WideQuantization.int16Range(Activation.NONE, 0.0005f));
  }

  @Test
  void stridedSliceWithNegativeStrideAndEveryMask() {
    int[] shape = {2, 3, 4};
    float[] x = new float[24];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    // x[:, :0:-1, 0:4:2] -> rows 2, 1 of each batch, columns 0 and 2.
    StridedSlice s =
        new StridedSlice(
            new int[] {0, -1, 0}, new int[] {2, 0, 4}, new int[] {1, -1, 2}, 0, 0, 0, 0, 0, false);
    assertArrayEquals(new int[] {2, 2, 2}, s.outputShape(shape));
    float[] y = new float[8];
    s.run(x, shape, y);
    assertArrayEquals(new float[] {8, 10, 4, 6, 20, 22, 16, 18}, y);

    // x[..., newaxis, 1]: the ellipsis takes axes 0 and 1, a new axis of 1, axis 2 shrunk at 1.
    StridedSlice e =
        new StridedSlice(
            new int[] {0, 0, 1}, new int[] {0, 0, 2}, new int[] {1, 1, 1}, 0, 0, 1, 2, 4, false);
    assertArrayEquals(new int[] {2, 3, 1}, e.outputShape(shape));
    float[] z = new float[6];
    e.run(x, shape, z);
    assertArrayEquals(new float[] {1, 5, 9, 13, 17, 21}, z);

    // offset: ends are counts from begin (0 + 2 on axis 0 under begin_mask, 1 + 2 on axis 1);
    // end_mask on axis 2 takes column 3 to the end.
    StridedSlice o =
        new StridedSlice(
            new int[] {1, 1, 3}, new int[] {2, 2, 0}, new int[] {1, 1, 1}, 1, 4, 0, 0, 0, true);
    assertArrayEquals(new int[] {2, 2, 1}, o.outputShape(shape));
    float[] w = new float[4];
    o.run(x, shape, w);
    assertArrayEquals(new float[] {7, 11, 19, 23}, w);

    assertThrows(
        IllegalArgumentException.class,
        () -> new StridedSlice(new int[] {0}, new int[] {1}, new int[] {0}, 0, 0, 0, 0, 0, false));
  }

  @Test
  void transposeConvScattersEachInputOverTheFilter() {
    // Input [1, 2] (H=2), filter rows [1, 10], stride 1, VALID: output H = 3 = [1, 10+2, 20].
    RefTransposeConv.Geometry g =
        new RefTransposeConv.Geometry(3, 1, 1, 2, 1, 1, 1, 1, Padding.VALID);
    RefTransposeConv.FloatOp op =
        new RefTransposeConv.FloatOp(
            g, FloatBuffer.wrap(new float[] {1, 10}), new float[] {0.5f}, Activation.NONE);
    float[] y = new float[3];
    op.run(new float[] {1, 2}, new int[] {1, 2, 1, 1}, y, new Scratch());
    assertArrayEquals(new float[] {1.5f, 12.5f, 20.5f}, y);

    // The same in 16x8: scales 1 (in), 1 (filter), 1 (out), bias 5: [6, 17, 25].
    RefTransposeConv.Int16Op q =
        new RefTransposeConv.Int16Op(
            g,
            ByteBuffer.wrap(new byte[] {1, 10}),
            new long[] {5},
            1f,
            new float[] {1f},
            1f,
            Activation.NONE);
    short[] out = new short[3];
    q.run(new short[] {1, 2}, new int[] {1, 2, 1, 1}, out, new Scratch());
    assertArrayEquals(new short[] {6, 17, 25}, out);
  }

  @Test
  void int16SubtractsAtTheLargerScale() {
    // Equal scales 0.001 in and out: 300 - 100 = 200 exactly.
    RefAddSubInt16 sub = new RefAddSubInt16(true, 0.001f, 0.001f, 0.001f, Activation.NONE);
    short[] y = new short[2];
    sub.run(new short[] {300, -32768}, new int[] {2}, new short[] {100}, new int[] {1}, y);
    assertArrayEquals(new short[] {200, -32768}, y);
  }
}
