package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * DEPTHWISE_CONV_2D, fast: channels innermost. For each output pixel and each filter tap inside the
 * input, the input pixel's channels (repeated {@code multiplier} times) are copied into a row, and
 * {@code acc[c] += in[c] * w[tap][c]} runs over rows indexed alike, which C2 vectorizes. Taps are
 * summed in the reference's order. Int8 runs on ints: with at most {@code kh * kw} terms per sum it
 * is exact and needs no float route.
 */
final class FastDepthwiseConv2d {
  private FastDepthwiseConv2d() {}

  static final class FloatOp extends DepthwiseLayer<float[], float[]> {
    private final float[][] weights; // [tap][channels]
    private final float[] bias;
    private final float[] ones;

    FloatOp(FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options) {
      super(filterShape, options);
      FloatBuffer f = Weights.view(filter, kh * kw * channels, "filter");
      this.weights = new float[kh * kw][channels];
      for (int t = 0; t < kh * kw; t++) {
        f.get(t * channels, weights[t]);
      }
      this.bias = Weights.bias(bias, channels);
      this.ones = new float[channels];
      Arrays.fill(ones, 1f);
    }

    @Override
    public void runUnits(
        float[] input, int[] inputShape, float[] output, Scratch scratch, int from, int to) {
      Window w = window(inputShape);
      convolve(input, w, weights, ones, bias, options, output, scratch, from, to);
    }
  }

  /**
   * Hybrid DEPTHWISE_CONV_2D: float input and output, int8 filter kept in its buffer, widened into
   * the scratch per call ({@code kh * kw * channels} values), each channel's sum scaled at the end.
   */
  static final class HybridOp extends DepthwiseLayer<float[], float[]> {
    private final ByteBuffer filter;
    private final float[] scales;
    private final float[] bias;

    HybridOp(
        ByteBuffer filter,
        int[] filterShape,
        float[] filterScales,
        float[] bias,
        ConvOptions options) {
      super(filterShape, options);
      this.filter = Weights.view(filter, kh * kw * channels, "filter");
      this.scales = Weights.scales(filterScales, channels);
      this.bias = Weights.bias(bias, channels);
    }

    @Override
    public void runUnits(
        float[] input, int[] inputShape, float[] output, Scratch scratch, int from, int to) {
      float[][] weights = scratch.floatRows(0, kh * kw, channels);
      byte[] row = scratch.bytes(0, channels);
      for (int t = 0; t < kh * kw; t++) {
        filter.get(t * channels, row, 0, channels);
        float[] dst = weights[t];
        for (int c = 0; c < channels; c++) {
          dst[c] = row[c];
        }
      }
      Window w = window(inputShape);
      convolve(input, w, weights, scales, bias, options, output, scratch, from, to);
    }
  }

  /**
   * The float depthwise convolution, {@code output = activation(scales[c] * sum + bias[c])}, for
   * output rows {@code [fromRow, toRow)}; uses float scratch slots 0 and 1.
   */
  static void convolve(
      float[] input,
      Window w,
      float[][] weights,
      float[] scales,
      float[] bias,
      ConvOptions options,
      float[] output,
      Scratch scratch,
      int fromRow,
      int toRow) {
    int kh = w.filterH();
    int kw = w.filterW();
    int channels = bias.length;
    int inC = w.channels();
    int m = RefDepthwiseConv2d.multiplier(channels, inC);
    Shapes.checkLength("input", w.inputSize(), input.length);
    Shapes.checkLength("output", w.outputPixels() * channels, output.length);
    float[] acc = scratch.floats(0, channels);
    float[] x = scratch.floats(1, channels);
    Activation activation = options.activation();
    final int n = channels;
    int o = fromRow * w.outW() * n;
    for (int row = fromRow; row < toRow; row++) {
      int b = row / w.outH();
      int oy = row % w.outH();
      for (int ox = 0; ox < w.outW(); ox++) {
        Arrays.fill(acc, 0, n, 0f);
        int inY0 = oy * w.strideH() - w.padTop();
        int inX0 = ox * w.strideW() - w.padLeft();
        for (int fy = 0; fy < kh; fy++) {
          int iy = inY0 + w.dilationH() * fy;
          if (iy < 0 || iy >= w.inH()) {
            continue;
          }
          for (int fx = 0; fx < kw; fx++) {
            int ix = inX0 + w.dilationW() * fx;
            if (ix < 0 || ix >= w.inW()) {
              continue;
            }
            int base = ((b * w.inH() + iy) * w.inW() + ix) * inC;
            if (m == 1) {
              for (int c = 0; c < n; c++) {
                x[c] = input[base + c];
              }
            } else {
              for (int c = 0; c < n; c++) {
                x[c] = input[base + c / m];
              }
            }
            float[] wt = weights[fy * kw + fx];
            for (int c = 0; c < n; c++) {
              acc[c] += x[c] * wt[c];
            }
          }
        }
        for (int c = 0; c < n; c++) {
          output[o + c] = activation.apply(acc[c] * scales[c] + bias[c]);
        }
        o += n;
      }
    }
  }

