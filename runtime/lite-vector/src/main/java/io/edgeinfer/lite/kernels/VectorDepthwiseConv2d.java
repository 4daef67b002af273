package io.edgeinfer.lite.kernels;

import java.nio.FloatBuffer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * DEPTHWISE_CONV_2D vectorized over output channels. Per band of output rows the input rows it
 * reads are copied once into a zero-padded buffer ({@code [row][column][output channel]}, each
 * input channel repeated {@code multiplier} times, channels padded to whole vectors), so the inner
 * loop has no bounds checks: for each vector of channels the filter taps stay in registers while
 * the loop runs along an output row, one fused multiply-add per tap, in the reference's tap order
 * (taps outside the input add exact zeros). Bias and clamp are the epilogue. Float32 only: int8
 * runs {@link VectorDepthwiseInt8Rows}, whose whole-row layout leaves no lane empty when the
 * channels are not whole vectors.
 */
final class VectorDepthwiseConv2d {
  private VectorDepthwiseConv2d() {}

  private static final VectorSpecies<Float> S = VectorGemm.S;
  private static final int L = VectorGemm.L;

  /** Output rows per band: the padded input rows of a band are copied once. */
  private static final int BAND = 8;

  /** Maps of fewer output rows split by channel vectors ({@link FloatOp#byChannels}). */
  static final int CHANNEL_UNITS_ROWS = 8;

  private abstract static class Layer<I, O> extends DepthwiseLayer<I, O> {
    final int padded;
    final float[] weights; // [tap][padded]

    Layer(int[] filterShape, ConvOptions options, float[] w) {
      super(filterShape, options);
      this.padded = VectorGemm.padded(channels);
      this.weights = new float[kh * kw * padded];
      for (int t = 0; t < kh * kw; t++) {
        System.arraycopy(w, t * channels, weights, t * padded, channels);
      }
    }

    /** Padded columns: every tap of every output column lands inside. */
    int paddedWidth(Window w) {
      return (w.outW() - 1) * w.strideW() + (kw - 1) * w.dilationW() + 1;
    }

    /** Input rows a band of output rows {@code [oy0, oy1)} reads. */
    int bandRows(Window w, int oy0, int oy1) {
      return (oy1 - 1 - oy0) * w.strideH() + (kh - 1) * w.dilationH() + 1;
    }

    /** The tap offsets in a band of {@code slice} floats a pixel, in the reference's order. */
    void offsets(Window w, int width, int slice, int[] offsets) {
      for (int fy = 0; fy < kh; fy++) {
        for (int fx = 0; fx < kw; fx++) {
          offsets[fy * kw + fx] = (fy * w.dilationH() * width + fx * w.dilationW()) * slice;
        }
      }
    }

    /**
     * Sums of output row {@code oy} (of the band starting at {@code oy0}) for the channels {@code
     * [c0, c1)} the band holds ({@code slice = c1 - c0} floats a pixel, whole vectors): {@code
     * sums[ox * slice + c - c0]}.
     */
    void rowSums(
        Window w,
        float[] band,
        int width,
        int oy,
        int oy0,
        int[] offsets,
        int c0,
        int c1,
        float[] sums) {
      int slice = c1 - c0;
      int rowBase = (oy - oy0) * w.strideH() * width * slice;
      int step = w.strideW() * slice;
      int outW = w.outW();
      boolean three = kh == 3 && kw == 3;
      for (int c = c0; c < c1; c += L) {
        int base = rowBase + c - c0;
        if (three) {
          threeByThree(band, base, step, offsets, c, outW, sums, slice, c - c0);
        } else {
          int taps = kh * kw;
          for (int ox = 0; ox < outW; ox++, base += step) {
            FloatVector acc = FloatVector.zero(S);
            for (int t = 0; t < taps; t++) {
              acc =
                  FloatVector.fromArray(S, band, base + offsets[t])
                      .fma(FloatVector.fromArray(S, weights, t * padded + c), acc);
            }
            acc.intoArray(sums, ox * slice + c - c0);
          }
        }
      }
    }

    private void threeByThree(
        float[] band,
        int base,
        int step,
        int[] offsets,
        int c,
        int outW,
        float[] sums,
        int slice,
        int at) {
      FloatVector w0 = FloatVector.fromArray(S, weights, c);
      FloatVector w1 = FloatVector.fromArray(S, weights, padded + c);
      FloatVector w2 = FloatVector.fromArray(S, weights, 2 * padded + c);
      FloatVector w3 = FloatVector.fromArray(S, weights, 3 * padded + c);
      FloatVector w4 = FloatVector.fromArray(S, weights, 4 * padded + c);
      FloatVector w5 = FloatVector.fromArray(S, weights, 5 * padded + c);
      FloatVector w6 = FloatVector.fromArray(S, weights, 6 * padded + c);
      FloatVector w7 = FloatVector.fromArray(S, weights, 7 * padded + c);
      FloatVector w8 = FloatVector.fromArray(S, weights, 8 * padded + c);
      int t1 = offsets[1];
      int t2 = offsets[2];
      int t3 = offsets[3];
      int t4 = offsets[4];
      int t5 = offsets[5];
      int t6 = offsets[6];
      int t7 = offsets[7];
      int t8 = offsets[8];
      for (int ox = 0; ox < outW; ox++, base += step, at += slice) {
        FloatVector acc = FloatVector.fromArray(S, band, base).mul(w0);
        acc = FloatVector.fromArray(S, band, base + t1).fma(w1, acc);
        acc = FloatVector.fromArray(S, band, base + t2).fma(w2, acc);
        acc = FloatVector.fromArray(S, band, base + t3).fma(w3, acc);
        acc = FloatVector.fromArray(S, band, base + t4).fma(w4, acc);
        acc = FloatVector.fromArray(S, band, base + t5).fma(w5, acc);
        acc = FloatVector.fromArray(S, band, base + t6).fma(w6, acc);
        acc = FloatVector.fromArray(S, band, base + t7).fma(w7, acc);
        acc = FloatVector.fromArray(S, band, base + t8).fma(w8, acc);
        acc.intoArray(sums, at);
      }
    }
  }

