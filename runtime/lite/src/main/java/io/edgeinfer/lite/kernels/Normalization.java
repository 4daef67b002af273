package io.edgeinfer.lite.kernels;

/**
 * Float32 ops over the last dimension and PRELU, as TFLite's reference kernels compute them:
 * L2_NORMALIZATION (x / max(sqrt(sum x^2), 1e-6)), LOG_SOFTMAX (x - max - log(sum exp(x - max))).
 */
public final class Normalization {
  private Normalization() {}

  public static void l2(float[] in, float[] out, int size, int depth) {
    for (int row = 0; row + depth <= size && depth > 0; row += depth) {
      float squares = 0;
      for (int c = 0; c < depth; c++) {
        squares += in[row + c] * in[row + c];
      }
      float norm = Math.max((float) Math.sqrt(squares), 1e-6f);
      for (int c = 0; c < depth; c++) {
        out[row + c] = in[row + c] / norm;
      }
    }
  }

  public static void logSoftmax(float[] in, float[] out, int size, int depth) {
    for (int row = 0; row + depth <= size && depth > 0; row += depth) {
      float max = -Float.MAX_VALUE;
      for (int c = 0; c < depth; c++) {
        max = Math.max(max, in[row + c]);
      }
      float sum = 0;
      for (int c = 0; c < depth; c++) {
        sum += (float) Math.exp(in[row + c] - max);
      }
      float logSum = (float) Math.log(sum);
      for (int c = 0; c < depth; c++) {
        out[row + c] = in[row + c] - max - logSum;
      }
    }
  }

  /** PRELU: x where x >= 0, else alpha * x, alpha broadcast against x. */
  public static void prelu(float[] x, int[] sx, float[] alpha, int[] sa, float[] out, int[] so) {
    Broadcast.forEach(
        so,
        new int[][] {sx, sa},
        (o, at) -> {
          float v = x[at[0]];
          out[o] = v >= 0 ? v : v * alpha[at[1]];
        });
  }
}
