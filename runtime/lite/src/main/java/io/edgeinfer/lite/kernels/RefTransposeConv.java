package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The reference TRANSPOSE_CONV: the gradient of a CONV_2D with the same padding and strides. The
 * output size is given (TFLite Micro takes it from the output tensor), and the padding is the one a
 * convolution of that output would have. Each output element sums the input pixels whose scattered
 * filter taps land on it: integer sums equal TFLite's scatter order exactly.
 *
 * <p>Filters are {@code [outC, kh, kw, inC]}. Int8 and 16x8 results are rescaled per output channel
 * as CONV_2D's are.
 */
public final class RefTransposeConv {
  private RefTransposeConv() {}

  /** The geometry: output size, filter, strides and the leading padding (computed once). */
  public static final class Geometry {
    final int outH;
    final int outW;
    final int outC;
    final int kh;
    final int kw;
    final int inC;
    final int strideH;
    final int strideW;
    final int padTop;
    final int padLeft;

    public Geometry(
        int outH,
        int outW,
        int outC,
        int kh,
        int kw,
        int inC,
        int strideH,
        int strideW,
        Padding p) {
      this.outH = outH;
      this.outW = outW;
      this.outC = outC;
      this.kh = kh;
      this.kw = kw;
      this.inC = inC;
      this.strideH = strideH;
      this.strideW = strideW;
      this.padTop = p.padBefore(outH, kh, strideH, 1);
      this.padLeft = p.padBefore(outW, kw, strideW, 1);
    }

    public int outC() {
      return outC;
    }

    public int[] outputShape(int[] inputShape) {
      Shapes.checkRank("NHWC input", inputShape, 4);
      Shapes.checkEqual("input channels", inC, inputShape[3]);
      return new int[] {inputShape[0], outH, outW, outC};
    }

    /** The input row whose filter row {@code fy} lands on output row {@code oy}, or -1. */
    int inputRow(int oy, int fy, int inH) {
      int y = oy + padTop - fy;
      return y < 0 || y % strideH != 0 || y / strideH >= inH ? -1 : y / strideH;
    }

    /** The input column whose filter column {@code fx} lands on output column {@code ox}, or -1. */
    int inputCol(int ox, int fx, int inW) {
      int x = ox + padLeft - fx;
      return x < 0 || x % strideW != 0 || x / strideW >= inW ? -1 : x / strideW;
    }

    int filterSize() {
      return outC * kh * kw * inC;
    }
  }

  private abstract static class Base<T> implements UnaryOp<T, T> {
    final Geometry g;

    Base(Geometry g) {
      this.g = g;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return g.outputShape(inputShape);
    }

    @Override
    public void run(T input, int[] inputShape, T output, Scratch scratch) {
      Shapes.checkRank("NHWC input", inputShape, 4);
      Shapes.checkEqual("input channels", g.inC, inputShape[3]);
      for (int b = 0, o = 0; b < inputShape[0]; b++) {
        for (int oy = 0; oy < g.outH; oy++) {
          for (int ox = 0; ox < g.outW; ox++) {
            for (int oc = 0; oc < g.outC; oc++, o++) {
              write(input, inputShape, output, o, b, oy, ox, oc);
            }
          }
        }
      }
    }

    abstract void write(T input, int[] shape, T output, int o, int b, int oy, int ox, int oc);
  }

  /** float32; the sum is in float, in the gather order (within float tolerance of TFLite's). */
  public static final class FloatOp extends Base<float[]> {
    private final float[] filter;
    private final float[] bias;
    private final Activation activation;

    public FloatOp(Geometry g, FloatBuffer filter, float[] bias, Activation activation) {
      super(g);
      this.filter = Weights.toArray(Weights.view(filter, g.filterSize(), "f"));
      this.bias = Weights.bias(bias, g.outC);
      this.activation = activation;
    }

    @Override
    void write(float[] in, int[] shape, float[] out, int o, int b, int oy, int ox, int oc) {
      float acc = 0f;
      for (int fy = 0; fy < g.kh; fy++) {
        int iy = g.inputRow(oy, fy, shape[1]);
        for (int fx = 0; iy >= 0 && fx < g.kw; fx++) {
          int ix = g.inputCol(ox, fx, shape[2]);
          if (ix < 0) {
            continue;
          }
          int i = ((b * shape[1] + iy) * shape[2] + ix) * g.inC;
          int f = ((oc * g.kh + fy) * g.kw + fx) * g.inC;
          for (int ic = 0; ic < g.inC; ic++) {
            acc += in[i + ic] * filter[f + ic];
          }
        }
      }
      out[o] = activation.apply(acc + bias[oc]);
    }
  }

