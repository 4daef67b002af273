package io.edgeinfer.lite.kernels;

import java.util.Arrays;

/**
 * AVERAGE_POOL_2D and MAX_POOL_2D, fast: the window's bounds are computed once per output pixel and
 * channels run innermost (the reference walks the window once per channel). Each output still
 * combines its taps in the reference's order. Output rows split over threads ({@link SplitOp}), or
 * channels when there is one row (a global average pool).
 */
final class FastPooling {
  private FastPooling() {}

  /** The window geometry, kept for the last input shape (see FastConv2d). */
  private abstract static class Pool<T> implements SplitOp<T, T> {
    final PoolOptions options;
    final boolean max;
    private volatile Window last;

    Pool(PoolOptions options, boolean max) {
      this.options = options;
      this.max = max;
    }

    Window window(int[] inputShape) {
      Window w = last;
      if (w == null || !w.matches(inputShape)) {
        w = Window.of(inputShape, options);
        last = w;
      }
      return w;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      Window w = window(inputShape);
      return w.outputShape(w.channels());
    }

    /** True when the units are channels (one output row), not rows. */
    boolean byChannels(Window w) {
      return w.batch() * w.outH() < 2;
    }

    @Override
    public int units(int[] inputShape) {
      Window w = window(inputShape);
      return byChannels(w) ? w.channels() : w.batch() * w.outH();
    }

    @Override
    public long work(int[] inputShape) {
      Window w = window(inputShape);
      return (long) w.outputPixels() * w.channels() * w.filterH() * w.filterW() * Work.COPY;
    }

    @Override
    public void runUnits(T input, int[] inputShape, T output, Scratch scratch, int from, int to) {
      Window w = window(inputShape);
      if (byChannels(w)) {
        run(input, w, output, scratch, 0, w.batch() * w.outH(), from, to);
      } else {
        run(input, w, output, scratch, from, to, 0, w.channels());
      }
    }

    /** Output rows (batch times height) {@code [r0, r1)}, channels {@code [c0, c1)}. */
    abstract void run(T input, Window w, T output, Scratch scratch, int r0, int r1, int c0, int c1);
  }

  static final class FloatOp extends Pool<float[]> {
    FloatOp(PoolOptions options, boolean max) {
      super(options, max);
    }

    @Override
    void run(
        float[] input, Window w, float[] output, Scratch scratch, int r0, int r1, int c0, int c1) {
      final int c = w.channels();
      Shapes.checkLength("input", w.inputSize(), input.length);
      Shapes.checkLength("output", w.outputPixels() * c, output.length);
      float[] acc = scratch.floats(0, c);
      Activation activation = options.activation();
      for (int row = r0; row < r1; row++) {
        int b = row / w.outH();
        int oy = row % w.outH();
        int o = row * w.outW() * c;
        int inY0 = oy * w.strideH() - w.padTop();
        int y0 = RefPooling.start(inY0);
        int y1 = RefPooling.end(inY0, w.filterH(), w.inH());
        for (int ox = 0; ox < w.outW(); ox++) {
          int inX0 = ox * w.strideW() - w.padLeft();
          int x0 = RefPooling.start(inX0);
          int x1 = RefPooling.end(inX0, w.filterW(), w.inW());
          Arrays.fill(acc, c0, c1, max ? -Float.MAX_VALUE : 0f);
          for (int fy = y0; fy < y1; fy++) {
            for (int fx = x0; fx < x1; fx++) {
              int base = ((b * w.inH() + inY0 + fy) * w.inW() + inX0 + fx) * c;
              if (max) {
                for (int ch = c0; ch < c1; ch++) {
                  float v = input[base + ch];
                  acc[ch] = acc[ch] < v ? v : acc[ch];
                }
              } else {
                for (int ch = c0; ch < c1; ch++) {
                  acc[ch] += input[base + ch];
                }
              }
            }
          }
          int count = (y1 - y0) * (x1 - x0);
          for (int ch = c0; ch < c1; ch++) {
            output[o + ch] = activation.apply(max ? acc[ch] : acc[ch] / count);
          }
          o += c;
        }
      }
    }
  }

  static final class Int8Op extends Pool<byte[]> {
    private final int min;
    private final int maxValue;

    Int8Op(PoolOptions options, Quant quant, boolean max) {
      super(options, max);
      this.min = options.activation().quantizedMin(quant);
      this.maxValue = options.activation().quantizedMax(quant);
    }

    @Override
    void run(
        byte[] input, Window w, byte[] output, Scratch scratch, int r0, int r1, int c0, int c1) {
      final int c = w.channels();
      Shapes.checkLength("input", w.inputSize(), input.length);
      Shapes.checkLength("output", w.outputPixels() * c, output.length);
      int[] acc = scratch.ints(0, c);
      for (int row = r0; row < r1; row++) {
        int b = row / w.outH();
        int oy = row % w.outH();
        int o = row * w.outW() * c;
        int inY0 = oy * w.strideH() - w.padTop();
        int y0 = RefPooling.start(inY0);
        int y1 = RefPooling.end(inY0, w.filterH(), w.inH());
        for (int ox = 0; ox < w.outW(); ox++) {
          int inX0 = ox * w.strideW() - w.padLeft();
          int x0 = RefPooling.start(inX0);
          int x1 = RefPooling.end(inX0, w.filterW(), w.inW());
          Arrays.fill(acc, c0, c1, max ? -128 : 0);
          for (int fy = y0; fy < y1; fy++) {
            for (int fx = x0; fx < x1; fx++) {
              int base = ((b * w.inH() + inY0 + fy) * w.inW() + inX0 + fx) * c;
              if (max) {
                for (int ch = c0; ch < c1; ch++) {
                  acc[ch] = Math.max(acc[ch], input[base + ch]);
                }
              } else {
                for (int ch = c0; ch < c1; ch++) {
                  acc[ch] += input[base + ch];
                }
              }
            }
          }
          int count = (y1 - y0) * (x1 - x0);
          for (int ch = c0; ch < c1; ch++) {
            int v = max ? acc[ch] : RefPooling.roundedAverage(acc[ch], count);
            output[o + ch] = (byte) Math.min(maxValue, Math.max(min, v));
          }
          o += c;
        }
      }
    }
  }
}