  static final class FloatOp extends Layer<float[], float[]> {
    private final float[] bias; // padded to whole vectors
    private final float lo;
    private final float hi;

    FloatOp(FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options) {
      super(
          filterShape,
          options,
          Weights.toArray(
              Weights.view(filter, filterShape[1] * filterShape[2] * filterShape[3], "filter")));
      this.bias = VectorGemm.padTo(Weights.bias(bias, channels), channels);
      this.lo = options.activation().min();
      this.hi = options.activation().max();
    }

    /**
     * Output rows, or (maps of few rows: MobileNet's 14x14 and 7x7) channel vectors: a few rows cut
     * in parts of one or two each fill their input rows two or three times over (a band of 1 row of
     * a 7x7 map reads 3), which took 2 threads 0.6-0.75 of one thread's time on those layers.
     */
    boolean byChannels(Window w) {
      return w.batch() * w.outH() < CHANNEL_UNITS_ROWS;
    }

    @Override
    public int units(int[] inputShape) {
      Window w = window(inputShape);
      return byChannels(w) ? padded / L : w.batch() * w.outH();
    }

    @Override
    public void runUnits(
        float[] input, int[] inputShape, float[] output, Scratch scratch, int from, int to) {
      Window w = window(inputShape);
      Shapes.checkLength("input", w.inputSize(), input.length);
      Shapes.checkLength("output", w.outputPixels() * channels, output.length);
      if (from >= to) {
        return;
      }
      if (byChannels(w)) {
        run(input, w, output, scratch, 0, w.batch() * w.outH(), from * L, to * L);
      } else {
        run(input, w, output, scratch, from, to, 0, padded);
      }
    }

    /** Output rows (batch times height) {@code [from, to)}, channels {@code [c0, c1)}. */
    private void run(
        float[] input,
        Window w,
        float[] output,
        Scratch scratch,
        int from,
        int to,
        int c0,
        int c1) {
      int slice = c1 - c0;
      int real = Math.min(channels, c1) - c0;
      int width = paddedWidth(w);
      int[] offsets = scratch.ints(0, kh * kw);
      offsets(w, width, slice, offsets);
      float[] band = scratch.floats(0, bandRows(w, 0, BAND) * width * slice);
      float[] sums = scratch.floats(1, w.outW() * slice);
      for (int row = from; row < to; ) {
        int b = row / w.outH();
        int oy0 = row % w.outH();
        int oy1 = Math.min(w.outH(), Math.min(oy0 + BAND, oy0 + to - row));
        fill(input, w, b, oy0, oy1, width, c0, c1, band);
        for (int oy = oy0; oy < oy1; oy++) {
          rowSums(w, band, width, oy, oy0, offsets, c0, c1, sums);
          int o = ((b * w.outH() + oy) * w.outW()) * channels + c0;
          for (int ox = 0; ox < w.outW(); ox++, o += channels) {
            int s = ox * slice;
            // Whole vectors straight to the output, a last partial one through the sums (a call of
            // System.arraycopy per pixel cost more than a slice of a few vectors takes to compute).
            for (int c = 0; c < real; c += L) {
              FloatVector v =
                  FloatVector.fromArray(S, sums, s + c)
                      .add(FloatVector.fromArray(S, bias, c0 + c))
                      .max(lo)
                      .min(hi);
              if (c + L <= real) {
                v.intoArray(output, o + c);
              } else {
                v.intoArray(sums, s + c);
                for (int k = c; k < real; k++) {
                  output[o + k] = sums[s + k];
                }
              }
            }
          }
        }
        row += oy1 - oy0;
      }
    }

    /** The band's input rows, channels {@code [c0, c1)} of each pixel, zeros outside. */
    private void fill(
        float[] input, Window w, int b, int oy0, int oy1, int width, int c0, int c1, float[] band) {
      int rows = bandRows(w, oy0, oy1);
      int iy0 = oy0 * w.strideH() - w.padTop();
      int m = channels / w.channels();
      int slice = c1 - c0;
      int real = Math.min(channels, c1) - c0;
      for (int r = 0; r < rows; r++) {
        int iy = iy0 + r;
        int dst = r * width * slice;
        for (int px = 0; px < width; px++, dst += slice) {
          int ix = px - w.padLeft();
          if (iy < 0 || iy >= w.inH() || ix < 0 || ix >= w.inW()) {
            java.util.Arrays.fill(band, dst, dst + slice, 0f);
            continue;
          }
          int src = ((b * w.inH() + iy) * w.inW() + ix) * w.channels();
          if (m == 1) {
            int c = 0;
            for (; c + L <= real; c += L) {
              FloatVector.fromArray(S, input, src + c0 + c).intoArray(band, dst + c);
            }
            for (; c < real; c++) {
              band[dst + c] = input[src + c0 + c];
            }
          } else {
            for (int c = 0; c < real; c++) {
              band[dst + c] = input[src + (c0 + c) / m];
            }
          }
          for (int c = real; c < slice; c++) {
            band[dst + c] = 0f;
          }
        }
      }
    }
  }
}
