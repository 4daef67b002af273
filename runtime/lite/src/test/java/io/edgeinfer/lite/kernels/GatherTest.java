package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** GATHER worked by hand: axes, batch dimensions, int64 indices, and indices out of range. */
class GatherTest {
  private static final float[] ROWS = {1, 2, 3, 4, 5, 6};

  @Test
  void gathersRowsAlongAxisZero() {
    Gather g = new Gather("GATHER", 0, 0);
    assertArrayEquals(new int[] {2, 2}, g.outputShape(new int[] {3, 2}, new int[] {2}));
    float[] out = new float[4];
    g.run(ROWS, new int[] {3, 2}, new int[] {2, 0}, new int[] {2}, out, 1);
    assertArrayEquals(new float[] {5, 6, 1, 2}, out);
  }

  @Test
  void gathersColumnsAlongTheLastAxisByInt64Indices() {
    Gather g = new Gather("GATHER", -1, 0);
    assertArrayEquals(new int[] {3, 1, 2}, g.outputShape(new int[] {3, 2}, new int[] {1, 2}));
    float[] out = new float[6];
    g.run(ROWS, new int[] {3, 2}, new long[] {1, 0}, new int[] {1, 2}, out, 1);
    assertArrayEquals(new float[] {2, 1, 4, 3, 6, 5}, out);
  }

  @Test
  void batchDimensionsPickWithinEachBatch() {
    // params [[1,2,3],[4,5,6]], indices [[2],[0]], axis 1, batch_dims 1 -> [[3],[4]]
    Gather g = new Gather("GATHER", 1, 1);
    assertArrayEquals(new int[] {2, 1}, g.outputShape(new int[] {2, 3}, new int[] {2, 1}));
    int[] out = new int[2];
    g.run(
        new int[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3}, new int[] {2, 0}, new int[] {2, 1}, out, 1);
    assertArrayEquals(new int[] {3, 4}, out);
  }

  @Test
  void anIndexOutsideTheAxisIsRefusedNotRead() {
    Gather g = new Gather("GATHER", 0, 0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> g.run(ROWS, new int[] {3, 2}, new int[] {0, 3}, new int[] {2}, new float[4], 1));
    assertEquals("GATHER: expected indices in [0, 3), found 3 at position 1", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> g.run(ROWS, new int[] {3, 2}, new int[] {-1}, new int[] {1}, new float[2], 1));
  }
}
