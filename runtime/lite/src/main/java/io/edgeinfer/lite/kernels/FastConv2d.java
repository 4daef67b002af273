package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * CONV_2D, fast: im2col in the transposed form, so the hot loop runs along output pixels.
 *
 * <p>Per call, the NHWC input is split into one plane per (batch, channel). For a tile of up to a
 * few hundred output pixels, row {@code k = (fy * kw + fx) * inC + ic} of the patch matrix holds,
 * for each pixel, the input value that filter tap meets (zero where it falls outside the input);
 * with stride 1 each output row's stretch is one {@code System.arraycopy}. Then {@code acc[oc][p]
 * += w[oc][k] * patch[k][p]}, two output channels and four taps per pass. Every array in that loop
 * is indexed by the same variable, which is what C2 on Java 17 vectorizes (an offset index is not),
 * and each output still sums its taps in the reference's order, so float results match the
 * reference (taps outside the input add exact zeros).
 *
 * <p>Int8 takes the float route when it is exact: weights converted to float once, the input less
 * its zero point per call, the same float kernel, the sum converted back to int. Every partial sum
 * is an integer of magnitude at most {@code 255 * sum|w|} for its output channel; when that is at
 * most 2^24 for every channel (checked at load), float addition is exact and the result equals the
 * int32 reference bit for bit. Otherwise the same loops run on ints.
 */
final class FastConv2d {
  private FastConv2d() {}

  /** Float sums of integers are exact while every partial sum stays within this. */
  static final long EXACT_FLOAT_LIMIT = 1L << 24;

  /** Output pixels per tile: the patch matrix ({@code k} rows) stays within 512 KB. */
  static int tilePixels(int k) {
    return Math.max(16, Math.min(256, (128 * 1024) / k));
  }

  // ---- planes -----------------------------------------------------------------------------------

  /*
   * Planes of the input rows that output rows [fromRow, toRow) read, image by image: a thread with
   * part of the output rows converts only the input its part reads (each part converting the whole
   * input kept two threads from being faster than one).
   */

  /**
   * The first pixel (flat over height and width) of image {@code b} that rows from {@code fromRow}
   * read.
   */
  static int stretchStart(Window w, int b, int fromRow) {
    int oy0 = Math.max(0, fromRow - b * w.outH());
    return Math.max(0, oy0 * w.strideH() - w.padTop()) * w.inW();
  }

  /** One past the last pixel of image {@code b} that rows before {@code toRow} read. */
  static int stretchEnd(Window w, int b, int toRow) {
    int oy1 = Math.min(w.outH(), toRow - b * w.outH());
    int y1 = (oy1 - 1) * w.strideH() - w.padTop() + (w.filterH() - 1) * w.dilationH() + 1;
    return Math.min(w.inH(), y1) * w.inW();
  }

  static void planes(float[] in, Window w, int fromRow, int toRow, float[][] planes) {
    int c = w.channels();
    int hw = w.inH() * w.inW();
    for (int b = fromRow / w.outH(); fromRow < toRow && b <= (toRow - 1) / w.outH(); b++) {
      for (int i = stretchStart(w, b, fromRow), end = stretchEnd(w, b, toRow); i < end; i++) {
        int base = (b * hw + i) * c;
        for (int ch = 0; ch < c; ch++) {
          planes[b * c + ch][i] = in[base + ch];
        }
      }
    }
  }

  static void planes(byte[] in, int zeroPoint, Window w, int fromRow, int toRow, float[][] planes) {
    int c = w.channels();
    int hw = w.inH() * w.inW();
    for (int b = fromRow / w.outH(); fromRow < toRow && b <= (toRow - 1) / w.outH(); b++) {
      for (int i = stretchStart(w, b, fromRow), end = stretchEnd(w, b, toRow); i < end; i++) {
        int base = (b * hw + i) * c;
        for (int ch = 0; ch < c; ch++) {
          planes[b * c + ch][i] = in[base + ch] - zeroPoint;
        }
      }
    }
  }

  static void planes(byte[] in, int zeroPoint, Window w, int fromRow, int toRow, int[][] planes) {
    int c = w.channels();
    int hw = w.inH() * w.inW();
    for (int b = fromRow / w.outH(); fromRow < toRow && b <= (toRow - 1) / w.outH(); b++) {
      for (int i = stretchStart(w, b, fromRow), end = stretchEnd(w, b, toRow); i < end; i++) {
        int base = (b * hw + i) * c;
        for (int ch = 0; ch < c; ch++) {
          planes[b * c + ch][i] = in[base + ch] - zeroPoint;
        }
      }
    }
  }

