package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;

/**
 * The reference hybrid (dynamic-range) layers: float input and output, symmetric int8 weights read
 * straight from their buffer (a memory-mapped file stays so), float accumulation in the reference
 * order, then {@code scale[o] * sum + bias[o]} and the fused activation. TFLite quantizes the input
 * of such layers at run time; computing in float is at least as accurate.
 */
final class RefHybrid {
  private RefHybrid() {}

  static final class FullyConnected implements UnaryOp<float[], float[]> {
    private final ByteBuffer weights;
    private final int outputs;
    private final int inputs;
    private final float[] scales;
    private final float[] bias;
    private final Activation activation;

    FullyConnected(
        ByteBuffer weights,
        int outputs,
        int inputs,
        float[] weightScales,
        float[] bias,
        Activation activation) {
      this.weights = Weights.view(weights, outputs * inputs, "weight");
      this.outputs = outputs;
      this.inputs = inputs;
      this.scales = Weights.scales(weightScales, outputs);
      this.bias = Weights.bias(bias, outputs);
      this.activation = activation;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return new int[] {RefFullyConnected.batch(inputShape, inputs), outputs};
    }

    @Override
    public void run(float[] input, int[] inputShape, float[] output, Scratch scratch) {
      int batch = RefFullyConnected.batch(inputShape, inputs);
      Shapes.checkLength("input", batch * inputs, input.length);
      Shapes.checkLength("output", batch * outputs, output.length);
      for (int b = 0; b < batch; b++) {
        for (int o = 0; o < outputs; o++) {
          float total = 0f;
          for (int i = 0; i < inputs; i++) {
            total += input[b * inputs + i] * weights.get(o * inputs + i);
          }
          output[b * outputs + o] = activation.apply(scales[o] * total + bias[o]);
        }
      }
    }
  }

  static final class Conv2d implements UnaryOp<float[], float[]> {
    private final ByteBuffer filter;
    private final int outC;
    private final int kh;
    private final int kw;
    private final int inC;
    private final float[] scales;
    private final float[] bias;
    private final ConvOptions options;

    Conv2d(
        ByteBuffer filter,
        int[] filterShape,
        float[] filterScales,
        float[] bias,
        ConvOptions options) {
      int[] f = Weights.filterShape(filterShape, "filter");
      this.outC = f[0];
      this.kh = f[1];
      this.kw = f[2];
      this.inC = f[3];
      this.filter = Weights.view(filter, outC * kh * kw * inC, "filter");
      this.scales = Weights.scales(filterScales, outC);
      this.bias = Weights.bias(bias, outC);
      this.options = options;
    }

    private Window window(int[] inputShape) {
      Window w = Window.of(inputShape, kh, kw, options);
      Shapes.checkEqual("input channels", inC, w.channels());
      return w;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return window(inputShape).outputShape(outC);
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
                    total += x * filter.get(((oc * kh + fy) * kw + fx) * inC + ic);
                  }
                }
              }
              output[((b * w.outH() + oy) * w.outW() + ox) * outC + oc] =
                  activation.apply(scales[oc] * total + bias[oc]);
            }
          }
        }
      }
    }
  }

  static final class DepthwiseConv2d implements UnaryOp<float[], float[]> {
    private final ByteBuffer filter;
    private final int kh;
    private final int kw;
    private final int outC;
    private final float[] scales;
    private final float[] bias;
    private final ConvOptions options;

    DepthwiseConv2d(
        ByteBuffer filter,
        int[] filterShape,
        float[] filterScales,
        float[] bias,
        ConvOptions options) {
      int[] f = Weights.filterShape(filterShape, "depthwise filter");
      Shapes.checkEqual("depthwise filter dimension 0", 1, f[0]);
      this.kh = f[1];
      this.kw = f[2];
      this.outC = f[3];
      this.filter = Weights.view(filter, kh * kw * outC, "filter");
      this.scales = Weights.scales(filterScales, outC);
      this.bias = Weights.bias(bias, outC);
      this.options = options;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      Window w = Window.of(inputShape, kh, kw, options);
      RefDepthwiseConv2d.multiplier(outC, w.channels());
      return w.outputShape(outC);
    }

    @Override
    public void run(float[] input, int[] inputShape, float[] output, Scratch scratch) {
      Window w = Window.of(inputShape, kh, kw, options);
      int inC = w.channels();
      int depthMultiplier = RefDepthwiseConv2d.multiplier(outC, inC);
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
                      total += x * filter.get((fy * kw + fx) * outC + oc);
                    }
                  }
                }
                output[((b * w.outH() + oy) * w.outW() + ox) * outC + oc] =
                    activation.apply(scales[oc] * total + bias[oc]);
              }
            }
          }
        }
      }
    }
  }
}
