package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector requantization equals TFLite's definition ({@link Requantization#apply}) for channel
 * counts that are and are not whole vectors, every shift and clamp, on sums a float holds exactly
 * (the range the kernels feed it) plus large biases.
 */
class VectorRequantizerTest {
  private final Random rnd = new Random(0x5EC7);

  @Test
  void equalsTheReference() {
    for (int channels : new int[] {1, 7, 8, 16, 24, 33, 64, 100}) {
      for (Activation activation : Activation.values()) {
        Requantization r = ExactRequantizerTest.random(rnd, channels, activation);
        int padded = VectorGemm.padded(channels);
        int[] bias = new int[channels];
        for (int c = 0; c < channels; c++) {
          bias[c] = c % 3 == 0 ? rnd.nextInt() / 4 : rnd.nextInt(100_001) - 50_000;
        }
        VectorRequantizer vector = new VectorRequantizer(r, bias, channels);
        float[] sums = new float[padded * 50 + VectorRequantizer.SLACK];
        for (int i = 0; i < sums.length; i++) {
          sums[i] = rnd.nextInt(1 << 25) - (1 << 24);
        }
        byte[] out = new byte[channels * 50];
        long[] stage = new long[padded];
        for (int p = 0; p < 50; p++) {
          vector.row(sums, p * padded, out, p * channels, channels, stage);
        }
        for (int p = 0; p < 50; p++) {
          for (int c = 0; c < channels; c++) {
            assertEquals(
                (byte) r.apply((int) sums[p * padded + c] + bias[c], c),
                out[p * channels + c],
                channels + " channels, " + activation + ", pixel " + p + " channel " + c);
          }
        }
      }
    }
  }
}
