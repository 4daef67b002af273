package io.edgeinfer.lite.kernels;

/**
 * Walks a broadcast result in order and gives, for each element, the flat index of the element of
 * every operand that feeds it (NumPy broadcasting, as TFLite's {@code Broadcast*Slow} kernels).
 */
public final class Broadcast {
  private Broadcast() {}

  /** Receives one output element's index and its operands' indices. */
  @FunctionalInterface
  public interface Visitor {
    void visit(int out, int[] operands);
  }

  /** The shape of broadcasting every operand together. */
  public static int[] shape(int[]... operands) {
    int[] out = new int[0];
    for (int[] s : operands) {
      out = Shapes.broadcast(out, s);
    }
    return out;
  }

  /** Visits every element of {@code out}, the broadcast of {@code operands}. */
  public static void forEach(int[] out, int[][] operands, Visitor visitor) {
    int rank = out.length;
    int n = operands.length;
    int[][] strides = new int[n][rank];
    for (int k = 0; k < n; k++) {
      int[] s = operands[k];
      int stride = 1;
      for (int d = rank - 1; d >= 0; d--) {
        int i = d - (rank - s.length);
        int size = i >= 0 ? s[i] : 1;
        strides[k][d] = size == 1 ? 0 : stride;
        stride *= size;
      }
    }
    int total = Shapes.size(out);
    int[] index = new int[rank];
    int[] at = new int[n];
    for (int o = 0; o < total; o++) {
      visitor.visit(o, at);
      for (int d = rank - 1; d >= 0; d--) {
        index[d]++;
        for (int k = 0; k < n; k++) {
          at[k] += strides[k][d];
        }
        if (index[d] < out[d]) {
          break;
        }
        for (int k = 0; k < n; k++) {
          at[k] -= strides[k][d] * out[d];
        }
        index[d] = 0;
      }
    }
  }
}
