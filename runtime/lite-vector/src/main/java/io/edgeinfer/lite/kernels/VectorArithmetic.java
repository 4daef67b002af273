package io.edgeinfer.lite.kernels;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Int8 ADD, SUB and MUL with the output's requantization eight elements at a time in 64-bit lanes,
 * bit for bit {@link RefArithmetic.Int8Op}: operands of the same shape or one of them a scalar (the
 * residual ADDs of MobileNets and the like); every other broadcast, and everything where 64-bit
 * lanes are not 512 bits wide ({@link VectorRequantizer#USABLE}), runs {@link
 * FastArithmetic.Int8Op}.
 *
 * <p>A block of elements at a time, a scalar loop stages each element's int32 accumulator as a
 * long: for ADD and SUB the sum of the operands rescaled by the reference ({@link
 * QuantizedArithmetic#scaleA}, {@link QuantizedArithmetic#scaleB}, looked up in tables of 256), for
 * MUL the product of the offset operands. The vector loop then requantizes the accumulators in the
 * branch-free form of {@link ExactRequantizer}: {@code h = (acc * m + 2^30) >> 31}, {@code (h +
 * half - (h < 0 ? 1 : 0)) >> shift}, the zero point, the clamp. MUL's output left shift is folded
 * into the multiplier ({@code acc << left} never wraps where this form is used: {@link
 * #vectorForm}), and so is the int32 addition of the zero point (the rounded value stays {@code
 * 2^8} from the int32 limits).
 *
 * <p>Computing the operands' rescaling in lanes too (two more chains of ten vector operations) made
 * methods whose compilation overran C2's node budget for inlining (NodeCountInliningCutoff), so
 * that some compilations boxed every vector; the table lookups cost about as much.
 */
final class VectorArithmetic {
  private VectorArithmetic() {}

  static final class Int8Op implements SplitBinaryOp<byte[]> {
    // The species VectorRequantizer uses already: no new vector classes at the call sites.
    private static final VectorSpecies<Long> W = LongVector.SPECIES_512;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;
    private static final int STEP = 8;

    /** Elements per pass of the staged loops. */
    private static final int BLOCK = 256;

    /** Each thread's accumulators between the loops (a kernel runs on several threads at once). */
    private static final ThreadLocal<long[]> STAGE = ThreadLocal.withInitial(() -> new long[BLOCK]);

    private final FastArithmetic.Int8Op scalar;
    private final QuantizedArithmetic params;
    private final boolean mul;
    private final boolean vector;
    private final int offsetA;
    private final int offsetB;
    private final long[] scaledA = new long[256];
    private final long[] scaledB = new long[256];
    // The output: multiplier times 2^leftShift, then the rounding divide.
    private final long multiplier;
    private final long half;
    private final long adjust;
    private final int shift;
    private final long zeroPoint;
    private final long min;
    private final long max;

    Int8Op(RefArithmetic.Kind kind, Quant a, Quant b, Quant output, Activation activation) {
      this.scalar = new FastArithmetic.Int8Op(kind, a, b, output, activation);
      this.params = scalar.params();
      this.mul = kind == RefArithmetic.Kind.MUL;
      QuantizedArithmetic p = params;
      this.offsetA = p.offsetA;
      this.offsetB = p.offsetB;
      if (!mul) {
        for (int q = -128; q < 128; q++) {
          scaledA[q & 0xFF] = p.scaleA(q);
          scaledB[q & 0xFF] = p.scaleB(q);
        }
      }
      this.multiplier = (long) p.outputMultiplier << Math.max(p.outputShift, 0);
      this.shift = Math.max(-p.outputShift, 0);
      this.half = shift == 0 ? 0 : 1L << (shift - 1);
      this.adjust = shift == 0 ? 0 : 1;
      this.zeroPoint = p.outputOffset;
      this.min = p.min;
      this.max = p.max;
      this.vector = VectorRequantizer.USABLE && vectorForm(p, mul);
    }

    /**
     * True when the lanes' arithmetic is the reference's without its int32 wrap-arounds: ADD/SUB
     * operands whose {@code (q + offset) * 2^20} fit an int and rescalings below one (always, from
     * {@link QuantizedArithmetic#addOrSub}); MUL products that stay {@code 2^8} below the int32
     * limits after the output's left shift, so that neither the shift nor the zero point wraps.
     */
    static boolean vectorForm(QuantizedArithmetic p, boolean mul) {
      long largestA = 128 + Math.abs((long) p.offsetA);
      long largestB = 128 + Math.abs((long) p.offsetB);
      if (mul) {
        int left = Math.max(p.outputShift, 0);
        return left < 31
            && p.outputMultiplier >= 0
            && (largestA * largestB << left) < Integer.MAX_VALUE - 256;
      }
      return largestA << QuantizedArithmetic.LEFT_SHIFT < Integer.MAX_VALUE
          && largestB << QuantizedArithmetic.LEFT_SHIFT < Integer.MAX_VALUE
          && p.shiftA <= 0
          && p.shiftB <= 0
          && p.outputShift <= 0;
    }

    @Override
    public void run(byte[] a, int[] aShape, byte[] b, int[] bShape, byte[] output) {
      runUnits(a, aShape, b, bShape, output, 0, RefArithmetic.outputSize(aShape, bShape));
    }

    @Override
    public int units(int[] aShape, int[] bShape) {
      return scalar.units(aShape, bShape);
    }

    @Override
    public void runUnits(
        byte[] a, int[] aShape, byte[] b, int[] bShape, byte[] output, int from, int to) {
      if (vector) {
        int sizeA = Shapes.size(aShape);
        int sizeB = Shapes.size(bShape);
        if (sizeA == sizeB && FastArithmetic.sameElements(aShape, bShape)) {
          Shapes.checkLength("first operand", sizeA, a.length);
          Shapes.checkLength("second operand", sizeB, b.length);
          Shapes.checkLength("output", sizeA, output.length);
          same(a, b, output, from, to);
          return;
        }
        int size = RefArithmetic.outputSize(aShape, bShape);
        if ((sizeA == 1 || sizeB == 1) && size == Math.max(sizeA, sizeB)) {
          Shapes.checkLength("first operand", sizeA, a.length);
          Shapes.checkLength("second operand", sizeB, b.length);
          Shapes.checkLength("output", size, output.length);
          if (sizeB == 1) {
            withScalar(a, true, b[0], output, from, to);
          } else {
            withScalar(b, false, a[0], output, from, to);
          }
          return;
        }
      }
      scalar.runUnits(a, aShape, b, bShape, output, from, to);
    }

    /** Operands of the output's size, elements {@code [from, to)}. */
    private void same(byte[] a, byte[] b, byte[] out, int from, int to) {
      int whole = from + (to - from) / STEP * STEP;
      long[] stage = STAGE.get();
      for (int i = from; i < whole; i += BLOCK) {
        int n = Math.min(BLOCK, whole - i);
        if (mul) {
          for (int k = 0; k < n; k++) {
            stage[k] = (a[i + k] + offsetA) * (b[i + k] + offsetB);
          }
        } else {
          for (int k = 0; k < n; k++) {
            stage[k] = scaledA[a[i + k] & 0xFF] + scaledB[b[i + k] & 0xFF];
          }
        }
        outputs(stage, out, i, n);
      }
      for (int i = whole; i < to; i++) {
        out[i] = (byte) scalar.compute(a[i], b[i]);
      }
    }

    /**
     * A tensor and a scalar, elements {@code [from, to)}: {@code tensor} is operand a when {@code
     * tensorIsA}, else b.
     */
    private void withScalar(
        byte[] tensor, boolean tensorIsA, int other, byte[] out, int from, int to) {
      int whole = from + (to - from) / STEP * STEP;
      long[] stage = STAGE.get();
      long[] scaled = tensorIsA ? scaledA : scaledB;
      int offset = tensorIsA ? offsetA : offsetB;
      long term =
          mul
              ? other + (tensorIsA ? offsetB : offsetA)
              : (tensorIsA ? scaledB : scaledA)[other & 0xFF];
      for (int i = from; i < whole; i += BLOCK) {
        int n = Math.min(BLOCK, whole - i);
        if (mul) {
          for (int k = 0; k < n; k++) {
            stage[k] = (tensor[i + k] + offset) * term;
          }
        } else {
          for (int k = 0; k < n; k++) {
            stage[k] = scaled[tensor[i + k] & 0xFF] + term;
          }
        }
        outputs(stage, out, i, n);
      }
      for (int i = whole; i < to; i++) {
        out[i] =
            (byte)
                (tensorIsA ? scalar.compute(tensor[i], other) : scalar.compute(other, tensor[i]));
      }
    }

    /**
     * {@code out[at + k]} for {@code k < n} (a multiple of 8): the accumulators in {@code stage}
     * requantized. The only vector code of the class, small enough to compile whole wherever C2
     * inlines it.
     */
    private void outputs(long[] stage, byte[] out, int at, int n) {
      for (int k = 0; k < n; k += STEP) {
        LongVector high =
            LongVector.fromArray(W, stage, k)
                .mul(multiplier)
                .add(1L << 30)
                .lanewise(VectorOperators.ASHR, 31);
        LongVector q =
            high.add(half)
                .sub(high.lanewise(VectorOperators.LSHR, 63).and(adjust))
                .lanewise(VectorOperators.ASHR, shift)
                .add(zeroPoint)
                .max(min)
                .min(max);
        ((ByteVector) q.convertShape(VectorOperators.L2B, B, 0)).intoArray(out, at + k);
      }
    }
  }
}
