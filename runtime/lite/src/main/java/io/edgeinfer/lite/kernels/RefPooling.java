package io.edgeinfer.lite.kernels;

/**
 * The reference AVERAGE_POOL_2D and MAX_POOL_2D: for each output element, the taps of the window
 * that lie inside the input, rows then columns. Int8 averages round half away from zero; the result
 * is clamped to the fused activation's range.
 */
final class RefPooling {
  private RefPooling() {}

  /** The first filter row (or column) inside the input for a window origin. */
  static int start(int origin) {
    return Math.max(0, -origin);
  }

  /** One past the last filter row (or column) inside the input. */
  static int end(int origin, int filter, int inputSize) {
    return Math.min(filter, inputSize - origin);
  }

  static final class FloatOp implements UnaryOp<float[], float[]> {
    private final PoolOptions options;
    private final boolean max;

    FloatOp(PoolOptions options, boolean max) {
      this.options = options;
      this.max = max;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      Window w = Window.of(inputShape, options);
      return w.outputShape(w.channels());
    }

    @Override
    public void run(float[] input, int[] inputShape, float[] output, Scratch scratch) {
      Window w = Window.of(inputShape, options);
      int c = w.channels();
      Shapes.checkLength("input", w.inputSize(), input.length);
      Shapes.checkLength("output", w.outputPixels() * c, output.length);
      Activation activation = options.activation();
      for (int b = 0; b < w.batch(); b++) {
        for (int oy = 0; oy < w.outH(); oy++) {
          for (int ox = 0; ox < w.outW(); ox++) {
            for (int ch = 0; ch < c; ch++) {
              int inY0 = oy * w.strideH() - w.padTop();
              int inX0 = ox * w.strideW() - w.padLeft();
              float total = 0f;
              float maximum = -Float.MAX_VALUE;
              int count = 0;
              for (int fy = start(inY0); fy < end(inY0, w.filterH(), w.inH()); fy++) {
                for (int fx = start(inX0); fx < end(inX0, w.filterW(), w.inW()); fx++) {
                  float x = input[((b * w.inH() + inY0 + fy) * w.inW() + inX0 + fx) * c + ch];
                  total += x;
                  maximum = maximum < x ? x : maximum; // std::max
                  count++;
                }
              }
              float value = max ? maximum : total / count;
              output[((b * w.outH() + oy) * w.outW() + ox) * c + ch] = activation.apply(value);
            }
          }
        }
      }
    }
  }

  static final class Int8Op implements UnaryOp<byte[], byte[]> {
    private final PoolOptions options;
    private final boolean max;
    private final int min;
    private final int maxValue;
    private final boolean unsigned;

    Int8Op(PoolOptions options, Quant quant, boolean max) {
      this(options, quant, max, false);
    }

    /** {@code unsigned}: uint8 values held as int8, averaged as TFLite averages uint8 ones. */
    Int8Op(PoolOptions options, Quant quant, boolean max, boolean unsigned) {
      this.options = options;
      this.unsigned = unsigned;
      this.max = max;
      this.min = options.activation().quantizedMin(quant);
      this.maxValue = options.activation().quantizedMax(quant);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      Window w = Window.of(inputShape, options);
      return w.outputShape(w.channels());
    }

    @Override
    public void run(byte[] input, int[] inputShape, byte[] output, Scratch scratch) {
      Window w = Window.of(inputShape, options);
      int c = w.channels();
      Shapes.checkLength("input", w.inputSize(), input.length);
      Shapes.checkLength("output", w.outputPixels() * c, output.length);
      for (int b = 0; b < w.batch(); b++) {
        for (int oy = 0; oy < w.outH(); oy++) {
          for (int ox = 0; ox < w.outW(); ox++) {
            for (int ch = 0; ch < c; ch++) {
              int inY0 = oy * w.strideH() - w.padTop();
              int inX0 = ox * w.strideW() - w.padLeft();
              int total = 0;
              int maximum = -128;
              int count = 0;
              for (int fy = start(inY0); fy < end(inY0, w.filterH(), w.inH()); fy++) {
                for (int fx = start(inX0); fx < end(inX0, w.filterW(), w.inW()); fx++) {
                  int x = input[((b * w.inH() + inY0 + fy) * w.inW() + inX0 + fx) * c + ch];
                  total += x;
                  maximum = Math.max(maximum, x);
                  count++;
                }
              }
              int value =
                  max
                      ? maximum
                      : unsigned
                          ? roundedAverage(total + 128 * count, count) - 128
                          : roundedAverage(total, count);
              value = Math.min(maxValue, Math.max(min, value));
              output[((b * w.outH() + oy) * w.outW() + ox) * c + ch] = (byte) value;
            }
          }
        }
      }
    }
  }

  /** {@code total / count} rounded half away from zero, in integers as TFLite does. */
  static int roundedAverage(int total, int count) {
    return total > 0 ? (total + count / 2) / count : (total - count / 2) / count;
  }
}
