package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector requantization equals TFLite's definition ({@link Requantization#apply}) for channel
 * counts that are and are not whole vectors, every shift and clamp, on sums a float holds exactly
 * (the range the kernels feed it) plus large biases; rows of whole pixels laid end to end ({@link
 * VectorRequantizer#pixels}) for 1 to 40 channels, written without touching the bytes around them.
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

  @Test
  void pixelRowsEqualTheReference() {
    for (int channels = 1; channels <= 40; channels++) {
      Activation activation = Activation.values()[channels % Activation.values().length];
      Requantization r = ExactRequantizerTest.random(rnd, channels, activation);
      int[] bias = new int[channels];
      for (int c = 0; c < channels; c++) {
        bias[c] = c % 3 == 0 ? rnd.nextInt() / 4 : rnd.nextInt(100_001) - 50_000;
      }
      VectorRequantizer vector = VectorRequantizer.forPixels(r, bias, channels);
      int pixels = 1 + rnd.nextInt(30);
      int n = pixels * channels;
      int offset = rnd.nextInt(5);
      float[] sums = new float[offset + (n + 15) / 16 * 16 + VectorRequantizer.SLACK];
      for (int i = 0; i < sums.length; i++) {
        sums[i] = rnd.nextInt(1 << 25) - (1 << 24);
      }
      // A row in the middle of others: the bytes around it must stay.
      byte[] out = new byte[n + 40];
      Arrays.fill(out, (byte) 77);
      vector.pixels(sums, offset, out, 20, n, new long[8]);
      for (int j = 0; j < n; j++) {
        int c = j % channels;
        assertEquals(
            (byte) r.apply((int) sums[offset + j] + bias[c], c),
            out[20 + j],
            channels + " channels, " + activation + ", lane " + j);
      }
      for (int j = 0; j < 20; j++) {
        assertEquals(77, out[j]);
        assertEquals(77, out[20 + n + j]);
      }
    }
  }

  /**
   * Scales whose right shifts are all in [1, 23], per channel and per tensor: the short form
   * ({@link VectorRequantizer#shortForm}) against the reference, on sums a float holds exactly up
   * to 2^24, biases up to its limit of 2^30 (and beyond, where the full form runs), every zero
   * point's extremes and every activation; rows and pixel rows.
   */
  @Test
  void shortFormEqualsTheReference() {
    for (int round = 0; round < 60; round++) {
      int channels = 1 + rnd.nextInt(70);
      boolean perTensor = round % 3 == 0;
      float[] scales = new float[perTensor ? 1 : channels];
      for (int c = 0; c < scales.length; c++) {
        // Real multipliers in [2^-23, 2^-1): right shifts 1 to 23 (the edges every few rounds).
        int e =
            round % 5 == 0
                ? 1 + rnd.nextInt(2)
                : (round % 5 == 1 ? 22 + rnd.nextInt(2) : 1 + rnd.nextInt(23));
        // Powers of two every few rounds: multiplier 2^30, a tie of the first rounding for each odd
        // x.
        scales[c] =
            round % 4 == 1
                ? (float) Math.scalb(1.0, -Math.max(e, 2))
                : (float) Math.scalb(0.5 + 0.5 * rnd.nextDouble(), -e);
      }
      int zeroPoint = round % 4 == 0 ? (rnd.nextBoolean() ? -128 : 127) : rnd.nextInt(256) - 128;
      Activation activation = Activation.values()[round % Activation.values().length];
      Requantization r =
          Requantization.convolution(
              new Quant(1f, 0), scales, new Quant(1f, zeroPoint), activation, channels);
      int[] bias = new int[channels];
      for (int c = 0; c < channels; c++) {
        bias[c] =
            switch (c % 4) {
              case 0 -> rnd.nextInt() >> 1;
              case 1 -> (rnd.nextBoolean() ? 1 : -1) * ((1 << 30) - rnd.nextInt(3));
              case 2 -> rnd.nextInt(2001) - 1000;
              default -> 0;
            };
      }
      boolean large = round % 6 == 5;
      if (large) {
        // A bias beyond 2^30: the full form runs, with the same results.
        bias[rnd.nextInt(channels)] =
            (rnd.nextBoolean() ? 1 : -1) * ((1 << 30) + 1 + rnd.nextInt(1 << 24));
      }
      VectorRequantizer vector = new VectorRequantizer(r, bias, channels);
      VectorRequantizer pixels = VectorRequantizer.forPixels(r, bias, channels);
      if (VectorRequantizer.USABLE) {
        assertEquals(
            !large, vector.shortForm(), "short form for " + java.util.Arrays.toString(scales));
        assertEquals(!large, pixels.shortForm());
      }
      int padded = VectorGemm.padded(channels);
      int rows = 20;
      float[] sums = new float[padded * rows + VectorRequantizer.SLACK];
      for (int i = 0; i < sums.length; i++) {
        sums[i] =
            switch (i % 5) {
              case 0 ->
                  rnd.nextBoolean() ? (1 << 24) - rnd.nextInt(3) : -(1 << 24) + rnd.nextInt(3);
              case 1 -> rnd.nextInt(2001) - 1000;
              default -> rnd.nextInt(1 << 25) - (1 << 24);
            };
      }
      byte[] out = new byte[channels * rows];
      long[] stage = new long[padded];
      for (int p = 0; p < rows; p++) {
        vector.row(sums, p * padded, out, p * channels, channels, stage);
      }
      for (int p = 0; p < rows; p++) {
        for (int c = 0; c < channels; c++) {
          assertEquals(
              (byte) r.apply((int) sums[p * padded + c] + bias[c], c),
              out[p * channels + c],
              channels + " channels, round " + round + ", pixel " + p + " channel " + c);
        }
      }
      int n = rows * channels;
      byte[] flat = new byte[n];
      pixels.pixels(sums, 0, flat, 0, n, new long[8]);
      for (int j = 0; j < n; j++) {
        assertEquals(
            (byte) r.apply((int) sums[j] + bias[j % channels], j % channels),
            flat[j],
            channels + " channels, round " + round + ", lane " + j);
      }
    }
  }
}
