package io.edgeinfer.lite.kernels;

/**
 * {@link Requantization} in a branch-free form for the fast kernels' epilogues, bit for bit equal
 * to {@link Quantization#multiplyByQuantizedMultiplier} (checked on random and extreme values by
 * ExactRequantizerTest). Two identities make it short:
 *
 * <ul>
 *   <li>the rounding doubling high multiply, {@code (p + nudge) / 2^31} truncated toward zero with
 *       {@code nudge = p >= 0 ? 2^30 : 1 - 2^30}, equals {@code (p + 2^30) >> 31} (an arithmetic
 *       shift) for every 64-bit product {@code p} of an int and a multiplier in [0, 2^31);
 *   <li>the rounding divide by {@code 2^s} (ties away from zero) equals {@code (r + half - (r < 0 ?
 *       1 : 0)) >> s} with {@code half = 2^(s-1)}, for {@code s >= 1}; for {@code s = 0} it is
 *       {@code r}.
 * </ul>
 */
final class ExactRequantizer {
  private final long[] multipliers;
  private final int[] leftShifts;
  private final int[] rightShifts;
  private final long[] halves;
  private final long[] negativeAdjust;
  private final int zeroPoint;
  private final int min;
  private final int max;

  ExactRequantizer(Requantization r) {
    int channels = r.multipliers.length;
    this.multipliers = new long[channels];
    this.leftShifts = new int[channels];
    this.rightShifts = new int[channels];
    this.halves = new long[channels];
    this.negativeAdjust = new long[channels];
    for (int c = 0; c < channels; c++) {
      int shift = r.shifts[c];
      multipliers[c] = r.multipliers[c];
      leftShifts[c] = Math.max(shift, 0);
      rightShifts[c] = Math.max(-shift, 0);
      halves[c] = rightShifts[c] == 0 ? 0 : 1L << (rightShifts[c] - 1);
      negativeAdjust[c] = rightShifts[c] == 0 ? 0 : 1;
    }
    this.zeroPoint = r.outputZeroPoint;
    this.min = r.min;
    this.max = r.max;
  }

  /** The requantized, clamped value of an int32 accumulator (bias included) of {@code channel}. */
  int apply(int acc, int channel) {
    long p = (long) (acc << leftShifts[channel]) * multipliers[channel];
    long high = (p + (1L << 30)) >> 31;
    long q =
        ((high + halves[channel] - ((high >>> 63) & negativeAdjust[channel]))
                >> rightShifts[channel])
            + zeroPoint;
    return (int) (q < min ? min : (q > max ? max : q));
  }

  /**
   * {@code out[outOff + c] = apply((int) sums[sumOff + c] + bias[c], c)} for the {@code channels}
   * of one pixel: {@code sums} hold exact integers in float (the float route of {@link
   * FastConv2d}).
   */
  void row(float[] sums, int sumOff, int[] bias, byte[] out, int outOff, int channels) {
    row(sums, sumOff, bias, out, outOff, 0, channels);
  }

  /** The same for channels {@code [from, to)} of the pixel only. */
  void row(float[] sums, int sumOff, int[] bias, byte[] out, int outOff, int from, int to) {
    for (int c = from; c < to; c++) {
      out[outOff + c] = (byte) apply((int) sums[sumOff + c] + bias[c], c);
    }
  }

  /** {@link #row(float[], int, int[], byte[], int, int)} from int sums. */
  void row(int[] sums, int sumOff, int[] bias, byte[] out, int outOff, int channels) {
    row(sums, sumOff, bias, out, outOff, 0, channels);
  }

  /** The same for channels {@code [from, to)} of the pixel only. */
  void row(int[] sums, int sumOff, int[] bias, byte[] out, int outOff, int from, int to) {
    for (int c = from; c < to; c++) {
      out[outOff + c] = (byte) apply(sums[sumOff + c] + bias[c], c);
    }
  }
}
