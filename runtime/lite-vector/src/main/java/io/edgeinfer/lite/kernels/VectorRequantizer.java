package io.edgeinfer.lite.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ExactRequantizer}'s arithmetic on vectors, bit for bit the same, for a row of channels
 * whose sums are exact integers held in float. Java 17's Vector API compiles no float-to-int or
 * float-to-long conversion (they allocated and ran 100x slower, measured) but does compile float to
 * double (a vector of 16 floats into two of 8 doubles) and reinterpretation, so eight sums at a
 * time become longs as {@code bits(double(s) + 1.5 * 2^52) - bits(1.5 * 2^52)} (exact for integers
 * below 2^51), and the requantization runs in 64-bit lanes: int32 wrap-around of {@code (sum +
 * bias) << left} by shifting up 32 and back, the product with the multiplier, the two roundings.
 *
 * <p>Where every channel has a right shift in [1, 23] (convolutions' usual multipliers, per channel
 * or per tensor), every bias is within 2^30 and the zero point an int8's, {@link #short8} folds the
 * bias into the product's constant and merges the two roundings and the zero point: fewer
 * operations and parameter loads (0.48 -> 0.28 ns an output, 96 channels, measured alone). It needs
 * sums below 2^30 in magnitude; the kernels' exact float sums stay within 2^24 ({@link
 * FastConv2d#EXACT_FLOAT_LIMIT}).
 *
 * <p>Used only where the preferred vectors are 512 bits wide (AVX-512 multiplies 64-bit lanes in
 * one instruction); elsewhere {@link #USABLE} is false and the scalar form runs.
 */
final class VectorRequantizer {
  // The kernels' own float species only: a second FloatVector species in the same JVM made C2 box
  // vectors in the other kernels (their call sites saw two vector classes), measured on 17 and 25.
  private static final VectorSpecies<Float> F = VectorGemm.S;
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_512;
  private static final VectorSpecies<Long> W = LongVector.SPECIES_512;
  private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;

  /** Channels per step: one float vector, two long vectors. */
  private static final int LANES = 16;

  /** Lanes of one long vector: the sums requantized per step. */
  private static final int HALF = LANES / 2;

  /** Floats a sums array must hold past its last padded row (the upper half's load reads them). */
  static final int SLACK = LANES / 2;

  /** True where this form is compiled to SIMD instructions (512-bit vectors). */
  static final boolean USABLE = F.vectorBitSize() == 512;

  private static final double MAGIC = 0x1.8p52;
  private static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);

  private final int period;
  private final int channels;
  private final long[] bias;
  private final long[] leftShifts; // plus 32: the shift up that also wraps to int32
  private final long[] multipliers;
  private final long[] halves;
  private final long[] negativeAdjust;
  private final long[] rightShifts;
  private final long zeroPoint;
  private final long min;
  private final long max;
  private final int[] intBias;
  private final ExactRequantizer scalar;

  // The short form (see short8): per lane the product's constant (the bias and the magic constant
  // folded in), the rounding constant with the zero point, and the total right shift.
  private final boolean shortForm;
  private final long[] productConstant;
  private final long[] rounding;
  private final long[] totalShifts;

  VectorRequantizer(Requantization r, int[] bias, int channels) {
    this(r, bias, channels, (channels + LANES - 1) / LANES * LANES);
  }

  /**
   * Parameters for lanes {@code k < period} (a multiple of {@link #LANES}), lane {@code k} of
   * channel {@code k % channels}: a period of {@code lcm(channels, 16)} lanes serves rows of whole
   * pixels laid end to end ({@link #pixels}).
   */
  private VectorRequantizer(Requantization r, int[] bias, int channels, int period) {
    this.period = period;
    this.bias = new long[period];
    this.leftShifts = new long[period];
    this.multipliers = new long[period];
    this.halves = new long[period];
    this.negativeAdjust = new long[period];
    this.rightShifts = new long[period];
    for (int k = 0; k < period; k++) {
      int c = k % channels;
      int shift = r.shifts[c];
      int right = Math.max(-shift, 0);
      this.bias[k] = bias[c];
      leftShifts[k] = 32 + Math.max(shift, 0);
      multipliers[k] = r.multipliers[c];
      rightShifts[k] = right;
      halves[k] = right == 0 ? 0 : 1L << (right - 1);
      negativeAdjust[k] = right == 0 ? 0 : 1;
    }
    this.channels = channels;
    this.zeroPoint = r.outputZeroPoint;
    this.min = r.min;
    this.max = r.max;
    this.intBias = bias.clone();
    this.scalar = new ExactRequantizer(r);
    boolean fits = Math.abs(r.outputZeroPoint) <= 128;
    for (int c = 0; c < channels; c++) {
      int right = -r.shifts[c];
      fits &= right >= 1 && right <= MAX_SHORT_RIGHT_SHIFT;
      fits &= Math.abs((long) bias[c]) <= MAX_SHORT_BIAS;
    }
    this.shortForm = fits;
    this.productConstant = new long[period];
    this.rounding = new long[period];
    this.totalShifts = new long[period];
    for (int k = 0; k < period && shortForm; k++) {
      int c = k % channels;
      int right = -r.shifts[c];
      // (bits - (MAGIC_BITS - bias)) * m + 2^30, wrapping like the lanes' longs.
      productConstant[k] = (1L << 30) - (MAGIC_BITS - bias[c]) * r.multipliers[c];
      totalShifts[k] = 31 + right;
      rounding[k] = (1L << (30 + right)) + ((long) zeroPoint << (31 + right));
    }
  }

  /** True when {@link #short8} runs (for tests). */
  boolean shortForm() {
    return shortForm;
  }

  /** The largest right shift of {@link #short8}: its constants stay below 2^62. */
  static final int MAX_SHORT_RIGHT_SHIFT = 23;

  /**
   * The largest bias of {@link #short8}: with sums below 2^30 in magnitude (a kernel's exact float
   * sums stay within 2^24) {@code sum + bias} does not wrap around int32.
   */
  static final long MAX_SHORT_BIAS = 1L << 30;

  /** A requantizer for {@link #pixels}: rows of pixels of {@code channels} each, unpadded. */
  static VectorRequantizer forPixels(Requantization r, int[] bias, int channels) {
    return new VectorRequantizer(r, bias, channels, lanePeriod(channels));
  }

  /** {@code lcm(channels, 16)}: after so many lanes the channels of a pixel row repeat. */
  static int lanePeriod(int channels) {
    return lcm(channels, LANES);
  }

  /** The least common multiple of two positive ints. */
  static int lcm(int a, int b) {
    int x = a;
    int y = b;
    while (y != 0) {
      int t = x % y;
      x = y;
      y = t;
    }
    return a / x * b;
  }

  /**
   * {@code out[outOff + c] = requantize((int) sums[sumOff + c] + bias[c], c)} for {@code c <
   * channels}; {@code sums} holds the row padded to whole vectors and half a vector more after the
   * last row ({@link #SLACK}), {@code stage} at least 8 longs.
   */
  void row(float[] sums, int sumOff, byte[] out, int outOff, int channels, long[] stage) {
    row(sums, sumOff, out, outOff, 0, channels, stage);
  }

  /**
   * {@link #row(float[], int, byte[], int, int, long[])} for channels {@code [from, to)} only,
   * {@code from} the first channel of a panel of the kernels' vectors (a multiple of 16 where this
   * form runs): a classifier on one pixel splits its channels over threads.
   */
  void row(float[] sums, int sumOff, byte[] out, int outOff, int from, int to, long[] stage) {
    if (!USABLE) {
      scalar.row(sums, sumOff, intBias, out, outOff, from, to);
      return;
    }
    if (shortForm) {
      for (int c = from; c < to; c += HALF) {
        short8(sums, sumOff + c, c, out, outOff + c, to - c, stage);
      }
      return;
    }
    for (int c = from; c < to; c += HALF) {
      eight(sums, sumOff + c, c, out, outOff + c, to - c, stage);
    }
  }

  /**
   * {@code out[outOff + j] = requantize((int) sums[sumOff + j] + bias[j % channels], j % channels)}
   * for {@code j < n}, a row of {@code n / channels} pixels laid end to end (made by {@link
   * #forPixels}): 16 lanes per step whatever the channels. {@code sums} holds {@code n} rounded up
   * to 16 plus {@link #SLACK} floats from {@code sumOff}, {@code stage} at least 8 longs.
   */
  void pixels(float[] sums, int sumOff, byte[] out, int outOff, int n, long[] stage) {
    if (!USABLE) {
      for (int j = 0; j < n; j += channels) {
        scalar.row(sums, sumOff + j, intBias, out, outOff + j, channels);
      }
      return;
    }
    for (int j = 0, k = 0; j < n; j += HALF) {
      if (shortForm) {
        short8(sums, sumOff + j, k, out, outOff + j, n - j, stage);
      } else {
        eight(sums, sumOff + j, k, out, outOff + j, n - j, stage);
      }
      k += HALF;
      if (k == period) {
        k = 0;
      }
    }
  }

  /**
   * Requantizes the eight sums at {@code sums[at..]} (exact integers in float) with the parameters
   * of lanes {@code c..c+8} into {@code out[outAt..]}, only the first {@code count} when fewer: the
   * bytes after are another pixel's or row's, maybe another thread's. No vector crosses this
   * method's boundary: a method given a vector of unknown species ran the Vector API's Java
   * fallback (allocating) when C2 did not inline it, which depends on code sizes (seen on Java 17).
   */
  private void eight(float[] sums, int at, int c, byte[] out, int outAt, int count, long[] stage) {
    // Eight floats from their own load each: the conversion's part 1 allocated on Java 25.
    DoubleVector d =
        (DoubleVector) FloatVector.fromArray(F, sums, at).convertShape(VectorOperators.F2D, D, 0);
    LongVector x = ((LongVector) d.add(MAGIC).reinterpretAsLongs()).sub(MAGIC_BITS);
    x =
        x.add(LongVector.fromArray(W, bias, c))
            .lanewise(VectorOperators.LSHL, LongVector.fromArray(W, leftShifts, c))
            .lanewise(VectorOperators.ASHR, 32);
    LongVector high =
        x.mul(LongVector.fromArray(W, multipliers, c))
            .add(1L << 30)
            .lanewise(VectorOperators.ASHR, 31);
    LongVector q =
        high.add(LongVector.fromArray(W, halves, c))
            .sub(
                high.lanewise(VectorOperators.LSHR, 63)
                    .and(LongVector.fromArray(W, negativeAdjust, c)))
            .lanewise(VectorOperators.ASHR, LongVector.fromArray(W, rightShifts, c));
    q = q.add(zeroPoint).max(min).min(max);
    if (count >= HALF) {
      // Bytes straight from the lanes: a scalar stage cost as much as the requantization.
      ((ByteVector) q.convertShape(VectorOperators.L2B, B, 0)).intoArray(out, outAt);
    } else {
      q.intoArray(stage, 0);
      for (int t = 0; t < count; t++) {
        out[outAt + t] = (byte) stage[t];
      }
    }
  }

  /**
   * {@link #eight} with fewer operations, where every channel's right shift {@code s} is in [1,
   * {@link #MAX_SHORT_RIGHT_SHIFT}] (so no left shift), every bias within {@link #MAX_SHORT_BIAS}
   * and the zero point an int8's; for sums below 2^30 in magnitude (the kernels' exact sums stay
   * within 2^24), so that {@code x = sum + bias} is an int32 without wrapping around.
   *
   * <ul>
   *   <li>{@code t = x * m + 2^30} is {@code bits * m + (2^30 - (MAGIC_BITS - bias) * m)} in
   *       wrapping 64-bit arithmetic, {@code bits} the magic double's bits: the same modulo 2^64,
   *       and {@code |t| < 2^62}, so the same long.
   *   <li>The two roundings {@code h = t >> 31} and {@code (h + 2^(s-1) - (h < 0 ? 1 : 0)) >> s}
   *       are one: {@code (t + 2^(30+s) - (t < 0 ? 2^31 : 0)) >> (31 + s)}, since {@code
   *       floor((floor(t / 2^31) + a) / 2^s) = floor((t + a * 2^31) / 2^(31+s))} for an integer
   *       {@code a}, and {@code h < 0} exactly when {@code t < 0}.
   *   <li>The zero point enters as {@code zp * 2^(31+s)} before the shift (at most 2^61).
   * </ul>
   */
  private void short8(float[] sums, int at, int c, byte[] out, int outAt, int count, long[] stage) {
    DoubleVector d =
        (DoubleVector) FloatVector.fromArray(F, sums, at).convertShape(VectorOperators.F2D, D, 0);
    LongVector t =
        ((LongVector) d.add(MAGIC).reinterpretAsLongs())
            .mul(LongVector.fromArray(W, multipliers, c))
            .add(LongVector.fromArray(W, productConstant, c));
    LongVector q =
        t.add(LongVector.fromArray(W, rounding, c))
            .sub(t.lanewise(VectorOperators.ASHR, 63).and(1L << 31))
            .lanewise(VectorOperators.ASHR, LongVector.fromArray(W, totalShifts, c))
            .max(min)
            .min(max);
    if (count >= HALF) {
      ((ByteVector) q.convertShape(VectorOperators.L2B, B, 0)).intoArray(out, outAt);
    } else {
      q.intoArray(stage, 0);
      for (int t2 = 0; t2 < count; t2++) {
        out[outAt + t2] = (byte) stage[t2];
      }
    }
  }
}