  // ---- patches ----------------------------------------------------------------------------------

  /** The first output column whose tap {@code fx} lands at input column >= 0. */
  static int firstColumn(Window w, int fx) {
    int a = w.padLeft() - fx * w.dilationW();
    return a <= 0 ? 0 : (a + w.strideW() - 1) / w.strideW();
  }

  /** One past the last output column whose tap {@code fx} lands inside the input. */
  static int endColumn(Window w, int fx) {
    int a = w.inW() - 1 + w.padLeft() - fx * w.dilationW();
    return a < 0 ? 0 : a / w.strideW() + 1;
  }

  /** Patch rows for output pixels {@code p0 .. p0 + n} (flat over batch, rows, columns). */
  static void patches(float[][] planes, Window w, int p0, int n, float[][] patches) {
    int c = w.channels();
    int d = 0;
    while (d < n) {
      int pixel = p0 + d;
      int ox0 = pixel % w.outW();
      int row = pixel / w.outW();
      int oy = row % w.outH();
      int b = row / w.outH();
      int len = Math.min(n - d, w.outW() - ox0);
      int k = 0;
      for (int fy = 0; fy < w.filterH(); fy++) {
        int iy = oy * w.strideH() - w.padTop() + fy * w.dilationH();
        boolean rowInside = iy >= 0 && iy < w.inH();
        for (int fx = 0; fx < w.filterW(); fx++) {
          int lo = Math.max(ox0, firstColumn(w, fx));
          int hi = Math.min(ox0 + len, endColumn(w, fx));
          int shift = fx * w.dilationW() - w.padLeft();
          for (int ic = 0; ic < c; ic++, k++) {
            float[] dst = patches[k];
            if (!rowInside || lo >= hi) {
              for (int i = d; i < d + len; i++) {
                dst[i] = 0f;
              }
              continue;
            }
            float[] src = planes[b * c + ic];
            int from = iy * w.inW() + shift;
            int stride = w.strideW();
            for (int ox = ox0; ox < lo; ox++) {
              dst[d + ox - ox0] = 0f;
            }
            for (int ox = lo; ox < hi; ox++) {
              dst[d + ox - ox0] = src[from + ox * stride];
            }
            for (int ox = hi; ox < ox0 + len; ox++) {
              dst[d + ox - ox0] = 0f;
            }
          }
        }
      }
      d += len;
    }
  }

  /** {@link #patches(float[][], Window, int, int, float[][])} on ints. */
  static void patches(int[][] planes, Window w, int p0, int n, int[][] patches) {
    int c = w.channels();
    int d = 0;
    while (d < n) {
      int pixel = p0 + d;
      int ox0 = pixel % w.outW();
      int row = pixel / w.outW();
      int oy = row % w.outH();
      int b = row / w.outH();
      int len = Math.min(n - d, w.outW() - ox0);
      int k = 0;
      for (int fy = 0; fy < w.filterH(); fy++) {
        int iy = oy * w.strideH() - w.padTop() + fy * w.dilationH();
        boolean rowInside = iy >= 0 && iy < w.inH();
        for (int fx = 0; fx < w.filterW(); fx++) {
          int lo = Math.max(ox0, firstColumn(w, fx));
          int hi = Math.min(ox0 + len, endColumn(w, fx));
          int shift = fx * w.dilationW() - w.padLeft();
          for (int ic = 0; ic < c; ic++, k++) {
            int[] dst = patches[k];
            if (!rowInside || lo >= hi) {
              for (int i = d; i < d + len; i++) {
                dst[i] = 0;
              }
              continue;
            }
            int[] src = planes[b * c + ic];
            int from = iy * w.inW() + shift;
            int stride = w.strideW();
            for (int ox = ox0; ox < lo; ox++) {
              dst[d + ox - ox0] = 0;
            }
            for (int ox = lo; ox < hi; ox++) {
              dst[d + ox - ox0] = src[from + ox * stride];
            }
            for (int ox = hi; ox < ox0 + len; ox++) {
              dst[d + ox - ox0] = 0;
            }
          }
        }
      }
      d += len;
    }
  }

