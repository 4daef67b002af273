package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * RESIZE_BILINEAR and RESIZE_NEAREST_NEIGHBOR on a 2x2 image, worked by hand. The float input is
 * f(y, x) = 2y + x, so a bilinear sample at (y, x) is 2y + x with the coordinates clamped.
 */
class ResizeTest {
  private static final int[] TWO_BY_TWO = {1, 2, 2, 1};
  private static final float[] PLANE = {0, 1, 2, 3};

  private static float[] bilinear(int h, int w, boolean align, boolean half) {
    float[] out = new float[h * w];
    new ResizeBilinear(h, w, align, half).runFloat(PLANE, TWO_BY_TWO, out);
    return out;
  }

  @Test
  void bilinearSamplesAtInputOverOutputSteps() {
    // Steps of 2/3: rows and columns at 0, 2/3, 4/3 (clamped to 1).
    float t = 2f / 3;
    float[] want = {0, t, 1, 2 * t, 3 * t, 2 * t + 1, 2, 2 + t, 3};
    assertArrayEquals(want, bilinear(3, 3, false, false), 1e-6f);
  }

  @Test
  void bilinearWithAlignedCornersKeepsTheCorners() {
    float[] want = {0, 0.5f, 1, 1, 1.5f, 2, 2, 2.5f, 3};
    assertArrayEquals(want, bilinear(3, 3, true, false), 1e-6f);
  }

  @Test
  void bilinearWithHalfPixelCentersClampsTheEdges() {
    // Samples at (i + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25, clamped to 0, 0.25, 0.75, 1.
    float[] at = {0, 0.25f, 0.75f, 1};
    float[] want = new float[16];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        want[y * 4 + x] = 2 * at[y] + at[x];
      }
    }
    assertArrayEquals(want, bilinear(4, 4, false, true), 1e-6f);
  }

  @Test
  void int8BilinearRunsInTenBitFixedPoint() {
    // Scale (2048 + 1) / 3 = 683: rows at 0, 683, 1366 (= 1 + 342/1024).
    // Centre: (-100*341*341 + 20*683*341 + 100*341*683 + 60*683*683 + 2^19) / 2^20 = 42.
    // Top middle: (-100*1024*341 + 100*1024*683 + 2^19) / 2^20 = 33.
    // Middle left: (-100*341*1024 + 20*683*1024 - 2^19) / 2^20 = -20 (rounded away from 0).
    // Bottom middle: (20*341*1024 + 60*683*1024 + 2^19) / 2^20 = 47.
    byte[] in = {-100, 100, 20, 60};
    byte[] out = new byte[9];
    new ResizeBilinear(3, 3, false, false).runInt8(in, TWO_BY_TWO, out);
    assertArrayEquals(new byte[] {-100, 33, 100, -20, 42, 73, 20, 47, 60}, out);
  }

  @Test
  void uint8BilinearRoundsHalfUpOnTheUnsignedValues() {
    // Held as q - 128: 0 and 255 across; the middle column is 255 * 0.5 + 0.5 = 128 -> 0 held.
    byte[] in = {-128, 127, -128, 127};
    byte[] out = new byte[6];
    new ResizeBilinear(2, 3, true, false).runUint8(in, TWO_BY_TWO, out);
    assertArrayEquals(new byte[] {-128, 0, 127, -128, 0, 127}, out);
  }

  @Test
  void nearestNeighbourPicksByEachConvention() {
    int[] in = {0, 1, 2, 3};
    int[] plain = new int[9];
    new ResizeNearestNeighbor(3, 3, false, false).run(in, TWO_BY_TWO, plain);
    // floor(i * 2/3) = 0, 0, 1
    assertArrayEquals(new int[] {0, 0, 1, 0, 0, 1, 2, 2, 3}, plain);
    int[] aligned = new int[9];
    new ResizeNearestNeighbor(3, 3, true, false).run(in, TWO_BY_TWO, aligned);
    // round(i * 1/2) = 0, 1 (half away from zero), 1
    assertArrayEquals(new int[] {0, 1, 1, 2, 3, 3, 2, 3, 3}, aligned);
    int[] half = new int[9];
    new ResizeNearestNeighbor(3, 3, false, true).run(in, TWO_BY_TWO, half);
    // floor((i + 0.5) * 2/3) = 0, 1, 1
    assertArrayEquals(new int[] {0, 1, 1, 2, 3, 3, 2, 3, 3}, half);
  }
}
