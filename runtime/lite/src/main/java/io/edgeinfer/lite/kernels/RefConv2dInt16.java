package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;

/**
 * The reference 16x8 CONV_2D: int16 activations (zero point 0), symmetric int8 weights with a scale
 * per output channel. With an int64 bias the sum is 64-bit and rescaled by the int64 {@link
 * WideQuantization#multiplyByQuantizedMultiplier}; with an int32 bias it is 32-bit (wrapping, as
 * the C++ does) and rescaled by the int32 one. Filter groups as TFLite's reference (input channels
 * a multiple of the filter's).
 */
public final class RefConv2dInt16 implements UnaryOp<short[], short[]> {
  private final byte[] filter;
  private final int outC;
  private final int kh;
  private final int kw;
  private final int filterInC;
  private final long[] bias;
  private final boolean wide;
  private final Quantization.Multiplier[] multipliers;
  private final WideQuantization.Range range;
  private final ConvOptions options;

  /**
   * @param bias one value per output channel, or null
   * @param wide whether the accumulator (and bias) is int64 rather than int32
   */
  public RefConv2dInt16(
      ByteBuffer filter,
      int[] filterShape,
      long[] bias,
      boolean wide,
      float inputScale,
      float[] filterScales,
      float outputScale,
      ConvOptions options) {
    int[] f = Weights.filterShape(filterShape, "filter");
    this.outC = f[0];
    this.kh = f[1];
    this.kw = f[2];
    this.filterInC = f[3];
    this.filter = Weights.toArray(Weights.view(filter, outC * kh * kw * filterInC, "filter"));
    if (bias != null && bias.length != outC) {
      throw new IllegalArgumentException("expected " + outC + " biases, found " + bias.length);
    }
    this.bias = bias;
    this.wide = wide;
    this.multipliers = WideQuantization.perChannel(inputScale, filterScales, outputScale, outC);
    this.range = WideQuantization.int16Range(options.activation(), outputScale);
    this.options = options;
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    return window(inputShape).outputShape(outC);
  }

  private Window window(int[] inputShape) {
    Window w = Window.of(inputShape, kh, kw, options);
    int groups = w.channels() / filterInC;
    if (groups < 1 || w.channels() % filterInC != 0 || outC % groups != 0) {
      throw new IllegalArgumentException(
          "expected input channels a multiple of the filter's "
              + filterInC
              + ", found "
              + w.channels());
    }
    return w;
  }

  @Override
  public void run(short[] input, int[] inputShape, short[] output, Scratch scratch) {
    Window w = window(inputShape);
    Shapes.checkLength("input", w.inputSize(), input.length);
    Shapes.checkLength("output", w.outputPixels() * outC, output.length);
    int inC = w.channels();
    int perGroup = outC / (inC / filterInC);
    for (int b = 0; b < w.batch(); b++) {
      for (int oy = 0; oy < w.outH(); oy++) {
        for (int ox = 0; ox < w.outW(); ox++) {
          for (int oc = 0; oc < outC; oc++) {
            int firstIn = (oc / perGroup) * filterInC;
            int inY0 = oy * w.strideH() - w.padTop();
            int inX0 = ox * w.strideW() - w.padLeft();
            long acc = 0;
            for (int fy = 0; fy < kh; fy++) {
              int iy = inY0 + w.dilationH() * fy;
              for (int fx = 0; fx < kw; fx++) {
                int ix = inX0 + w.dilationW() * fx;
                if (iy < 0 || iy >= w.inH() || ix < 0 || ix >= w.inW()) {
                  continue;
                }
                int in = ((b * w.inH() + iy) * w.inW() + ix) * inC + firstIn;
                int f = ((oc * kh + fy) * kw + fx) * filterInC;
                for (int ic = 0; ic < filterInC; ic++) {
                  acc += filter[f + ic] * input[in + ic];
                }
              }
            }
            output[((b * w.outH() + oy) * w.outW() + ox) * outC + oc] =
                (short) range.clamp(rescale(acc, oc));
          }
        }
      }
    }
  }

  private int rescale(long acc, int channel) {
    Quantization.Multiplier m = multipliers[channel];
    if (wide) {
      long total = bias == null ? acc : acc + bias[channel];
      return WideQuantization.multiplyByQuantizedMultiplier(total, m.multiplier(), m.shift());
    }
    int total = (int) acc + (bias == null ? 0 : (int) bias[channel]);
    return Quantization.multiplyByQuantizedMultiplier(total, m);
  }
}
