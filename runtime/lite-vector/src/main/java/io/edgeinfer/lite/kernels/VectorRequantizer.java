package io.edgeinfer.lite.kernels;

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
 * <p>Used only where the preferred vectors are 512 bits wide (AVX-512 multiplies 64-bit lanes in
 * one instruction); elsewhere {@link #USABLE} is false and the scalar form runs.
 */
final class VectorRequantizer {
  // The kernels' own float species only: a second FloatVector species in the same JVM made C2 box
  // vectors in the other kernels (their call sites saw two vector classes), measured on 17 and 25.
  private static final VectorSpecies<Float> F = VectorGemm.S;
  private static final VectorSpecies<Double> D = DoubleVector.SPECIES_512;
  private static final VectorSpecies<Long> W = LongVector.SPECIES_512;

  /** Channels per step: one float vector, two long vectors. */
  private static final int LANES = 16;

  /** Floats a sums array must hold past its last padded row (the upper half's load reads them). */
  static final int SLACK = LANES / 2;

  /** True where this form is compiled to SIMD instructions (512-bit vectors). */
  static final boolean USABLE = F.vectorBitSize() == 512;

  private static final double MAGIC = 0x1.8p52;
  private static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);

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

  VectorRequantizer(Requantization r, int[] bias, int channels) {
    int padded = (channels + LANES - 1) / LANES * LANES;
    this.bias = new long[padded];
    this.leftShifts = new long[padded];
    this.multipliers = new long[padded];
    this.halves = new long[padded];
    this.negativeAdjust = new long[padded];
    this.rightShifts = new long[padded];
    for (int c = 0; c < channels; c++) {
      int shift = r.shifts[c];
      int right = Math.max(-shift, 0);
      this.bias[c] = bias[c];
      leftShifts[c] = 32 + Math.max(shift, 0);
      multipliers[c] = r.multipliers[c];
      rightShifts[c] = right;
      halves[c] = right == 0 ? 0 : 1L << (right - 1);
      negativeAdjust[c] = right == 0 ? 0 : 1;
    }
    this.zeroPoint = r.outputZeroPoint;
    this.min = r.min;
    this.max = r.max;
    this.intBias = bias.clone();
    this.scalar = new ExactRequantizer(r);
  }

  /**
   * {@code out[outOff + c] = requantize((int) sums[sumOff + c] + bias[c], c)} for {@code c <
   * channels}; {@code sums} holds the row padded to whole vectors and half a vector more after the
   * last row ({@link #SLACK}), {@code stage} as many longs as the padded row.
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
    // Eight channels a pass, each from its own load (converting the upper half of one load
    // allocated on Java 25), all in this one method: a vector handed to a helper method is boxed
    // whenever C2 does not inline it, which happened once the helper had been compiled on its own
    // (the whole test suite in one JVM: 864 bytes per pixel, measured on Java 17).
    for (int c = from; c < to; c += LANES / 2) {
      DoubleVector d =
          (DoubleVector)
              FloatVector.fromArray(F, sums, sumOff + c).convertShape(VectorOperators.F2D, D, 0);
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
      q.add(zeroPoint).max(min).min(max).intoArray(stage, c);
    }
    for (int c = from; c < to; c++) {
      out[outOff + c] = (byte) stage[c];
    }
  }
}