  static final class Int8Op extends DepthwiseLayer<byte[], byte[]> {
    private final int[][] weights; // [tap][channels]
    private final int[] bias;
    private final int inputZeroPoint;
    private final ExactRequantizer requant; // TFLite's arithmetic, branch-free

    Int8Op(
        ByteBuffer filter,
        int[] filterShape,
        float[] filterScales,
        int[] bias,
        Quant input,
        Quant output,
        ConvOptions options) {
      this(filter, 0, filterShape, filterScales, bias, input, output, options);
    }

    /** With asymmetric weights (uint8 models): {@code filterZeroPoint} taken off each at repack. */
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
      ByteBuffer f = Weights.view(filter, kh * kw * channels, "filter");
      this.weights = new int[kh * kw][channels];
      for (int t = 0; t < kh * kw; t++) {
        for (int c = 0; c < channels; c++) {
          weights[t][c] = f.get(t * channels + c) - filterZeroPoint;
        }
      }
      this.bias = Weights.bias(bias, channels);
      this.inputZeroPoint = input.zeroPoint();
      this.requant =
          new ExactRequantizer(
              Requantization.convolution(
                  input, filterScales, output, options.activation(), channels));
    }

    @Override
    public void runUnits(
        byte[] input, int[] inputShape, byte[] output, Scratch scratch, int from, int to) {
      Window w = window(inputShape);
      int inC = w.channels();
      int m = RefDepthwiseConv2d.multiplier(channels, inC);
      Shapes.checkLength("input", w.inputSize(), input.length);
      Shapes.checkLength("output", w.outputPixels() * channels, output.length);
      int[] acc = scratch.ints(0, channels);
      int[] x = scratch.ints(1, channels);
      final int n = channels;
      final int zp = inputZeroPoint;
      int o = from * w.outW() * n;
      for (int row = from; row < to; row++) {
        int b = row / w.outH();
        int oy = row % w.outH();
        for (int ox = 0; ox < w.outW(); ox++) {
          Arrays.fill(acc, 0, n, 0);
          int inY0 = oy * w.strideH() - w.padTop();
          int inX0 = ox * w.strideW() - w.padLeft();
          for (int fy = 0; fy < kh; fy++) {
            int iy = inY0 + w.dilationH() * fy;
            if (iy < 0 || iy >= w.inH()) {
              continue;
            }
            for (int fx = 0; fx < kw; fx++) {
              int ix = inX0 + w.dilationW() * fx;
              if (ix < 0 || ix >= w.inW()) {
                continue;
              }
              int base = ((b * w.inH() + iy) * w.inW() + ix) * inC;
              if (m == 1) {
                for (int c = 0; c < n; c++) {
                  x[c] = input[base + c] - zp;
                }
              } else {
                for (int c = 0; c < n; c++) {
                  x[c] = input[base + c / m] - zp;
                }
              }
              int[] wt = weights[fy * kw + fx];
              for (int c = 0; c < n; c++) {
                acc[c] += x[c] * wt[c];
              }
            }
          }
          for (int c = 0; c < n; c++) {
            output[o + c] = (byte) requant.apply(acc[c] + bias[c], c);
          }
          o += n;
        }
      }
    }
  }
}
