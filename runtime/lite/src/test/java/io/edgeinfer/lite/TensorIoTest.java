package io.edgeinfer.lite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.edgeinfer.lite.kernels.Quantization;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The branch-free input quantization gives {@link Quantization#quantize}'s bytes: on special floats
 * (halves, the largest, the smallest, infinities, NaN), on values a float's step either side of
 * every half up to the range, and on random bit patterns, for int8 and uint8 ranges and zero points
 * at and beyond their ends.
 */
class TensorIoTest {
  private static final float[] SCALES = {1f, 0.0078125f, 0.003921569f, 0.1f, 3f, 1e-30f, 2.5e38f};
  private static final int[] ZERO_POINTS = {-128, -5, 0, 3, 127, 128, 255};

  @Test
  void quantizedBytesEqualTheReference() {
    Random rnd = new Random(42);
    float[] values = new float[200_000];
    int k = 0;
    for (float special :
        new float[] {
          0f,
          -0f,
          Float.NaN,
          Float.POSITIVE_INFINITY,
          Float.NEGATIVE_INFINITY,
          Float.MAX_VALUE,
          -Float.MAX_VALUE,
          Float.MIN_VALUE,
          -Float.MIN_VALUE,
          0x1p52f,
          0x1p60f,
          8388607.5f
        }) {
      values[k++] = special;
    }
    for (int half = -300; half <= 300; half++) {
      float h = half + 0.5f;
      values[k++] = h;
      values[k++] = Math.nextUp(h);
      values[k++] = Math.nextDown(h);
    }
    while (k < values.length) {
      values[k++] =
          rnd.nextBoolean()
              ? Float.intBitsToFloat(rnd.nextInt())
              : (float) (rnd.nextGaussian() * 200);
    }
    byte[] got = new byte[values.length];
    for (float scale : SCALES) {
      for (int zeroPoint : ZERO_POINTS) {
        for (int[] range : new int[][] {{-128, 127, 0}, {0, 255, -128}}) {
          float[] scaled = new float[values.length];
          for (int i = 0; i < values.length; i++) {
            scaled[i] = values[i] * (i < 1_800 ? scale : 1f);
          }
          TensorIo.quantizeBytes(
              scaled, 0, got, 0, scaled.length, scale, zeroPoint, range[0], range[1], range[2]);
          for (int i = 0; i < scaled.length; i++) {
            int want =
                Quantization.quantize(scaled[i], scale, zeroPoint, range[0], range[1]) + range[2];
            if ((byte) want != got[i]) {
              assertEquals(
                  (byte) want,
                  got[i],
                  "quantize("
                      + scaled[i]
                      + ") with scale "
                      + scale
                      + ", zero point "
                      + zeroPoint
                      + ", range "
                      + range[0]
                      + ".."
                      + range[1]);
            }
          }
        }
      }
    }
  }
}
