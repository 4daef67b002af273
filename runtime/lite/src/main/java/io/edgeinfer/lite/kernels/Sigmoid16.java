package io.edgeinfer.lite.kernels;

/**
 * TFLite's int16 logistic and tanh: one 256-entry table of {@code sigmoid(i / 24)} in 0.16 fixed
 * point, read by linear interpolation (tanh through {@code tanh(x) = 2 sigmoid(2x) - 1}). The
 * integer LSTM's gates go through these, so they decide its every output bit.
 *
 * <p>The table is computed here, not stored: each entry is the sigmoid at its point moved by half
 * the chord's error at the middle of the interval to its right, so that the straight line between
 * two entries errs equally above and below the curve, rounded half away from zero. The last entry
 * is 65535, the saturated value the kernels give past the table's end, so that the line meets the
 * saturation. A test runs every int16 input through TensorFlow Lite Micro and finds these outputs
 * bit for bit.
 */
public final class Sigmoid16 {
  private static final int[] TABLE = table();

  private Sigmoid16() {}

  /**
   * The logistic of a raw int16 value: {@code (x * multiplier + round) >> leftShift} puts it in
   * Q2.13 scaled by 3/4 (a zero multiplier means a power-of-two input scale: 3 shifted left);
   * returns Q0.15.
   */
  public static short logistic(int x, int multiplier, int leftShift) {
    int in = scaled(x, multiplier, leftShift);
    int magnitude = Math.abs(in);
    int index = magnitude >>> 9;
    int result;
    if (index >= 255) {
      result = 0x7FFF << 10;
    } else {
      int below = TABLE[index];
      result = (below << 9) + (magnitude & 0x1ff) * (TABLE[index + 1] - below);
    }
    result = in >= 0 ? result + (1 << 9) : (1 << 25) - result + (1 << 9) - 1;
    return (short) (result >>> 10);
  }

  /** The tanh of a raw int16 value, scaled as for {@link #logistic}; returns Q0.15. */
  public static short tanh(int x, int multiplier, int leftShift) {
    int in = scaled(x, multiplier, leftShift);
    int magnitude = Math.abs(in);
    int index = magnitude >>> 8;
    int result;
    if (index >= 255) {
      result = 0xFFFF << 8;
    } else {
      int below = TABLE[index];
      result = (below << 8) + (magnitude & 0xff) * (TABLE[index + 1] - below);
    }
    result = in >= 0 ? result - (1 << 23) + (1 << 7) : -result + (1 << 23) + (1 << 7) - 1;
    return (short) (result >> 8);
  }

  /** The input moved to the table's scale, rounding the shift half up. */
  private static int scaled(int x, int multiplier, int leftShift) {
    if (multiplier == 0) {
      return x * (3 << leftShift);
    }
    int round = leftShift > 0 ? 1 << (leftShift - 1) : 0;
    return (x * multiplier + round) >> leftShift;
  }

  private static int[] table() {
    int[] table = new int[256];
    for (int i = 0; i < 255; i++) {
      double chordMiddle = (sigmoid(i) + sigmoid(i + 1)) / 2;
      double chordError = chordMiddle - sigmoid(i + 0.5);
      table[i] = (int) Math.min(65535, Quantization.round(sigmoid(i) - chordError / 2));
    }
    table[255] = 65535;
    return table;
  }

  /** {@code sigmoid(i / 24)} in 0.16 fixed point, unrounded. */
  private static double sigmoid(double i) {
    return 65536 / (1 + Math.exp(-i / 24));
  }
}
