package io.edgeinfer.lite.kernels;

import static io.edgeinfer.lite.kernels.VectorGemm.L;
import static io.edgeinfer.lite.kernels.VectorGemm.S;
import static jdk.incubator.vector.VectorOperators.B2F;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float FULLY_CONNECTED in explicit SIMD. Small layers (a few dozen outputs, the seed MLP's) are
 * where the plain kernel loses: its loops over outputs are too short to reach the main loop C2
 * vectorizes, so they run mostly scalar. Here the outputs are cut into panels of one vector's width
 * (zero-padded), the panels into groups of four (then two and one), and each batch row broadcasts
 * one input at a time against a group, whose sums stay in registers. A group's weights are packed
 * at load as {@code [input][panel][lane]}, so that each input's vectors are adjacent: one stream of
 * loads (a stream per panel measured 1.4-1.6x slower). A group whose last panel has padding lanes
 * goes through the scratch; whole ones are stored straight to the output.
 *
 * <p>Each output sums its products in input order from zero, each product rounded before it is
 * added (a multiply then an add, not a fused multiply-add), then adds the bias and clamps: the
 * reference's bits. Fused multiply-adds measured no faster: the chain of adds bounds the time. The
 * clamp is a vector max/min, as in {@link VectorGemm}: it differs from {@link Activation#apply}
 * only on -0.0, which a sum started from +0.0 plus a bias never is. (Comparing and blending, as
 * apply does, was no faster in the whole model, and its masks were boxed in a JVM whose other
 * vector kernels had run first.) Only the {@link VectorGemm#S} species is used, as by the
 * convolutions: C2 boxes vectors at call sites that see several (a 256-bit FULLY_CONNECTED beside
 * the 512-bit convolutions ran 20-50x slower in one JVM).
 *
 * <p>Outputs split over threads in groups of panels ({@link SplitOp}); each output is computed as
 * in a whole run.
 */
final class VectorFullyConnected {
  private VectorFullyConnected() {}

  /**
   * The panels cut in groups of four, then what is left in a group of two and one of one (three
   * left: both): each group's first panel, then {@code panels}.
   */
  static int[] groupStarts(int panels) {
    int full = panels / 4;
    int left = panels - 4 * full;
    int[] starts = new int[full + (left == 3 ? 2 : left > 0 ? 1 : 0) + 1];
    for (int g = 1; g < starts.length; g++) {
      starts[g] = Math.min(panels, g <= full ? 4 * g : 4 * full + 2 * (g - full));
    }
    return starts;
  }

  static final class FloatOp implements SplitOp<float[], float[]> {
    private final float[] packed; // groups of panels, each [inputs][width][L]
    private final float[] bias; // padded to whole vectors
    private final int outputs;
    private final int inputs;
    private final int panels;

    /** The first panel of each group, and the panel count last. */
    private final int[] starts;

    private final float lo;
    private final float hi;

    FloatOp(FloatBuffer weights, int outputs, int inputs, float[] bias, Activation activation) {
      FloatBuffer w = Weights.view(weights, outputs * inputs, "weight");
      this.outputs = outputs;
      this.inputs = inputs;
      this.panels = VectorGemm.padded(outputs) / L;
      this.starts = groupStarts(panels);
      this.packed = new float[panels * L * inputs];
      for (int g = 0; g + 1 < starts.length; g++) {
        int width = starts[g + 1] - starts[g];
        for (int o = starts[g] * L; o < Math.min(outputs, starts[g + 1] * L); o++) {
          int at = starts[g] * L * inputs + o - starts[g] * L;
          for (int i = 0; i < inputs; i++) {
            packed[at + i * width * L] = w.get(o * inputs + i);
          }
        }
      }
      this.bias = VectorGemm.padTo(Weights.bias(bias, outputs), outputs);
      this.lo = activation.min();
      this.hi = activation.max();
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return new int[] {RefFullyConnected.batch(inputShape, inputs), outputs};
    }

    @Override
    public int units(int[] inputShape) {
      return starts.length - 1;
    }

    @Override
    public long work(int[] inputShape) {
      return (long) RefFullyConnected.batch(inputShape, inputs) * inputs * outputs;
    }

    @Override
    public void runUnits(
        float[] input, int[] inputShape, float[] output, Scratch scratch, int from, int to) {
      int batch = RefFullyConnected.batch(inputShape, inputs);
      Shapes.checkLength("input", batch * inputs, input.length);
      Shapes.checkLength("output", batch * outputs, output.length);
      for (int b = 0; b < batch; b++) {
        int x = b * inputs;
        int y = b * outputs;
        for (int g = from; g < to; g++) {
          int start = starts[g];
          int end = starts[g + 1];
          // Whole vectors go straight to the output; a group with padding lanes goes to the
          // scratch first, and its real outputs from there.
          boolean whole = end * L <= outputs;
          float[] dst = whole ? output : scratch.floats(0, (end - start) * L);
          int at = whole ? y + start * L : 0;
          switch (end - start) {
            case 4 -> fourPanels(input, x, start, dst, at);
            case 2 -> twoPanels(input, x, start, dst, at);
            default -> onePanel(input, x, start, dst, at);
          }
          if (!whole) {
            System.arraycopy(dst, 0, output, y + start * L, outputs - start * L);
          }
        }
      }
    }

    // Each of these writes its panels' outputs, the sums plus the bias, clamped, from dst[at].

    private void fourPanels(float[] input, int x, int panel, float[] dst, int at) {
      int w = panel * L * inputs;
      FloatVector s0 = FloatVector.zero(S);
      FloatVector s1 = FloatVector.zero(S);
      FloatVector s2 = FloatVector.zero(S);
      FloatVector s3 = FloatVector.zero(S);
      for (int i = 0; i < inputs; i++, w += 4 * L) {
        FloatVector v = FloatVector.broadcast(S, input[x + i]);
        s0 = s0.add(v.mul(FloatVector.fromArray(S, packed, w)));
        s1 = s1.add(v.mul(FloatVector.fromArray(S, packed, w + L)));
        s2 = s2.add(v.mul(FloatVector.fromArray(S, packed, w + 2 * L)));
        s3 = s3.add(v.mul(FloatVector.fromArray(S, packed, w + 3 * L)));
      }
      int o = panel * L;
      s0.add(FloatVector.fromArray(S, bias, o)).max(lo).min(hi).intoArray(dst, at);
      s1.add(FloatVector.fromArray(S, bias, o + L)).max(lo).min(hi).intoArray(dst, at + L);
      s2.add(FloatVector.fromArray(S, bias, o + 2 * L)).max(lo).min(hi).intoArray(dst, at + 2 * L);
      s3.add(FloatVector.fromArray(S, bias, o + 3 * L)).max(lo).min(hi).intoArray(dst, at + 3 * L);
    }

    private void twoPanels(float[] input, int x, int panel, float[] dst, int at) {
      int w = panel * L * inputs;
      FloatVector s0 = FloatVector.zero(S);
      FloatVector s1 = FloatVector.zero(S);
      for (int i = 0; i < inputs; i++, w += 2 * L) {
        FloatVector v = FloatVector.broadcast(S, input[x + i]);
        s0 = s0.add(v.mul(FloatVector.fromArray(S, packed, w)));
        s1 = s1.add(v.mul(FloatVector.fromArray(S, packed, w + L)));
      }
      int o = panel * L;
      s0.add(FloatVector.fromArray(S, bias, o)).max(lo).min(hi).intoArray(dst, at);
      s1.add(FloatVector.fromArray(S, bias, o + L)).max(lo).min(hi).intoArray(dst, at + L);
    }

    private void onePanel(float[] input, int x, int panel, float[] dst, int at) {
      int w = panel * L * inputs;
      FloatVector s = FloatVector.zero(S);
      for (int i = 0; i < inputs; i++, w += L) {
        s = s.add(FloatVector.broadcast(S, input[x + i]).mul(FloatVector.fromArray(S, packed, w)));
      }
      s.add(FloatVector.fromArray(S, bias, panel * L)).max(lo).min(hi).intoArray(dst, at);
    }
  }

  /**
   * Int8 FULLY_CONNECTED (and uint8 held as int8: weights with a zero point), vectorized like the
   * float layer, its weights kept as bytes: a group's weights are packed at load as {@code
   * [input][panel][lane]} bytes (a quarter of the float layer's memory and traffic; MobileNet v2's
   * 1280x1000 classifier is 1.3 MB), and each vector of 16 bytes becomes 16 floats in registers
   * ({@code B2F}), minus the weights' zero point where the bytes could not hold the differences.
   * Each batch row's input is converted once to {@code q - zeroPoint} in float.
   *
   * <p>The float sums are exact: every product is an integer of magnitude at most 255 * 255, and
   * the inputs are split at load into chunks within which {@code 255 * sum|w - wzp|} stays within
   * 2^24 for every output ({@link #exactChunks}, one chunk for any layer of up to 258 inputs and
   * for every real classifier seen), so every partial sum is an integer within 2^24 in whatever
   * order the lanes add them (fused multiply-adds too). One chunk: the sums are requantized 16 at a
   * time ({@link VectorRequantizer#row}); more: chunk sums are added as ints (wrapping like the
   * reference's int32 accumulator) and requantized by {@link ExactRequantizer}. Bit for bit the
   * reference's results.
   *
   * <p>Only where {@link VectorRequantizer#USABLE} (512-bit vectors, 16 lanes: one 128-bit byte
   * vector a float vector); elsewhere {@link VectorKernels} keeps the plain kernel. Outputs split
   * over threads in the float layer's groups of panels ({@link SplitOp}).
   */
  static final class Int8Op implements SplitOp<byte[], byte[]>, ExactSums {
    // Sixteen bytes: one float vector's lanes where this kernel runs (L == 16). The same species
    // as VectorDepthwiseInt8Rows' byte vectors.
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_128;

    private final byte[] packed; // groups of panels, each [inputs][width][L]
    private final int outputs;
    private final int inputs;
    private final int panels;
    private final int[] starts; // as FloatOp's
    private final int[] chunks; // input offsets: chunk c is [chunks[c], chunks[c + 1])
    private final int[] bias;
    private final int inputZeroPoint;

    /**
     * Subtracted from each converted weight (exact): 0 where the bytes hold {@code w - wzp}
     * already.
     */
    private final float weightShift;

    private final ExactRequantizer requant;
    private final VectorRequantizer vectorRequant;

    Int8Op(
        ByteBuffer weights,
        int weightZeroPoint,
        int outputs,
        int inputs,
        float[] weightScales,
        int[] bias,
        Quant input,
        Quant output,
        Activation activation) {
      if (L != 16) {
        throw new IllegalStateException("expected 16 float lanes, found " + L);
      }
      ByteBuffer w = Weights.view(weights, outputs * inputs, "weight");
      this.outputs = outputs;
      this.inputs = inputs;
      this.panels = VectorGemm.padded(outputs) / L;
      this.starts = groupStarts(panels);
      boolean fits = true;
      for (int k = 0; k < outputs * inputs; k++) {
        int v = w.get(k) - weightZeroPoint;
        fits &= v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
      }
      this.chunks = exactChunks(w, weightZeroPoint, outputs, inputs);
      // Bytes of w - wzp where they fit (always for symmetric int8 weights), else the weights' own
      // bytes, the zero point subtracted after conversion; padding lanes are zero either way.
      this.weightShift = fits ? 0f : weightZeroPoint;
      this.packed = new byte[panels * L * inputs];
      for (int g = 0; g + 1 < starts.length; g++) {
        int width = starts[g + 1] - starts[g];
        int first = starts[g] * L;
        for (int o = first; o < first + width * L; o++) {
          int at = first * inputs + o - first;
          for (int i = 0; i < inputs; i++) {
            int v = o < outputs ? w.get(o * inputs + i) - weightZeroPoint : 0;
            packed[at + i * width * L] = (byte) (fits ? v : v + weightZeroPoint);
          }
        }
      }
      this.bias = Weights.bias(bias, outputs);
      this.inputZeroPoint = input.zeroPoint();
      Requantization r =
          Requantization.fullyConnected(input, weightScales, output, activation, outputs);
      this.requant = new ExactRequantizer(r);
      this.vectorRequant = new VectorRequantizer(r, this.bias, outputs);
    }

    /**
     * Input offsets splitting {@code [0, inputs)} into chunks within which {@code 255 * sum|w -
     * wzp|} stays within 2^24 for every output ({@link VectorConv2d#exactChunks} read straight from
     * the weights' bytes, with no float copy of them at load).
     */
    static int[] exactChunks(ByteBuffer w, int weightZeroPoint, int outputs, int inputs) {
      long limit = FastConv2d.EXACT_FLOAT_LIMIT / 255;
      int[] bounds = new int[inputs + 1];
      int count = 0;
      bounds[count++] = 0;
      long[] sums = new long[outputs];
      for (int i = 0; i < inputs; i++) {
        boolean over = false;
        for (int o = 0; o < outputs; o++) {
          over |= sums[o] + Math.abs(w.get(o * inputs + i) - weightZeroPoint) > limit;
        }
        if (over) {
          bounds[count++] = i;
          Arrays.fill(sums, 0);
        }
        for (int o = 0; o < outputs; o++) {
          sums[o] += Math.abs(w.get(o * inputs + i) - weightZeroPoint);
        }
      }
      bounds[count++] = inputs;
      return Arrays.copyOf(bounds, count);
    }

    /** Input chunks the float sums are split into (1 unless an output's sums could pass 2^24). */
    @Override
    public int floatChunks() {
      return chunks.length - 1;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return new int[] {RefFullyConnected.batch(inputShape, inputs), outputs};
    }

    @Override
    public int units(int[] inputShape) {
      return starts.length - 1;
    }

    @Override
    public long work(int[] inputShape) {
      return (long) RefFullyConnected.batch(inputShape, inputs) * inputs * outputs;
    }

    @Override
    public void runUnits(
        byte[] input, int[] inputShape, byte[] output, Scratch scratch, int from, int to) {
      int batch = RefFullyConnected.batch(inputShape, inputs);
      Shapes.checkLength("input", batch * inputs, input.length);
      Shapes.checkLength("output", batch * outputs, output.length);
      float[] x = scratch.floats(0, inputs);
      // Sums by output channel, padded to whole vectors, with the requantizer's slack after.
      float[] sums = scratch.floats(1, panels * L + VectorRequantizer.SLACK);
      int[] total = chunks.length > 2 ? scratch.ints(0, panels * L) : null;
      long[] stage = scratch.longs(0, L);
      int zp = inputZeroPoint;
      for (int b = 0; b < batch; b++) {
        int base = b * inputs;
        for (int i = 0; i < inputs; i++) {
          x[i] = input[base + i] - zp;
        }
        int y = b * outputs;
        for (int g = from; g < to; g++) {
          int start = starts[g];
          int width = starts[g + 1] - start;
          int c0 = start * L;
          int c1 = Math.min(outputs, starts[g + 1] * L);
          if (total == null) {
            panelSums(x, 0, inputs, start, width, sums);
            vectorRequant.row(sums, 0, output, y, c0, c1, stage);
            continue;
          }
          for (int c = c0; c < c1; c++) {
            total[c] = 0;
          }
          for (int ch = 0; ch + 1 < chunks.length; ch++) {
            panelSums(x, chunks[ch], chunks[ch + 1], start, width, sums);
            for (int c = c0; c < c1; c++) {
              total[c] += (int) sums[c];
            }
          }
          requant.row(total, 0, bias, output, y, c0, c1);
        }
      }
    }

    /** {@code sums[c]} for the group's channels: its exact float sums over inputs [i0, i1). */
    private void panelSums(float[] x, int i0, int i1, int start, int width, float[] sums) {
      switch (width) {
        case 4 -> fourPanels(x, i0, i1, start, sums);
        case 2 -> twoPanels(x, i0, i1, start, sums);
        default -> onePanel(x, i0, i1, start, sums);
      }
    }

    // Each of these writes its panels' sums over inputs [i0, i1) to sums[panel * L..]. No vector
    // crosses a method boundary (see VectorRequantizer#eight).

    /**
     * Even inputs into {@code s}, odd ones into {@code t}, added at the end (every partial sum is
     * exact, so any order gives the same sums): eight chains of fused multiply-adds, not four, and
     * no subtraction of a zero shift (23 against 32 us for the 1280x1000 classifier, measured alone
     * with its weights in cache; in the whole model, where they are not, 60-66 us either way).
     */
    private void fourPanels(float[] x, int i0, int i1, int panel, float[] sums) {
      if (weightShift != 0f) {
        fourPanelsShifted(x, i0, i1, panel, sums);
        return;
      }
      int w = panel * L * inputs + i0 * 4 * L;
      FloatVector s0 = FloatVector.zero(S);
      FloatVector s1 = FloatVector.zero(S);
      FloatVector s2 = FloatVector.zero(S);
      FloatVector s3 = FloatVector.zero(S);
      FloatVector t0 = FloatVector.zero(S);
      FloatVector t1 = FloatVector.zero(S);
      FloatVector t2 = FloatVector.zero(S);
      FloatVector t3 = FloatVector.zero(S);
      int i = i0;
      for (; i + 1 < i1; i += 2, w += 8 * L) {
        FloatVector v = FloatVector.broadcast(S, x[i]);
        FloatVector u = FloatVector.broadcast(S, x[i + 1]);
        s0 =
            ((FloatVector) ByteVector.fromArray(BYTES, packed, w).convertShape(B2F, S, 0))
                .fma(v, s0);
        s1 =
            ((FloatVector) ByteVector.fromArray(BYTES, packed, w + L).convertShape(B2F, S, 0))
                .fma(v, s1);
        s2 =
            ((FloatVector) ByteVector.fromArray(BYTES, packed, w + 2 * L).convertShape(B2F, S, 0))
                .fma(v, s2);
        s3 =
            ((FloatVector) ByteVector.fromArray(BYTES, packed, w + 3 * L).convertShape(B2F, S, 0))
                .fma(v, s3);
        t0 =
            ((FloatVector) ByteVector.fromArray(BYTES, packed, w + 4 * L).convertShape(B2F, S, 0))
                .fma(u, t0);
        t1 =
            ((FloatVector) ByteVector.fromArray(BYTES, packed, w + 5 * L).convertShape(B2F, S, 0))
                .fma(u, t1);
        t2 =
            ((FloatVector) ByteVector.fromArray(BYTES, packed, w + 6 * L).convertShape(B2F, S, 0))
                .fma(u, t2);
        t3 =
            ((FloatVector) ByteVector.fromArray(BYTES, packed, w + 7 * L).convertShape(B2F, S, 0))
                .fma(u, t3);
      }
      if (i < i1) {
        FloatVector v = FloatVector.broadcast(S, x[i]);
        s0 =
            ((FloatVector) ByteVector.fromArray(BYTES, packed, w).convertShape(B2F, S, 0))
                .fma(v, s0);
        s1 =
            ((FloatVector) ByteVector.fromArray(BYTES, packed, w + L).convertShape(B2F, S, 0))
                .fma(v, s1);
        s2 =
            ((FloatVector) ByteVector.fromArray(BYTES, packed, w + 2 * L).convertShape(B2F, S, 0))
                .fma(v, s2);
        s3 =
            ((FloatVector) ByteVector.fromArray(BYTES, packed, w + 3 * L).convertShape(B2F, S, 0))
                .fma(v, s3);
      }
      int o = panel * L;
      s0.add(t0).intoArray(sums, o);
      s1.add(t1).intoArray(sums, o + L);
      s2.add(t2).intoArray(sums, o + 2 * L);
      s3.add(t3).intoArray(sums, o + 3 * L);
    }

    /** {@link #fourPanels} for bytes that hold the weights themselves, not their differences. */
    private void fourPanelsShifted(float[] x, int i0, int i1, int panel, float[] sums) {
      int w = panel * L * inputs + i0 * 4 * L;
      float shift = weightShift;
      FloatVector s0 = FloatVector.zero(S);
      FloatVector s1 = FloatVector.zero(S);
      FloatVector s2 = FloatVector.zero(S);
      FloatVector s3 = FloatVector.zero(S);
      for (int i = i0; i < i1; i++, w += 4 * L) {
        FloatVector v = FloatVector.broadcast(S, x[i]);
        FloatVector w0 =
            (FloatVector) ByteVector.fromArray(BYTES, packed, w).convertShape(B2F, S, 0);
        s0 = w0.sub(shift).fma(v, s0);
        FloatVector w1 =
            (FloatVector) ByteVector.fromArray(BYTES, packed, w + L).convertShape(B2F, S, 0);
        s1 = w1.sub(shift).fma(v, s1);
        FloatVector w2 =
            (FloatVector) ByteVector.fromArray(BYTES, packed, w + 2 * L).convertShape(B2F, S, 0);
        s2 = w2.sub(shift).fma(v, s2);
        FloatVector w3 =
            (FloatVector) ByteVector.fromArray(BYTES, packed, w + 3 * L).convertShape(B2F, S, 0);
        s3 = w3.sub(shift).fma(v, s3);
      }
      int o = panel * L;
      s0.intoArray(sums, o);
      s1.intoArray(sums, o + L);
      s2.intoArray(sums, o + 2 * L);
      s3.intoArray(sums, o + 3 * L);
    }

    private void twoPanels(float[] x, int i0, int i1, int panel, float[] sums) {
      int w = panel * L * inputs + i0 * 2 * L;
      float shift = weightShift;
      FloatVector s0 = FloatVector.zero(S);
      FloatVector s1 = FloatVector.zero(S);
      for (int i = i0; i < i1; i++, w += 2 * L) {
        FloatVector v = FloatVector.broadcast(S, x[i]);
        FloatVector w0 =
            (FloatVector) ByteVector.fromArray(BYTES, packed, w).convertShape(B2F, S, 0);
        s0 = w0.sub(shift).fma(v, s0);
        FloatVector w1 =
            (FloatVector) ByteVector.fromArray(BYTES, packed, w + L).convertShape(B2F, S, 0);
        s1 = w1.sub(shift).fma(v, s1);
      }
      int o = panel * L;
      s0.intoArray(sums, o);
      s1.intoArray(sums, o + L);
    }

    private void onePanel(float[] x, int i0, int i1, int panel, float[] sums) {
      int w = panel * L * inputs + i0 * L;
      float shift = weightShift;
      FloatVector s = FloatVector.zero(S);
      for (int i = i0; i < i1; i++, w += L) {
        FloatVector w0 =
            (FloatVector) ByteVector.fromArray(BYTES, packed, w).convertShape(B2F, S, 0);
        s = w0.sub(shift).fma(FloatVector.broadcast(S, x[i]), s);
      }
      s.intoArray(sums, panel * L);
    }
  }
}
