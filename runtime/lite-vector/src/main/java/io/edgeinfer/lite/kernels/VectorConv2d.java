package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * CONV_2D as a matrix product ({@link VectorGemm}) over NHWC rows: a 1x1 convolution with stride 1
 * multiplies the input itself (each pixel's channels are one row), any other builds patch rows for
 * a tile of output pixels ({@code (fy, fx, ic)} in the filter's OHWI order, zeros outside the
 * input) and multiplies those. Output pixels can be computed apart ({@link SplitOp}), and so can
 * output channels, the units of a layer with few pixels (a classifier on one pixel) or more
 * channels than pixels.
 *
 * <p>Int8 (and uint8 held as int8) runs the same float product on {@code q - zeroPoint}, which is
 * exact: every partial sum is an integer of magnitude at most {@code 255 * sum|w|} over the taps
 * summed. At load the taps are split into chunks within which that stays under 2^24 for every
 * output channel (one chunk for every MobileNet layer seen); chunk sums are added as ints. The
 * requantization is TFLite's, bit for bit ({@link ExactRequantizer}).
 */
final class VectorConv2d {
  private VectorConv2d() {}

  /** Output pixels per product tile: the patch rows of a tile stay within 64 KB. */
  static int tileRows(int taps) {
    return Math.max(4, Math.min(256, 16384 / taps) / 4 * 4);
  }

  /**
   * Layers with fewer output pixels than this split their work by output channels (panels of one
   * vector's width): a few pixels shared by threads would leave each too few rows for the 4-row
   * tiles.
   */
  static final int PIXEL_UNITS_MIN = 16;

  /** Rows of the product's widest tile ({@link VectorGemm}). */
  static final int QUAD = 4;

  /** Filter dimensions, geometry and the split shared by the float and int8 layers. */
  private abstract static class Layer<I, O> implements SplitOp<I, O> {
    final int outC;
    final int kh;
    final int kw;
    final int inC;
    final int taps;
    final ConvOptions options;
    final boolean pointwise;

    Layer(int[] filterShape, ConvOptions options) {
      int[] f = Weights.filterShape(filterShape, "filter");
      this.outC = f[0];
      this.kh = f[1];
      this.kw = f[2];
      this.inC = f[3];
      this.taps = kh * kw * inC;
      this.options = options;
      this.pointwise = kh == 1 && kw == 1 && options.strideH() == 1 && options.strideW() == 1;
    }

    // The last geometry, so that a steady stream of same-shaped inputs allocates nothing.
    private volatile Window last;

    Window window(int[] inputShape) {
      Window w = last;
      if (w == null || !w.matches(inputShape)) {
        w = Window.of(inputShape, kh, kw, options);
        Shapes.checkEqual("input channels", inC, w.channels());
        last = w;
      }
      return w;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return window(inputShape).outputShape(outC);
    }

    /**
     * True when the units of a run on this window are output channel panels, not pixels: with few
     * pixels, or more output channels than pixels (MobileNet's 7x7 and 14x14 expansions), where a
     * thread's share of the weights, not of the pixels, is what keeps it in its own cache.
     */
    boolean byChannels(Window w) {
      int pixels = w.outputPixels();
      return pixels < PIXEL_UNITS_MIN || outC > pixels;
    }

    /** Groups of {@link #QUAD} output pixels: the rows of one product tile. */
    static int quads(Window w) {
      return (w.outputPixels() + QUAD - 1) / QUAD;
    }

    /** Pairs of panels: the panels of one product tile. */
    int pairs() {
      return (panels() + 1) / 2;
    }

    int panels() {
      return VectorGemm.padded(outC) / VectorGemm.L;
    }

    /**
     * Pixel quads, or (by channels) pairs of panels times pixel quads, pair-major: a part then
     * holds whole product tiles. (Parts cut anywhere left a 1-row tail of a 14x14 layer's 24.5
     * pixels, or a single panel of a 7x7 layer's 10, as slow as a whole tile: 2 threads spent
     * 0.55-0.65 of one thread's time on those layers.)
     */
    @Override
    public int units(int[] inputShape) {
      Window w = window(inputShape);
      return byChannels(w) ? pairs() * quads(w) : quads(w);
    }

    @Override
    public long work(int[] inputShape) {
      return (long) window(inputShape).outputPixels() * outC * taps;
    }

    @Override
    public void runUnits(I input, int[] inputShape, O output, Scratch scratch, int from, int to) {
      Window w = window(inputShape);
      int pixels = w.outputPixels();
      if (!byChannels(w)) {
        run(input, w, output, scratch, from * QUAD, Math.min(pixels, to * QUAD), 0, panels());
        return;
      }
      // A head of one pair's quads, whole pairs on all pixels in one run (a whole run's patches
      // are made once, as before the split), a tail of one pair's quads.
      int quads = quads(w);
      int u = from;
      while (u < to) {
        int pair = u / quads;
        int q0 = u % quads;
        int j0 = 2 * pair;
        if (q0 == 0 && to - u >= quads) {
          int whole = (to - u) / quads;
          run(input, w, output, scratch, 0, pixels, j0, Math.min(panels(), j0 + 2 * whole));
          u += whole * quads;
        } else {
          int q1 = Math.min(quads, q0 + to - u);
          run(
              input,
              w,
              output,
              scratch,
              q0 * QUAD,
              Math.min(pixels, q1 * QUAD),
              j0,
              Math.min(panels(), j0 + 2));
          u += q1 - q0;
        }
      }
    }

    /** Output pixels {@code [p0, end)}, channels of panels {@code [j0, j1)}. */
    abstract void run(
        I input, Window w, O output, Scratch scratch, int p0, int end, int j0, int j1);
  }

  /**
   * Patch rows for output pixels {@code p0 .. p0 + n}: {@code patch[r * taps + (fy * kw + fx) * inC
   * + ic]} is the input value (less {@code zeroPoint}) that tap meets, 0 outside the input.
   */
  static void patches(float[] in, Window w, int p0, int n, float[] patch) {
    int c = w.channels();
    int taps = w.filterH() * w.filterW() * c;
    int kwc = w.filterW() * c;
    for (int r = 0; r < n; r++) {
      int pixel = p0 + r;
      int ox = pixel % w.outW();
      int row = pixel / w.outW();
      int oy = row % w.outH();
      int b = row / w.outH();
      int dst = r * taps;
      int ix0 = ox * w.strideW() - w.padLeft();
      // A filter row wholly inside the input is one run of kw * c values (dilation 1).
      boolean inside = w.dilationW() == 1 && ix0 >= 0 && ix0 + w.filterW() <= w.inW() && kwc < 32;
      for (int fy = 0; fy < w.filterH(); fy++) {
        int iy = oy * w.strideH() - w.padTop() + fy * w.dilationH();
        if (inside && iy >= 0 && iy < w.inH()) {
          int src = ((b * w.inH() + iy) * w.inW() + ix0) * c;
          for (int i = 0; i < kwc; i++) {
            patch[dst + i] = in[src + i];
          }
          dst += kwc;
          continue;
        }
        for (int fx = 0; fx < w.filterW(); fx++, dst += c) {
          int ix = ix0 + fx * w.dilationW();
          if (iy < 0 || iy >= w.inH() || ix < 0 || ix >= w.inW()) {
            for (int i = 0; i < c; i++) {
              patch[dst + i] = 0f;
            }
          } else if (c < 32) {
            // A call of System.arraycopy costs more than copying a few channels by hand (the first
            // layer's 3 channels: 1.7 ms for 112x112 pixels, measured).
            int src = ((b * w.inH() + iy) * w.inW() + ix) * c;
            for (int i = 0; i < c; i++) {
              patch[dst + i] = in[src + i];
            }
          } else {
            System.arraycopy(in, ((b * w.inH() + iy) * w.inW() + ix) * c, patch, dst, c);
          }
        }
      }
    }
  }

  /** {@link #patches(float[], Window, int, int, float[])} from int8 values less a zero point. */
  static void patches(byte[] in, int zeroPoint, Window w, int p0, int n, float[] patch) {
    int c = w.channels();
    int taps = w.filterH() * w.filterW() * c;
    int kwc = w.filterW() * c;
    for (int r = 0; r < n; r++) {
      int pixel = p0 + r;
      int ox = pixel % w.outW();
      int row = pixel / w.outW();
      int oy = row % w.outH();
      int b = row / w.outH();
      int dst = r * taps;
      int ix0 = ox * w.strideW() - w.padLeft();
      boolean inside = w.dilationW() == 1 && ix0 >= 0 && ix0 + w.filterW() <= w.inW();
      for (int fy = 0; fy < w.filterH(); fy++) {
        int iy = oy * w.strideH() - w.padTop() + fy * w.dilationH();
        if (inside && iy >= 0 && iy < w.inH()) {
          int src = ((b * w.inH() + iy) * w.inW() + ix0) * c;
          for (int i = 0; i < kwc; i++) {
            patch[dst + i] = in[src + i] - zeroPoint;
          }
          dst += kwc;
          continue;
        }
        for (int fx = 0; fx < w.filterW(); fx++, dst += c) {
          int ix = ix0 + fx * w.dilationW();
          if (iy < 0 || iy >= w.inH() || ix < 0 || ix >= w.inW()) {
            for (int i = 0; i < c; i++) {
              patch[dst + i] = 0f;
            }
          } else {
            int src = ((b * w.inH() + iy) * w.inW() + ix) * c;
            for (int i = 0; i < c; i++) {
              patch[dst + i] = in[src + i] - zeroPoint;
            }
          }
        }
      }
    }
  }

  static final class FloatOp extends Layer<float[], float[]> {
    private final float[] packed;
    private final float[] bias;
    private final float lo;
    private final float hi;

    FloatOp(FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options) {
      super(filterShape, options);
      float[] w = Weights.toArray(Weights.view(filter, outC * taps, "filter"));
      this.packed = VectorGemm.pack(w, outC, taps);
      this.bias = VectorGemm.padTo(Weights.bias(bias, outC), outC);
      this.lo = options.activation().min();
      this.hi = options.activation().max();
    }

    @Override
    void run(
        float[] input, Window w, float[] output, Scratch scratch, int p0, int end, int j0, int j1) {
      Shapes.checkLength("input", w.inputSize(), input.length);
      Shapes.checkLength("output", w.outputPixels() * outC, output.length);
      int tile = tileRows(taps);
      int ldc = VectorGemm.padded(outC);
      int c0 = j0 * VectorGemm.L;
      int c1 = Math.min(outC, j1 * VectorGemm.L);
      // Whole vectors only: channels that fill them go straight to the output, others through
      // padded rows copied out.
      boolean direct = ldc == outC;
      float[] rows = direct ? null : scratch.floats(1, tile * ldc);
      float[] patch = pointwise ? null : scratch.floats(0, tile * taps);
      for (int p = p0; p < end; p += tile) {
        int n = Math.min(tile, end - p);
        float[] a = input;
        int aOff = p * inC;
        if (!pointwise) {
          patches(input, w, p, n, patch);
          a = patch;
          aOff = 0;
        }
        if (direct) {
          VectorGemm.multiply(
              a, aOff, taps, n, packed, taps, 0, taps, j0, j1, bias, lo, hi, output, p * outC,
              outC);
        } else {
          VectorGemm.multiply(
              a, aOff, taps, n, packed, taps, 0, taps, j0, j1, bias, lo, hi, rows, 0, ldc);
          for (int r = 0; r < n; r++) {
            System.arraycopy(rows, r * ldc + c0, output, (p + r) * outC + c0, c1 - c0);
          }
        }
      }
    }
  }

  static final class Int8Op extends Layer<byte[], byte[]> implements ExactSums {
    private final float[] packed;
    private final int[] chunks; // tap offsets: chunk i is [chunks[i], chunks[i + 1])
    private final float[] zeros;
    private final int[] bias;
    private final int inputZeroPoint;
    private final ExactRequantizer requant;
    private final VectorRequantizer vectorRequant;

    Int8Op(
        ByteBuffer filter,
        int filterZeroPoint,
        int[] filterShape,
        float[] filterScales,
        int[] bias,
        Quant input,
        Quant output,
        ConvOptions options) {
      super(filterShape, options);
      ByteBuffer f = Weights.view(filter, outC * taps, "filter");
      float[] w = new float[outC * taps];
      for (int i = 0; i < w.length; i++) {
        w[i] = f.get(i) - filterZeroPoint;
      }
      this.packed = VectorGemm.pack(w, outC, taps);
      this.chunks = exactChunks(w, outC, taps);
      this.zeros = new float[VectorGemm.padded(outC)];
      this.bias = Weights.bias(bias, outC);
      this.inputZeroPoint = input.zeroPoint();
      Requantization r =
          Requantization.convolution(input, filterScales, output, options.activation(), outC);
      this.requant = new ExactRequantizer(r);
      this.vectorRequant = new VectorRequantizer(r, this.bias, outC);
    }

    /** Tap chunks the float sums are split into (1 unless a channel's sums are huge). */
    @Override
    public int floatChunks() {
      return chunks.length - 1;
    }

    @Override
    void run(
        byte[] input, Window w, byte[] output, Scratch scratch, int p0, int end, int j0, int j1) {
      Shapes.checkLength("input", w.inputSize(), input.length);
      Shapes.checkLength("output", w.outputPixels() * outC, output.length);
      int ldc = VectorGemm.padded(outC);
      int c0 = j0 * VectorGemm.L;
      int c1 = Math.min(outC, j1 * VectorGemm.L);
      int tile = tileRows(taps);
      float[] patch = scratch.floats(0, tile * taps);
      float[] sums = scratch.floats(1, tile * ldc + VectorRequantizer.SLACK);
      int[] total = floatChunks() > 1 ? scratch.ints(0, tile * ldc) : null;
      long[] staged = scratch.longs(0, ldc);
      // Split by channels, each part would convert the pixels again: a 1x1 layer converts the whole
      // input once per step and thread instead (14x14 and 7x7 layers of an int8 MobileNet v2 on 2
      // threads took 0.77-0.87 of one thread's time, converting it up to 16 times).
      float[] converted = null;
      if (pointwise && byChannels(w)) {
        converted = scratch.floats(2, w.outputPixels() * inC);
        if (!scratch.noted(this, input)) {
          convert(input, 0, w.outputPixels() * inC, inputZeroPoint, converted, 0);
          scratch.note(this, input);
        }
      }
      for (int p = p0; p < end; p += tile) {
        int n = Math.min(tile, end - p);
        float[] a = patch;
        int aOff = 0;
        if (converted != null) {
          a = converted;
          aOff = p * inC;
        } else if (pointwise) {
          // The rows are the input's own: one flat conversion.
          convert(input, p * inC, n * inC, inputZeroPoint, patch, 0);
        } else {
          patches(input, inputZeroPoint, w, p, n, patch);
        }
        if (total == null) {
          VectorGemm.multiply(
              a,
              aOff,
              taps,
              n,
              packed,
              taps,
              0,
              taps,
              j0,
              j1,
              zeros,
              Float.NEGATIVE_INFINITY,
              Float.POSITIVE_INFINITY,
              sums,
              0,
              ldc);
          for (int r = 0; r < n; r++) {
            vectorRequant.row(sums, r * ldc, output, (p + r) * outC, c0, c1, staged);
          }
        } else {
          for (int r = 0; r < n; r++) {
            for (int c = c0; c < c1; c++) {
              total[r * ldc + c] = 0;
            }
          }
          for (int ch = 0; ch + 1 < chunks.length; ch++) {
            VectorGemm.multiply(
                a,
                aOff + chunks[ch],
                taps,
                n,
                packed,
                taps,
                chunks[ch],
                chunks[ch + 1] - chunks[ch],
                j0,
                j1,
                zeros,
                Float.NEGATIVE_INFINITY,
                Float.POSITIVE_INFINITY,
                sums,
                0,
                ldc);
            for (int r = 0; r < n; r++) {
              for (int c = c0; c < c1; c++) {
                total[r * ldc + c] += (int) sums[r * ldc + c];
              }
            }
          }
          for (int r = 0; r < n; r++) {
            requant.row(total, r * ldc, bias, output, (p + r) * outC, c0, c1);
          }
        }
      }
    }
  }

  /** {@code out[at + i] = in[from + i] - zp} for {@code i < n}. */
  private static void convert(byte[] in, int from, int n, int zp, float[] out, int at) {
    for (int i = 0; i < n; i++) {
      out[at + i] = in[from + i] - zp;
    }
  }

  /**
   * Tap offsets splitting {@code [0, taps)} into chunks within which {@code 255 * sum|w|} stays
   * within 2^24 for every output channel, so float sums of {@code (q - zeroPoint) * w} are exact.
   */
  static int[] exactChunks(float[] w, int outC, int taps) {
    long limit = FastConv2d.EXACT_FLOAT_LIMIT / 255;
    int[] bounds = new int[taps + 1];
    int count = 0;
    bounds[count++] = 0;
    long[] sums = new long[outC];
    for (int k = 0; k < taps; k++) {
      boolean over = false;
      for (int o = 0; o < outC; o++) {
        over |= sums[o] + (long) Math.abs(w[o * taps + k]) > limit;
      }
      if (over) {
        bounds[count++] = k;
        java.util.Arrays.fill(sums, 0);
      }
      for (int o = 0; o < outC; o++) {
        sums[o] += (long) Math.abs(w[o * taps + k]);
      }
    }
    bounds[count++] = taps;
    return java.util.Arrays.copyOf(bounds, count);
  }
}
