package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The branch-free requantization equals TFLite's definition ({@link Requantization#apply}, built on
 * {@link Quantization#multiplyByQuantizedMultiplier}) on random accumulators, the int32 extremes
 * and every rounding tie, for multipliers with left shifts (real multiplier above 1), right shifts
 * up to 31 and each activation's clamp.
 */
class ExactRequantizerTest {
  private final Random rnd = new Random(0x2EC0);

  /** Per-channel scales spread over 2^-40 .. 2^4 times input over output: every shift occurs. */
  static Requantization random(Random rnd, int channels, Activation activation) {
    float[] scales = new float[channels];
    for (int c = 0; c < channels; c++) {
      scales[c] = (float) Math.scalb(0.5 + rnd.nextDouble(), -rnd.nextInt(42) + 4);
    }
    Quant input = new Quant(1f, rnd.nextInt(256) - 128);
    Quant output = new Quant(1f, rnd.nextInt(256) - 128);
    return Requantization.convolution(input, scales, output, activation, channels);
  }

  static int[] accumulators(Random rnd, int n) {
    int[] x = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] =
          switch (i % 6) {
            case 0 -> rnd.nextInt();
            case 1 -> rnd.nextInt(1 << 24) - (1 << 23);
            case 2 -> rnd.nextInt(2001) - 1000;
            case 3 ->
                rnd.nextBoolean()
                    ? Integer.MIN_VALUE + rnd.nextInt(3)
                    : Integer.MAX_VALUE - rnd.nextInt(3);
            // Values at and around a tie of the rounding divide, for small right shifts.
            case 4 -> (rnd.nextInt(1 << 12) - (1 << 11)) * 64 + 32 + rnd.nextInt(3) - 1;
            default -> rnd.nextInt(1 << 16) - (1 << 15);
          };
    }
    return x;
  }

  @Test
  void equalsTheReferenceForEveryShiftAndClamp() {
    int channels = 48;
    for (Activation activation : Activation.values()) {
      for (int round = 0; round < 20; round++) {
        Requantization r = random(rnd, channels, activation);
        ExactRequantizer fast = new ExactRequantizer(r);
        int[] x = accumulators(rnd, 6 * 1000);
        for (int i = 0; i < x.length; i++) {
          int c = i % channels;
          assertEquals(
              r.apply(x[i], c),
              fast.apply(x[i], c),
              "x " + x[i] + " multiplier " + r.multipliers[c] + " shift " + r.shifts[c]);
        }
      }
    }
  }

  @Test
  void rowsMatchTheirElements() {
    Requantization r = random(rnd, 20, Activation.RELU6);
    ExactRequantizer fast = new ExactRequantizer(r);
    float[] sums = new float[20];
    int[] bias = new int[20];
    for (int c = 0; c < 20; c++) {
      sums[c] = rnd.nextInt(1 << 20) - (1 << 19);
      bias[c] = rnd.nextInt(10_000) - 5_000;
    }
    byte[] out = new byte[21];
    fast.row(sums, 0, bias, out, 1, 20);
    for (int c = 0; c < 20; c++) {
      assertEquals((byte) r.apply((int) sums[c] + bias[c], c), out[c + 1], "channel " + c);
    }
  }
}
