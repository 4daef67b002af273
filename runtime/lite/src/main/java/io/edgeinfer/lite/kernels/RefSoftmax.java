package io.edgeinfer.lite.kernels;

/**
 * The reference SOFTMAX over the last axis. Float: {@code exp((x - max) * beta) / sum}. Int8:
 * TFLite's default int8 kernel, which works in float: {@code e(d) = exp(-inputScale * beta * d)}
 * for the distance {@code d = max - q} of each element from its row's maximum, a float sum in row
 * order, then {@code round(e(d) * (1 / (sum * outputScale))) + zeroPoint}, clamped.
 */
final class RefSoftmax {
  private RefSoftmax() {}

  /** The length of the last axis, over which the softmax runs. */
  static int depth(int[] inputShape) {
    if (inputShape.length < 1) {
      throw new IllegalArgumentException("expected a rank of at least 1, found a scalar");
    }
    return inputShape[inputShape.length - 1];
  }

  /** {@code exp(-inputScale * beta * d)}, computed as TFLite fills its table (all in float). */
  static float expOfDistance(float inputScale, float beta, int d) {
    float scale = -inputScale * beta;
    return (float) Math.exp(scale * d);
  }

  static final class FloatOp implements UnaryOp<float[], float[]> {
    private final float beta;

    FloatOp(float beta) {
      this.beta = beta;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      depth(inputShape);
      return inputShape.clone();
    }

    @Override
    public void run(float[] input, int[] inputShape, float[] output, Scratch scratch) {
      int depth = depth(inputShape);
      int size = Shapes.size(inputShape);
      Shapes.checkLength("input", size, input.length);
      Shapes.checkLength("output", size, output.length);
      for (int row = 0; row < size; row += depth) {
        float max = -Float.MAX_VALUE;
        for (int c = 0; c < depth; c++) {
          max = max < input[row + c] ? input[row + c] : max;
        }
        float sum = 0f;
        for (int c = 0; c < depth; c++) {
          sum += (float) Math.exp((input[row + c] - max) * beta);
        }
        for (int c = 0; c < depth; c++) {
          output[row + c] = (float) Math.exp((input[row + c] - max) * beta) / sum;
        }
      }
    }
  }

  static final class Int8Op implements UnaryOp<byte[], byte[]> {
    private final float beta;
    private final float inputScale;
    private final Quant output;

    Int8Op(float beta, Quant input, Quant output) {
      this.beta = beta;
      this.inputScale = input.scale();
      this.output = output;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      depth(inputShape);
      return inputShape.clone();
    }

    @Override
    public void run(byte[] input, int[] inputShape, byte[] out, Scratch scratch) {
      int depth = depth(inputShape);
      int size = Shapes.size(inputShape);
      Shapes.checkLength("input", size, input.length);
      Shapes.checkLength("output", size, out.length);
      for (int row = 0; row < size; row += depth) {
        int max = -128;
        for (int c = 0; c < depth; c++) {
          max = Math.max(max, input[row + c]);
        }
        float sum = 0f;
        for (int c = 0; c < depth; c++) {
          sum += expOfDistance(inputScale, beta, max - input[row + c]);
        }
        float inverse = 1f / (sum * output.scale());
        for (int c = 0; c < depth; c++) {
          float rescaled = expOfDistance(inputScale, beta, max - input[row + c]) * inverse;
          int q = (int) Quantization.round(rescaled) + output.zeroPoint();
          out[row + c] = (byte) Math.max(-128, Math.min(127, q));
        }
      }
    }
  }
}