  /**
   * The product step of a float convolution, {@code acc[oc][0..n) = sum over k of weights[oc][k] *
   * patches[k][0..n)}: {@link #multiply} here, a Vector API one in the {@code lite-vector} module.
   */
  @FunctionalInterface
  interface Product {
    void multiply(float[][] weights, float[][] patches, int taps, int outC, int n, float[][] acc);
  }

  // ---- the product ------------------------------------------------------------------------------

  /** {@code acc[oc][0..n) = sum over k, in order, of weights[oc][k] * patches[k][0..n)}. */
  static void multiply(
      float[][] weights, float[][] patches, int taps, int outC, int n, float[][] acc) {
    for (int oc = 0; oc < outC; oc++) {
      Arrays.fill(acc[oc], 0, n, 0f);
    }
    int k = 0;
    for (; k + 4 <= taps; k += 4) {
      float[] x0 = patches[k];
      float[] x1 = patches[k + 1];
      float[] x2 = patches[k + 2];
      float[] x3 = patches[k + 3];
      int oc = 0;
      for (; oc + 2 <= outC; oc += 2) {
        float[] u = weights[oc];
        float[] v = weights[oc + 1];
        float u0 = u[k];
        float u1 = u[k + 1];
        float u2 = u[k + 2];
        float u3 = u[k + 3];
        float v0 = v[k];
        float v1 = v[k + 1];
        float v2 = v[k + 2];
        float v3 = v[k + 3];
        float[] a = acc[oc];
        float[] e = acc[oc + 1];
        for (int p = 0; p < n; p++) {
          float p0 = x0[p];
          float p1 = x1[p];
          float p2 = x2[p];
          float p3 = x3[p];
          a[p] = a[p] + u0 * p0 + u1 * p1 + u2 * p2 + u3 * p3;
          e[p] = e[p] + v0 * p0 + v1 * p1 + v2 * p2 + v3 * p3;
        }
      }
      for (; oc < outC; oc++) {
        float[] u = weights[oc];
        float u0 = u[k];
        float u1 = u[k + 1];
        float u2 = u[k + 2];
        float u3 = u[k + 3];
        float[] a = acc[oc];
        for (int p = 0; p < n; p++) {
          a[p] = a[p] + u0 * x0[p] + u1 * x1[p] + u2 * x2[p] + u3 * x3[p];
        }
      }
    }
    for (; k < taps; k++) {
      float[] x = patches[k];
      for (int oc = 0; oc < outC; oc++) {
        float u = weights[oc][k];
        float[] a = acc[oc];
        for (int p = 0; p < n; p++) {
          a[p] += u * x[p];
        }
      }
    }
  }

  /** {@link #multiply(float[][], float[][], int, int, int, float[][])} on ints. */
  static void multiply(int[][] weights, int[][] patches, int taps, int outC, int n, int[][] acc) {
    for (int oc = 0; oc < outC; oc++) {
      Arrays.fill(acc[oc], 0, n, 0);
    }
    int k = 0;
    for (; k + 4 <= taps; k += 4) {
      int[] x0 = patches[k];
      int[] x1 = patches[k + 1];
      int[] x2 = patches[k + 2];
      int[] x3 = patches[k + 3];
      for (int oc = 0; oc < outC; oc++) {
        int[] u = weights[oc];
        int u0 = u[k];
        int u1 = u[k + 1];
        int u2 = u[k + 2];
        int u3 = u[k + 3];
        int[] a = acc[oc];
        for (int p = 0; p < n; p++) {
          a[p] = a[p] + u0 * x0[p] + u1 * x1[p] + u2 * x2[p] + u3 * x3[p];
        }
      }
    }
    for (; k < taps; k++) {
      int[] x = patches[k];
      for (int oc = 0; oc < outC; oc++) {
        int u = weights[oc][k];
        int[] a = acc[oc];
        for (int p = 0; p < n; p++) {
          a[p] += u * x[p];
        }
      }
    }
  }

  // ---- operations -------------------------------------------------------------------------------

  /**
   * The filter dimensions and geometry checks shared by the float and int8 layers; output rows can
   * be computed apart ({@link SplitOp}).
   */
  private abstract static class Layer<I, O> implements SplitOp<I, O> {
    final int outC;
    final int kh;
    final int kw;
    final int inC;
    final int taps;
    final ConvOptions options;

