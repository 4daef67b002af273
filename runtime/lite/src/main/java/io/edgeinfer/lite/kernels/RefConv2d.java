package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The reference CONV_2D: for each output element, a sum over filter rows, columns and input
 * channels in that order, skipping taps outside the input.
 */
final class RefConv2d {
  private RefConv2d() {}

  static final class FloatOp implements UnaryOp<float[], float[]> {
    private final FloatBuffer filter;
    private final int outC;
    private final int kh;
    private final int kw;
    private final int inC;
    private final float[] bias;
    private final ConvOptions options;

    FloatOp(FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options) {
      int[] f = Weights.filterShape(filterShape, "filter");
      this.outC = f[0];
      this.kh = f[1];
      this.kw = f[2];
      this.inC = f[3];
      this.filter = Weights.view(filter, outC * kh * kw * inC, "filter");
      this.bias = Weights.bias(bias, outC);
      this.options = options;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return window(inputShape).outputShape(outC);
    }

    private Window window(int[] inputShape) {
      Window w = Window.of(inputShape, kh, kw, options);
      Shapes.checkEqual("input channels", inC, w.channels());
      return w;
    }

    @Override
    public void run(float[] input, int[] inputShape, float[] output, Scratch scratch) {
      Window w = window(inputShape);
      Shapes.checkLength("input", w.inputSize(), input.length);
      Shapes.checkLength("output", w.outputPixels() * outC, output.length);
      Activation activation = options.activation();
      for (int b = 0; b < w.batch(); b++) {
        for (int oy = 0; oy < w.outH(); oy++) {
          for (int ox = 0; ox < w.outW(); ox++) {
            for (int oc = 0; oc < outC; oc++) {
              int inY0 = oy * w.strideH() - w.padTop();
              int inX0 = ox * w.strideW() - w.padLeft();
              float total = 0f;
              for (int fy = 0; fy < kh; fy++) {
                for (int fx = 0; fx < kw; fx++) {
                  int iy = inY0 + w.dilationH() * fy;
                  int ix = inX0 + w.dilationW() * fx;
                  if (iy < 0 || iy >= w.inH() || ix < 0 || ix >= w.inW()) {
                    continue;
                  }
                  for (int ic = 0; ic < inC; ic++) {
                    float x = input[((b * w.inH() + iy) * w.inW() + ix) * inC + ic];
                    float f = filter.get(((oc * kh + fy) * kw + fx) * inC + ic);
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

  static final class Int8Op implements UnaryOp<byte[], byte[]> {
    private final ByteBuffer filter;
    private final int outC;
    private final int kh;
    private final int kw;
    private final int inC;
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
      int[] f = Weights.filterShape(filterShape, "filter");
      this.outC = f[0];
      this.kh = f[1];
      this.kw = f[2];
      this.inC = f[3];
      this.filter = Weights.view(filter, outC * kh * kw * inC, "filter");
      this.bias = Weights.bias(bias, outC);
      this.inputZeroPoint = input.zeroPoint();
      this.requant =
          Requantization.convolution(input, filterScales, output, options.activation(), outC);
      this.options = options;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return window(inputShape).outputShape(outC);
    }

    private Window window(int[] inputShape) {
      Window w = Window.of(inputShape, kh, kw, options);
      Shapes.checkEqual("input channels", inC, w.channels());
      return w;
    }

    @Override
    public void run(byte[] input, int[] inputShape, byte[] output, Scratch scratch) {
      Window w = window(inputShape);
      Shapes.checkLength("input", w.inputSize(), input.length);
      Shapes.checkLength("output", w.outputPixels() * outC, output.length);
      for (int b = 0; b < w.batch(); b++) {
        for (int oy = 0; oy < w.outH(); oy++) {
          for (int ox = 0; ox < w.outW(); ox++) {
            for (int oc = 0; oc < outC; oc++) {
              int inY0 = oy * w.strideH() - w.padTop();
              int inX0 = ox * w.strideW() - w.padLeft();
              int acc = 0;
              for (int fy = 0; fy < kh; fy++) {
                for (int fx = 0; fx < kw; fx++) {
                  int iy = inY0 + w.dilationH() * fy;
                  int ix = inX0 + w.dilationW() * fx;
                  if (iy < 0 || iy >= w.inH() || ix < 0 || ix >= w.inW()) {
                    continue;
                  }
                  for (int ic = 0; ic < inC; ic++) {
                    int x = input[((b * w.inH() + iy) * w.inW() + ix) * inC + ic];
                    int f = filter.get(((oc * kh + fy) * kw + fx) * inC + ic) - filterZeroPoint;
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
