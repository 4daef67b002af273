package io.edgeinfer.lite.kernels;

/**
 * SOFTMAX, fast. Float: each exponential is computed once (the reference computes it twice) and
 * kept in the output until the sum is known. Int8: the 256 possible {@code exp(-inputScale * beta *
 * d)} are tabulated at load, as TFLite's kernel does, with the reference's own expression.
 */
final class FastSoftmax {
  private FastSoftmax() {}

  static final class FloatOp implements UnaryOp<float[], float[]> {
    private final float beta;

    FloatOp(float beta) {
      this.beta = beta;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      RefSoftmax.depth(inputShape);
      return inputShape.clone();
    }

    @Override
    public void run(float[] input, int[] inputShape, float[] output, Scratch scratch) {
      int depth = RefSoftmax.depth(inputShape);
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
          float e = (float) Math.exp((input[row + c] - max) * beta);
          output[row + c] = e;
          sum += e;
        }
        for (int c = 0; c < depth; c++) {
          output[row + c] = output[row + c] / sum;
        }
      }
    }
  }

  static final class Int8Op implements UnaryOp<byte[], byte[]> {
    private final float[] exp = new float[256]; // by distance from the row maximum
    private final Quant output;

    Int8Op(float beta, Quant input, Quant output) {
      for (int d = 0; d < 256; d++) {
        exp[d] = RefSoftmax.expOfDistance(input.scale(), beta, d);
      }
      this.output = output;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      RefSoftmax.depth(inputShape);
      return inputShape.clone();
    }

    @Override
    public void run(byte[] input, int[] inputShape, byte[] out, Scratch scratch) {
      int depth = RefSoftmax.depth(inputShape);
      int size = Shapes.size(inputShape);
      Shapes.checkLength("input", size, input.length);
      Shapes.checkLength("output", size, out.length);
      int zeroPoint = output.zeroPoint();
      for (int row = 0; row < size; row += depth) {
        int max = -128;
        for (int c = 0; c < depth; c++) {
          max = Math.max(max, input[row + c]);
        }
        float sum = 0f;
        for (int c = 0; c < depth; c++) {
          sum += exp[max - input[row + c]];
        }
        float inverse = 1f / (sum * output.scale());
        for (int c = 0; c < depth; c++) {
          float rescaled = exp[max - input[row + c]] * inverse;
          int q = (int) Quantization.round(rescaled) + zeroPoint;
          out[row + c] = (byte) Math.max(-128, Math.min(127, q));
        }
      }
    }
  }
}