  /** int8 activations (any zero point), symmetric int8 filter, int32 bias. */
  public static final class Int8Op extends Base<byte[]> {
    private final byte[] filter;
    private final int[] bias;
    private final int inputOffset;
    private final int outputZeroPoint;
    private final Quantization.Multiplier[] multipliers;
    private final WideQuantization.Range range;

    public Int8Op(
        Geometry g,
        ByteBuffer filter,
        int[] bias,
        Quant input,
        float[] scales,
        Quant output,
        Activation activation) {
      super(g);
      this.filter = Weights.toArray(Weights.view(filter, g.filterSize(), "f"));
      this.bias = Weights.bias(bias, g.outC);
      this.inputOffset = -input.zeroPoint();
      this.outputZeroPoint = output.zeroPoint();
      this.multipliers = WideQuantization.perChannel(input.scale(), scales, output.scale(), g.outC);
      this.range =
          WideQuantization.activationRange(
              activation, output.scale(), output.zeroPoint(), -128, 127);
    }

    @Override
    void write(byte[] in, int[] shape, byte[] out, int o, int b, int oy, int ox, int oc) {
      int acc = 0; // 32-bit, wrapping as the C++ does
      for (int fy = 0; fy < g.kh; fy++) {
        int iy = g.inputRow(oy, fy, shape[1]);
        for (int fx = 0; iy >= 0 && fx < g.kw; fx++) {
          int ix = g.inputCol(ox, fx, shape[2]);
          if (ix < 0) {
            continue;
          }
          int i = ((b * shape[1] + iy) * shape[2] + ix) * g.inC;
          int f = ((oc * g.kh + fy) * g.kw + fx) * g.inC;
          for (int ic = 0; ic < g.inC; ic++) {
            acc += (in[i + ic] + inputOffset) * filter[f + ic];
          }
        }
      }
      int total = acc + bias[oc];
      int q = Quantization.multiplyByQuantizedMultiplier(total, multipliers[oc]) + outputZeroPoint;
      out[o] = (byte) range.clamp(q);
    }
  }

  /** 16x8: int16 activations (zero point 0), int8 filter, int64 (or no) bias; 64-bit sums. */
  public static final class Int16Op extends Base<short[]> {
    private final byte[] filter;
    private final long[] bias;
    private final Quantization.Multiplier[] multipliers;
    private final WideQuantization.Range range;

    public Int16Op(
        Geometry g,
        ByteBuffer filter,
        long[] bias,
        float inputScale,
        float[] scales,
        float outputScale,
        Activation activation) {
      super(g);
      this.filter = Weights.toArray(Weights.view(filter, g.filterSize(), "f"));
      this.bias = bias == null ? new long[g.outC] : bias.clone();
      Shapes.checkEqual("biases", g.outC, this.bias.length);
      this.multipliers = WideQuantization.perChannel(inputScale, scales, outputScale, g.outC);
      this.range = WideQuantization.int16Range(activation, outputScale);
    }

    @Override
    void write(short[] in, int[] shape, short[] out, int o, int b, int oy, int ox, int oc) {
      long acc = 0;
      for (int fy = 0; fy < g.kh; fy++) {
        int iy = g.inputRow(oy, fy, shape[1]);
        for (int fx = 0; iy >= 0 && fx < g.kw; fx++) {
          int ix = g.inputCol(ox, fx, shape[2]);
          if (ix < 0) {
            continue;
          }
          int i = ((b * shape[1] + iy) * shape[2] + ix) * g.inC;
          int f = ((oc * g.kh + fy) * g.kw + fx) * g.inC;
          for (int ic = 0; ic < g.inC; ic++) {
            acc += in[i + ic] * filter[f + ic];
          }
        }
      }
      Quantization.Multiplier m = multipliers[oc];
      int q =
          WideQuantization.multiplyByQuantizedMultiplier(acc + bias[oc], m.multiplier(), m.shift());
      out[o] = (short) range.clamp(q);
    }
  }
}