    Layer(int[] filterShape, ConvOptions options) {
      int[] f = Weights.filterShape(filterShape, "filter");
      this.outC = f[0];
      this.kh = f[1];
      this.kw = f[2];
      this.inC = f[3];
      this.taps = kh * kw * inC;
      this.options = options;
    }

    // The last geometry, so that a steady stream of same-shaped inputs allocates nothing. A
    // benign race: a Window is immutable and any thread may replace it.
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

    @Override
    public int units(int[] inputShape) {
      Window w = window(inputShape);
      return w.batch() * w.outH();
    }

    @Override
    public long work(int[] inputShape) {
      return (long) window(inputShape).outputPixels() * outC * taps;
    }
  }

  static final class FloatOp extends Layer<float[], float[]> {
    private final float[][] weights; // [outC][taps], OHWI rows
    private final float[] bias;
    private final float[] ones;
    private final Product product;

    FloatOp(FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options) {
      this(filter, filterShape, bias, options, FastConv2d::multiply);
    }

    FloatOp(
        FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options, Product product) {
      super(filterShape, options);
      this.product = product;
      FloatBuffer f = Weights.view(filter, outC * taps, "filter");
      this.weights = new float[outC][taps];
      for (int oc = 0; oc < outC; oc++) {
        f.get(oc * taps, weights[oc]);
      }
      this.bias = Weights.bias(bias, outC);
      this.ones = new float[outC];
      Arrays.fill(ones, 1f);
    }

    @Override
    public void runUnits(
        float[] input, int[] inputShape, float[] output, Scratch scratch, int from, int to) {
      Window w = window(inputShape);
      convolve(
          input, w, weights, ones, bias, options.activation(), output, scratch, from, to, product);
    }
  }

  /**
   * Hybrid CONV_2D: float input and output, int8 filter kept in its buffer (the mapped file). Each
   * call widens the filter into the scratch (a conv uses each weight once per output pixel, so this
   * is cheap next to the product), runs the float kernel and scales each channel's sums.
   */
  static final class HybridOp extends Layer<float[], float[]> {
    private final ByteBuffer filter;
    private final float[] scales;
    private final float[] bias;
    private final Product product;

    HybridOp(
        ByteBuffer filter,
        int[] filterShape,
        float[] filterScales,
        float[] bias,
        ConvOptions options) {
      this(filter, filterShape, filterScales, bias, options, FastConv2d::multiply);
    }

    HybridOp(
        ByteBuffer filter,
        int[] filterShape,
        float[] filterScales,
        float[] bias,
        ConvOptions options,
        Product product) {
      super(filterShape, options);
      this.product = product;
      this.filter = Weights.view(filter, outC * taps, "filter");
      this.scales = Weights.scales(filterScales, outC);
      this.bias = Weights.bias(bias, outC);
    }

    @Override
    public void runUnits(
        float[] input, int[] inputShape, float[] output, Scratch scratch, int from, int to) {
      Window w = window(inputShape);
      float[][] weights = scratch.floatRows(3, outC, taps);
      byte[] row = scratch.bytes(0, taps);
      for (int oc = 0; oc < outC; oc++) {
        filter.get(oc * taps, row, 0, taps);
        float[] dst = weights[oc];
        for (int k = 0; k < taps; k++) {
          dst[k] = row[k];
        }
      }
      convolve(
          input,
          w,
          weights,
          scales,
          bias,
          options.activation(),
          output,
          scratch,
          from,
          to,
          product);
    }
  }

  /**
   * The float convolution: {@code output = activation(scales[oc] * sum + bias[oc])} (scales of 1
   * for a float layer: multiplying by 1 is exact), for output rows {@code [fromRow, toRow)}. Uses
   * scratch slots 0 to 2 of float rows.
   */
  static void convolve(
      float[] input,
      Window w,
      float[][] weights,
      float[] scales,
      float[] bias,
      Activation activation,
      float[] output,
      Scratch scratch,
      int fromRow,
      int toRow,
      Product product) {
    int inC = w.channels();
    int outC = bias.length;
    int taps = w.filterH() * w.filterW() * inC;
    int pixels = w.outputPixels();
    int end = toRow * w.outW();
    Shapes.checkLength("input", w.inputSize(), input.length);
    Shapes.checkLength("output", pixels * outC, output.length);
    float[][] planes = scratch.floatRows(0, w.batch() * inC, w.inH() * w.inW());
    planes(input, w, fromRow, toRow, planes);
    int tile = tilePixels(taps);
    float[][] patches = scratch.floatRows(1, taps, tile);
    float[][] acc = scratch.floatRows(2, outC, tile);
    for (int p0 = fromRow * w.outW(); p0 < end; p0 += tile) {
      int n = Math.min(tile, end - p0);
      patches(planes, w, p0, n, patches);
      product.multiply(weights, patches, taps, outC, n, acc);
      for (int oc = 0; oc < outC; oc++) {
        float[] a = acc[oc];
        float s = scales[oc];
        float b = bias[oc];
        for (int p = 0; p < n; p++) {
          output[(p0 + p) * outC + oc] = activation.apply(a[p] * s + b);
        }
      }
    }
  }

