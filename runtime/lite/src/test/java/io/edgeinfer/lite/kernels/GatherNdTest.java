package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** GATHER_ND by hand: whole coordinates pick elements, shorter ones pick slices. */
class GatherNdTest {
  // params [2, 3, 2]: value = 100 * i + 10 * j + k
  private static final int[] SHAPE = {2, 3, 2};
  private static final int[] PARAMS = {0, 1, 10, 11, 20, 21, 100, 101, 110, 111, 120, 121};
  private final GatherNd gatherNd = new GatherNd("GATHER_ND");

  @Test
  void fullCoordinatesPickElements() {
    int[] indices = {1, 2, 0, 0, 1, 1};
    int[] shape = {2, 3};
    assertArrayEquals(new int[] {2}, gatherNd.outputShape(SHAPE, shape));
    int[] out = new int[2];
    gatherNd.run(PARAMS, SHAPE, indices, shape, out, 1);
    assertArrayEquals(new int[] {120, 11}, out);
  }

  @Test
  void shorterCoordinatesPickSlicesWithInt64Indices() {
    long[] indices = {1, 0, 0, 2};
    int[] shape = {2, 1, 2};
    assertArrayEquals(new int[] {2, 1, 2}, gatherNd.outputShape(SHAPE, shape));
    float[] params = new float[PARAMS.length];
    for (int i = 0; i < params.length; i++) {
      params[i] = PARAMS[i];
    }
    float[] out = new float[4];
    gatherNd.run(params, SHAPE, indices, shape, out, 1);
    assertArrayEquals(new float[] {100, 101, 20, 21}, out);
  }

  @Test
  void refusesCoordinatesOutsideParams() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> gatherNd.run(PARAMS, SHAPE, new int[] {0, 3}, new int[] {1, 2}, new int[6], 1));
    assertEquals("GATHER_ND: expected coordinate 1 of index 0 in [0, 3), found 3", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> gatherNd.outputShape(SHAPE, new int[] {1, 4}));
    assertEquals(
        "GATHER_ND: expected at most 3 coordinates per index (params [2, 3, 2]), found 4",
        e.getMessage());
  }
}
