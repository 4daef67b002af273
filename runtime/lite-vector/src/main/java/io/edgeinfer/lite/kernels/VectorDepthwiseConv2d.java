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

    /** The tap offsets in the padded buffer, in the reference's order. */
    void offsets(Window w, int width, int[] offsets) {
      for (int fy = 0; fy < kh; fy++) {
        for (int fx = 0; fx < kw; fx++) {
          offsets[fy * kw + fx] = (fy * w.dilationH() * width + fx * w.dilationW()) * padded;
        }
      }
    }

    /**
     * Sums of output row {@code oy} (of the band starting at {@code oy0}) for every channel vector:
     * {@code sums[ox * padded + c]}, computed from the padded band.
     */
    void rowSums(Window w, float[] band, int width, int oy, int oy0, int[] offsets, float[] sums) {
      int rowBase = (oy - oy0) * w.strideH() * width * padded;
      int step = w.strideW() * padded;
      int outW = w.outW();
      boolean three = kh == 3 && kw == 3;
      for (int c = 0; c < padded; c += L) {
        int base = rowBase + c;
        if (three) {
          threeByThree(band, base, step, offsets, c, outW, sums);
        } else {
          int taps = kh * kw;
          for (int ox = 0; ox < outW; ox++, base += step) {
            FloatVector acc = FloatVector.zero(S);
            for (int t = 0; t < taps; t++) {
              acc =
                  FloatVector.fromArray(S, band, base + offsets[t])
                      .fma(FloatVector.fromArray(S, weights, t * padded + c), acc);
            }
            acc.intoArray(sums, ox * padded + c);
          }
        }
      }
    }

    private void threeByThree(
        float[] band, int base, int step, int[] offsets, int c, int outW, float[] sums) {
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
      for (int ox = 0; ox < outW; ox++, base += step) {
        FloatVector acc = FloatVector.fromArray(S, band, base).mul(w0);
        acc = FloatVector.fromArray(S, band, base + t1).fma(w1, acc);
        acc = FloatVector.fromArray(S, band, base + t2).fma(w2, acc);
        acc = FloatVector.fromArray(S, band, base + t3).fma(w3, acc);
        acc = FloatVector.fromArray(S, band, base + t4).fma(w4, acc);
        acc = FloatVector.fromArray(S, band, base + t5).fma(w5, acc);
        acc = FloatVector.fromArray(S, band, base + t6).fma(w6, acc);
        acc = FloatVector.fromArray(S, band, base + t7).fma(w7, acc);
        acc = FloatVector.fromArray(S, band, base + t8).fma(w8, acc);
        acc.intoArray(sums, ox * padded + c);
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

    @Override
    public void runUnits(
        float[] input, int[] inputShape, float[] output, Scratch scratch, int from, int to) {
      Window w = window(inputShape);
      Shapes.checkLength("input", w.inputSize(), input.length);
      Shapes.checkLength("output", w.outputPixels() * channels, output.length);
      int width = paddedWidth(w);
      int[] offsets = scratch.ints(0, kh * kw);
      offsets(w, width, offsets);
      float[] band = scratch.floats(0, bandRows(w, 0, BAND) * width * padded);
      float[] sums = scratch.floats(1, w.outW() * padded);
      for (int row = from; row < to; ) {
        int b = row / w.outH();
        int oy0 = row % w.outH();
        int oy1 = Math.min(w.outH(), Math.min(oy0 + BAND, oy0 + to - row));
        fill(input, w, b, oy0, oy1, width, band);
        for (int oy = oy0; oy < oy1; oy++) {
          rowSums(w, band, width, oy, oy0, offsets, sums);
          int o = ((b * w.outH() + oy) * w.outW()) * channels;
          for (int ox = 0; ox < w.outW(); ox++, o += channels) {
            int s = ox * padded;
            for (int c = 0; c < channels; c += L) {
              FloatVector.fromArray(S, sums, s + c)
                  .add(FloatVector.fromArray(S, bias, c))
                  .max(lo)
                  .min(hi)
                  .intoArray(sums, s + c);
            }
            System.arraycopy(sums, s, output, o, channels);
          }
        }
        row += oy1 - oy0;
      }
    }

    private void fill(float[] input, Window w, int b, int oy0, int oy1, int width, float[] band) {
      int rows = bandRows(w, oy0, oy1);
      int iy0 = oy0 * w.strideH() - w.padTop();
      int m = channels / w.channels();
      for (int r = 0; r < rows; r++) {
        int iy = iy0 + r;
        int dst = r * width * padded;
        for (int px = 0; px < width; px++, dst += padded) {
          int ix = px - w.padLeft();
          if (iy < 0 || iy >= w.inH() || ix < 0 || ix >= w.inW()) {
            java.util.Arrays.fill(band, dst, dst + padded, 0f);
          } else if (m == 1) {
            System.arraycopy(
                input, ((b * w.inH() + iy) * w.inW() + ix) * channels, band, dst, channels);
            for (int c = channels; c < padded; c++) {
              band[dst + c] = 0f;
            }
          } else {
            int src = ((b * w.inH() + iy) * w.inW() + ix) * w.channels();
            for (int c = 0; c < channels; c++) {
              band[dst + c] = input[src + c / m];
            }
            for (int c = channels; c < padded; c++) {
              band[dst + c] = 0f;
            }
          }
        }
      }
    }
  }
}