  static final class Int8Op extends Layer<byte[], byte[]> implements ExactSums {
    private final float[][] floatWeights; // null when the float route is not exact
    private final int[][] intWeights; // null when it is
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
      ByteBuffer f = Weights.view(filter, outC * taps, "filter");
      long worst = 0;
      for (int oc = 0; oc < outC; oc++) {
        long sum = 0;
        for (int k = 0; k < taps; k++) {
          sum += Math.abs(f.get(oc * taps + k) - filterZeroPoint);
        }
        worst = Math.max(worst, sum);
      }
      boolean exact = 255 * worst <= EXACT_FLOAT_LIMIT;
      this.floatWeights = exact ? new float[outC][taps] : null;
      this.intWeights = exact ? null : new int[outC][taps];
      for (int oc = 0; oc < outC; oc++) {
        for (int k = 0; k < taps; k++) {
          int v = f.get(oc * taps + k) - filterZeroPoint;
          if (exact) {
            floatWeights[oc][k] = v;
          } else {
            intWeights[oc][k] = v;
          }
        }
      }
      this.bias = Weights.bias(bias, outC);
      this.inputZeroPoint = input.zeroPoint();
      this.requant =
          new ExactRequantizer(
              Requantization.convolution(input, filterScales, output, options.activation(), outC));
    }

    /** True when this layer computes through float arithmetic (exactly). */
    boolean usesFloatRoute() {
      return floatWeights != null;
    }

    @Override
    public int floatChunks() {
      return usesFloatRoute() ? 1 : 0;
    }

    @Override
    public void runUnits(
        byte[] input, int[] inputShape, byte[] output, Scratch scratch, int from, int to) {
      Window w = window(inputShape);
      int pixels = w.outputPixels();
      int end = to * w.outW();
      Shapes.checkLength("input", w.inputSize(), input.length);
      Shapes.checkLength("output", pixels * outC, output.length);
      int tile = tilePixels(taps);
      if (floatWeights != null) {
        float[][] planes = scratch.floatRows(0, w.batch() * inC, w.inH() * w.inW());
        planes(input, inputZeroPoint, w, from, to, planes);
        float[][] patches = scratch.floatRows(1, taps, tile);
        float[][] acc = scratch.floatRows(2, outC, tile);
        for (int p0 = from * w.outW(); p0 < end; p0 += tile) {
          int n = Math.min(tile, end - p0);
          patches(planes, w, p0, n, patches);
          multiply(floatWeights, patches, taps, outC, n, acc);
          for (int oc = 0; oc < outC; oc++) {
            float[] a = acc[oc];
            int b = bias[oc];
            for (int p = 0; p < n; p++) {
              output[(p0 + p) * outC + oc] = (byte) requant.apply((int) a[p] + b, oc);
            }
          }
        }
      } else {
        int[][] planes = scratch.intRows(0, w.batch() * inC, w.inH() * w.inW());
        planes(input, inputZeroPoint, w, from, to, planes);
        int[][] patches = scratch.intRows(1, taps, tile);
        int[][] acc = scratch.intRows(2, outC, tile);
        for (int p0 = from * w.outW(); p0 < end; p0 += tile) {
          int n = Math.min(tile, end - p0);
          patches(planes, w, p0, n, patches);
          multiply(intWeights, patches, taps, outC, n, acc);
          for (int oc = 0; oc < outC; oc++) {
            int[] a = acc[oc];
            int b = bias[oc];
            for (int p = 0; p < n; p++) {
              output[(p0 + p) * outC + oc] = (byte) requant.apply(a[p] + b, oc);
            }
          }
        }
      }
    }
  }
}
