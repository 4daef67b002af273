package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The reference DEPTHWISE_CONV_2D: output channel {@code ic * multiplier + m} sums input channel
 * {@code ic} against its own filter column, over filter rows then columns, skipping taps outside
 * the input.
 */
final class RefDepthwiseConv2d {
  private RefDepthwiseConv2d() {}

  /** The depth multiplier: filter channels over input channels. */
  static int multiplier(int filterChannels, int inputChannels) {
    if (inputChannels < 1 || filterChannels % inputChannels != 0) {
      throw new IllegalArgumentException(
          "expected input channels dividing the filter's "
              + filterChannels
              + ", found "
              + inputChannels);
    }
    return filterChannels / inputChannels;
  }

  static final class FloatOp implements UnaryOp<float[], float[]> {
    private final FloatBuffer filter;
    private final int kh;
    private final int kw;
    private final int outC;
    private final float[] bias;
    private final ConvOptions options;

    FloatOp(FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options) {
      int[] f = Weights.filterShape(filterShape, "depthwise filter");
      Shapes.checkEqual("depthwise filter dimension 0", 1, f[0]);
      this.kh = f[1];
      this.kw = f[2];
      this.outC = f[3];
      this.filter = Weights.view(filter, kh * kw * outC, "filter");
      this.bias = Weights.bias(bias, outC);
      this.options = options;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      Window w = Window.of(inputShape, kh, kw, options);
      multiplier(outC, w.channels());
      return w.outputShape(outC);
    }

    @Override
    public void run(float[] input, int[] inputShape, float[] output, Scratch scratch) {
      Window w = Window.of(inputShape, kh, kw, options);
      int inC = w.channels();
      int depthMultiplier = multiplier(outC, inC);
      Shapes.checkLength("input", w.inputSize(), input.length);
      Shapes.checkLength("output", w.outputPixels() * outC, output.length);
      Activation activation = options.activation();
      for (int b = 0; b < w.batch(); b++) {
        for (int oy = 0; oy < w.outH(); oy++) {
          for (int ox = 0; ox < w.outW(); ox++) {
            for (int ic = 0; ic < inC; ic++) {
              for (int m = 0; m < depthMultiplier; m++) {
                int oc = m + ic * depthMultiplier;
                int inY0 = oy * w.strideH() - w.padTop();
                int inX0 = ox * w.strideW() - w.padLeft();
                float total = 0f;
                for (int fy = 0; fy < kh; fy++) {
                  for (int fx = 0; fx < kw; fx++) {
                    int iy = inY0 + w.dilationH() * fy;
                    int ix = inX0 + w.dilationW() * fx;
                    if (iy >= 0 && iy < w.inH() && ix >= 0 && ix < w.inW()) {
                      float x = input[((b * w.inH() + iy) * w.inW() + ix) * inC + ic];
                      float f = filter.get((fy * kw + fx) * outC + oc);
                      total += x * f;
                    }
                  }
                }
                output[((b * w.outH() + oy) * w.outW() + ox) * outC + oc] =
                    activation.apply(total + bias[oc]);
              }
            }
          }
        }
      }
    }
  }

  static final class Int8Op implements UnaryOp<byte[], byte[]> {
    private final ByteBuffer filter;
    private final int kh;
    private final int kw;
    private final int outC;
    private final int[] bias;
    private final int inputZeroPoint;
    private final int filterZeroPoint;
    private final Requantization requant;
    private final ConvOptions options;

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

    /** With asymmetric weights: {@code filterZeroPoint} is subtracted from every weight. */
    Int8Op(
        ByteBuffer filter,
        int filterZeroPoint,
        int[] filterShape,
        float[] filterScales,
        int[] bias,
        Quant input,
        Quant output,
        ConvOptions options) {
      this.filterZeroPoint = filterZeroPoint;
      int[] f = Weights.filterShape(filterShape, "depthwise filter");
      Shapes.checkEqual("depthwise filter dimension 0", 1, f[0]);
      this.kh = f[1];
      this.kw = f[2];
      this.outC = f[3];
      this.filter = Weights.view(filter, kh * kw * outC, "filter");
      this.bias = Weights.bias(bias, outC);
      this.inputZeroPoint = input.zeroPoint();
      this.requant =
          Requantization.convolution(input, filterScales, output, options.activation(), outC);
      this.options = options;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      Window w = Window.of(inputShape, kh, kw, options);
      multiplier(outC, w.channels());
      return w.outputShape(outC);
    }

    @Override
    public void run(byte[] input, int[] inputShape, byte[] output, Scratch scratch) {
      Window w = Window.of(inputShape, kh, kw, options);
      int inC = w.channels();
      int depthMultiplier = multiplier(outC, inC);
      Shapes.checkLength("input", w.inputSize(), input.length);
      Shapes.checkLength("output", w.outputPixels() * outC, output.length);
      for (int b = 0; b < w.batch(); b++) {
        for (int oy = 0; oy < w.outH(); oy++) {
          for (int ox = 0; ox < w.outW(); ox++) {
            for (int ic = 0; ic < inC; ic++) {
              for (int m = 0; m < depthMultiplier; m++) {
                int oc = m + ic * depthMultiplier;
                int inY0 = oy * w.strideH() - w.padTop();
                int inX0 = ox * w.strideW() - w.padLeft();
                int acc = 0;
                for (int fy = 0; fy < kh; fy++) {
                  for (int fx = 0; fx < kw; fx++) {
                    int iy = inY0 + w.dilationH() * fy;
                    int ix = inX0 + w.dilationW() * fx;
                    if (iy >= 0 && iy < w.inH() && ix >= 0 && ix < w.inW()) {
                      int x = input[((b * w.inH() + iy) * w.inW() + ix) * inC + ic];
                      int f = filter.get((fy * kw + fx) * outC + oc) - filterZeroPoint;
                      acc += f * (x - inputZeroPoint);
                    }
                  }
                }
                acc += bias[oc];
                output[((b * w.outH() + oy) * w.outW() + ox) * outC + oc] =
                    (byte) requant.apply(acc, oc);
              }
            }
          }
        }
      }
    }
  }
}
