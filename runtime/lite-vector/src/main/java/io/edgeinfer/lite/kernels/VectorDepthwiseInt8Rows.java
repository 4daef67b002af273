package io.edgeinfer.lite.kernels;

import static jdk.incubator.vector.VectorOperators.B2F;

import java.nio.ByteBuffer;
import java.util.Arrays;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Int8 DEPTHWISE_CONV_2D computed a whole output row at a time, the row's pixels and channels laid
 * end to end ({@code [x][channel]}, unpadded) so that every vector lane holds a real output
 * whatever the channel count: 8 channels fill a 16-float vector with two pixels instead of wasting
 * half of it. Lane {@code j} of a row is channel {@code j % channels}, so the weights of the vector
 * at {@code j} repeat with a period of {@code lcm(channels, L)} lanes; they are stored once per
 * period and stay in registers while the loop runs along the row.
 *
 * <p>Per band of output rows the input rows it reads are converted once to {@code q - zeroPoint} in
 * float, zero-padded, each input channel repeated {@code multiplier} times, and with columns split
 * by phase ({@code x % strideW}: {@code [row][phase][x / strideW][channel]}), so that one tap of
 * consecutive output pixels reads consecutive floats for any stride. Each output is the sum of its
 * taps in the reference's order, exact in float ({@code kh * kw} terms of at most {@code 255 *
 * 255}, checked at load by {@link #exact}), and a row is requantized 16 lanes at a time ({@link
 * VectorRequantizer#pixels}).
 */
final class VectorDepthwiseInt8Rows extends DepthwiseLayer<byte[], byte[]> {
  private static final VectorSpecies<Float> S = VectorGemm.S;
  private static final int L = VectorGemm.L;

  /**
   * True where a vector holds 8 floats or more: the band fill converts byte vectors of one byte a
   * float lane, and the smallest byte vector is 64 bits. With 128-bit vectors (ARM's NEON, a
   * Raspberry Pi's) the plain kernel runs int8 depthwise instead.
   */
  static final boolean USABLE = L >= 8;

  // Never smaller than a vector can be: the class must load (for exact()) where it is not usable.
  private static final VectorSpecies<Byte> BYTES =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, L * Byte.SIZE)));

  /** Output rows per band: the input rows of a band are converted once. */
  private static final int BAND = 8;

  private final int period;
  private final float[] weights; // [tap][period], lane k of channel k % channels
  private final int inputZeroPoint;
  private final VectorRequantizer requant;
  private volatile Layout last;

  /**
   * For one input channel and a multiplier dividing the vector: lane {@code l} of a vector of
   * {@code L / multiplier} pixels takes input float {@code (l / multiplier) * strideW} of a vector
   * converted from consecutive input bytes. Null where that does not apply.
   */
  private final VectorShuffle<Float> spread;

  VectorDepthwiseInt8Rows(
      ByteBuffer filter,
      int filterZeroPoint,
      int[] filterShape,
      float[] filterScales,
      int[] bias,
      Quant input,
      Quant output,
      ConvOptions options) {
    super(filterShape, options);
    this.period = VectorRequantizer.lcm(channels, L);
    float[] w = widen(filter, filterZeroPoint, filterShape);
    this.weights = new float[kh * kw * period];
    for (int t = 0; t < kh * kw; t++) {
      for (int k = 0; k < period; k++) {
        weights[t * period + k] = w[t * channels + k % channels];
      }
    }
    this.inputZeroPoint = input.zeroPoint();
    int perVector = L / channels;
    this.spread =
        channels > 1 && L % channels == 0 && (perVector - 1) * options.strideW() < L
            ? VectorShuffle.fromOp(S, l -> l / channels * options.strideW())
            : null;
    int[] b = Weights.bias(bias, channels);
    this.requant =
        VectorRequantizer.forPixels(
            Requantization.convolution(input, filterScales, output, options.activation(), channels),
            b,
            channels);
  }

  private static float[] widen(ByteBuffer filter, int zeroPoint, int[] shape) {
    int n = shape[1] * shape[2] * shape[3];
    ByteBuffer f = Weights.view(filter, n, "filter");
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = f.get(i) - zeroPoint;
    }
    return w;
  }

  /** True when float sums are exact for every channel: {@code 255 * sum|w| <= 2^24}. */
  static boolean exact(ByteBuffer filter, int zeroPoint, int[] shape) {
    float[] w = widen(filter, zeroPoint, shape);
    int c = shape[3];
    for (int ch = 0; ch < c; ch++) {
      long sum = 0;
      for (int t = ch; t < w.length; t += c) {
        sum += (long) Math.abs(w[t]);
      }
      if (255 * sum > FastConv2d.EXACT_FLOAT_LIMIT) {
        return false;
      }
    }
    return true;
  }

  /** The band layout for an input shape, made once per shape (allocation-free calls after). */
  private Layout layout(int[] inputShape) {
    Window w = window(inputShape);
    Layout l = last;
    if (l == null || l.window() != w) {
      l = Layout.of(w, kh, kw, channels);
      last = l;
    }
    return l;
  }

  /**
   * Where the band's floats go: a row holds {@code strideW} phases of {@code phaseLength} columns;
   * {@code offsets[tap]} is where a tap of output column 0 reads, from its row's start.
   */
  private record Layout(
      Window window, int phaseLength, int phaseStride, int rowStride, int[] offsets) {
    static Layout of(Window w, int kh, int kw, int channels) {
      int width = (w.outW() - 1) * w.strideW() + (kw - 1) * w.dilationW() + 1;
      int phaseLength = (width + w.strideW() - 1) / w.strideW();
      int phaseStride = phaseLength * channels;
      int rowStride = phaseStride * w.strideW();
      int[] offsets = new int[kh * kw];
      for (int fy = 0; fy < kh; fy++) {
        for (int fx = 0; fx < kw; fx++) {
          int x = fx * w.dilationW();
          offsets[fy * kw + fx] =
              fy * w.dilationH() * rowStride
                  + x % w.strideW() * phaseStride
                  + x / w.strideW() * channels;
        }
      }
      return new Layout(w, phaseLength, phaseStride, rowStride, offsets);
    }
  }

  /** Input rows a band of output rows {@code [oy0, oy1)} reads. */
  private int bandRows(Window w, int oy0, int oy1) {
    return (oy1 - 1 - oy0) * w.strideH() + (kh - 1) * w.dilationH() + 1;
  }

  @Override
  public void runUnits(
      byte[] input, int[] inputShape, byte[] output, Scratch scratch, int from, int to) {
    Layout layout = layout(inputShape);
    Window w = layout.window();
    Shapes.checkLength("input", w.inputSize(), input.length);
    Shapes.checkLength("output", w.outputPixels() * channels, output.length);
    int[] offsets = layout.offsets();
    int n = w.outW() * channels;
    int whole = (n + 15) / 16 * 16;
    float[] band = scratch.floats(0, bandRows(w, 0, BAND) * layout.rowStride() + L);
    float[] sums = scratch.floats(1, whole + 16 + VectorRequantizer.SLACK);
    long[] stage = scratch.longs(0, 16);
    for (int row = from; row < to; ) {
      int b = row / w.outH();
      int oy0 = row % w.outH();
      int oy1 = Math.min(w.outH(), Math.min(oy0 + BAND, oy0 + to - row));
      fill(input, w, layout, b, oy0, oy1, band);
      for (int oy = oy0; oy < oy1; oy++) {
        rowSums(band, (oy - oy0) * w.strideH() * layout.rowStride(), offsets, n, sums);
        requant.pixels(sums, 0, output, ((b * w.outH() + oy) * w.outW()) * channels, n, stage);
      }
      row += oy1 - oy0;
    }
  }

  /** {@code sums[j]} for the {@code n} lanes of one output row whose band row starts at base. */
  private void rowSums(float[] band, int base, int[] offsets, int n, float[] sums) {
    for (int g = 0; g < period; g += L) {
      if (kh == 3 && kw == 3) {
        threeByThree(band, base, offsets, g, n, sums);
      } else {
        int taps = kh * kw;
        for (int j = g; j < n; j += period) {
          FloatVector acc = FloatVector.zero(S);
          for (int t = 0; t < taps; t++) {
            acc =
                FloatVector.fromArray(S, band, base + offsets[t] + j)
                    .fma(FloatVector.fromArray(S, weights, t * period + g), acc);
          }
          acc.intoArray(sums, j);
        }
      }
    }
  }

  private void threeByThree(float[] band, int base, int[] offsets, int g, int n, float[] sums) {
    FloatVector w0 = FloatVector.fromArray(S, weights, g);
    FloatVector w1 = FloatVector.fromArray(S, weights, period + g);
    FloatVector w2 = FloatVector.fromArray(S, weights, 2 * period + g);
    FloatVector w3 = FloatVector.fromArray(S, weights, 3 * period + g);
    FloatVector w4 = FloatVector.fromArray(S, weights, 4 * period + g);
    FloatVector w5 = FloatVector.fromArray(S, weights, 5 * period + g);
    FloatVector w6 = FloatVector.fromArray(S, weights, 6 * period + g);
    FloatVector w7 = FloatVector.fromArray(S, weights, 7 * period + g);
    FloatVector w8 = FloatVector.fromArray(S, weights, 8 * period + g);
    int t0 = base + offsets[0];
    int t1 = base + offsets[1];
    int t2 = base + offsets[2];
    int t3 = base + offsets[3];
    int t4 = base + offsets[4];
    int t5 = base + offsets[5];
    int t6 = base + offsets[6];
    int t7 = base + offsets[7];
    int t8 = base + offsets[8];
    for (int j = g; j < n; j += period) {
      FloatVector acc = FloatVector.fromArray(S, band, t0 + j).mul(w0);
      acc = FloatVector.fromArray(S, band, t1 + j).fma(w1, acc);
      acc = FloatVector.fromArray(S, band, t2 + j).fma(w2, acc);
      acc = FloatVector.fromArray(S, band, t3 + j).fma(w3, acc);
      acc = FloatVector.fromArray(S, band, t4 + j).fma(w4, acc);
      acc = FloatVector.fromArray(S, band, t5 + j).fma(w5, acc);
      acc = FloatVector.fromArray(S, band, t6 + j).fma(w6, acc);
      acc = FloatVector.fromArray(S, band, t7 + j).fma(w7, acc);
      acc = FloatVector.fromArray(S, band, t8 + j).fma(w8, acc);
      acc.intoArray(sums, j);
    }
  }

  /** Converts the input rows of output rows {@code [oy0, oy1)} of image {@code b} into the band. */
  private void fill(byte[] input, Window w, Layout layout, int b, int oy0, int oy1, float[] band) {
    int rows = bandRows(w, oy0, oy1);
    int iy0 = oy0 * w.strideH() - w.padTop();
    int s = w.strideW();
    int inC = w.channels();
    int m = channels / inC;
    int zp = inputZeroPoint;
    for (int r = 0; r < rows; r++) {
      int iy = iy0 + r;
      int rowDst = r * layout.rowStride();
      if (iy < 0 || iy >= w.inH()) {
        Arrays.fill(band, rowDst, rowDst + layout.rowStride(), 0f);
        continue;
      }
      int rowSrc = (b * w.inH() + iy) * w.inW() * inC;
      for (int p = 0; p < s; p++) {
        int dst = rowDst + p * layout.phaseStride();
        // Column i of phase p is input x = p + i * s - padLeft; [first, end) lie inside the input.
        int first = Math.min(layout.phaseLength(), ceilDiv(Math.max(w.padLeft() - p, 0), s));
        int end =
            Math.max(first, Math.min(layout.phaseLength(), ceilDiv(w.inW() + w.padLeft() - p, s)));
        int src = rowSrc + (p + first * s - w.padLeft()) * inC;
        int d = dst + first * channels;
        // Vector stores may run up to a vector past what they fill: into the next column (filled
        // next), the zeros written below, a later phase or row, or the band's slack.
        if (m == 1 && s == 1) {
          convert(input, src, band, d, (end - first) * channels);
        } else if (m == 1) {
          for (int i = first; i < end; i++, src += s * inC, d += channels) {
            convert(input, src, band, d, channels);
          }
        } else if (inC == 1 && spread != null) {
          // Person detection's first layer: one channel to 8, stride 2. A broadcast store per
          // pixel (each half overwritten by the next) made that layer 66 us; this, 38 us.
          int perVector = L / m;
          int i = first;
          for (; i + perVector <= end && src + L <= input.length; i += perVector) {
            ((FloatVector) ByteVector.fromArray(BYTES, input, src).convertShape(B2F, S, 0))
                .sub(zp)
                .rearrange(spread)
                .intoArray(band, d);
            src += perVector * s;
            d += L;
          }
          for (; i < end; i++, src += s, d += m) {
            float v = input[src] - zp;
            for (int k = 0; k < m; k++) {
              band[d + k] = v;
            }
          }
        } else {
          for (int i = first; i < end; i++, src += s * inC) {
            for (int ic = 0; ic < inC; ic++, d += m) {
              FloatVector v = FloatVector.broadcast(S, (float) (input[src + ic] - zp));
              for (int k = 0; k < m; k += L) {
                v.intoArray(band, d + k);
              }
            }
          }
        }
        Arrays.fill(band, dst, dst + first * channels, 0f);
        Arrays.fill(band, dst + end * channels, dst + layout.phaseStride(), 0f);
      }
    }
  }

  /**
   * {@code band[d + k] = input[src + k] - zeroPoint} for {@code k < count}, whole vectors (so up to
   * a vector more) while the input has a whole vector left.
   */
  private void convert(byte[] input, int src, float[] band, int d, int count) {
    int k = 0;
    int limit = Math.min(count, input.length - src - L + 1);
    for (; k < limit; k += L) {
      ((FloatVector) ByteVector.fromArray(BYTES, input, src + k).convertShape(B2F, S, 0))
          .sub(inputZeroPoint)
          .intoArray(band, d + k);
    }
    for (; k < count; k++) {
      band[d + k] = input[src + k] - inputZeroPoint;
    }
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
