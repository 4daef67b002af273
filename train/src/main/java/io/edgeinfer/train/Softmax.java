package io.edgeinfer.train;

/** Softmax and argmax over rows of logits, in Java, for metrics on what the graph returned. */
final class Softmax {
  private Softmax() {}

  static float[][] rows(float[][] logits) {
    float[][] probabilities = new float[logits.length][];
    for (int r = 0; r < logits.length; r++) {
      float max = Float.NEGATIVE_INFINITY;
      for (float v : logits[r]) {
        max = Math.max(max, v);
      }
      double sum = 0;
      float[] row = new float[logits[r].length];
      for (int c = 0; c < row.length; c++) {
        row[c] = (float) Math.exp(logits[r][c] - max);
        sum += row[c];
      }
      for (int c = 0; c < row.length; c++) {
        row[c] = (float) (row[c] / sum);
      }
      probabilities[r] = row;
    }
    return probabilities;
  }

  static int argmax(float[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }

  static int[] argmax(float[][] rows) {
    int[] ids = new int[rows.length];
    for (int r = 0; r < rows.length; r++) {
      ids[r] = argmax(rows[r]);
    }
    return ids;
  }
}
