package io.edgeinfer.lite.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The matrix product under every vector convolution: {@code c[r][o] = clamp(sum over i of a[r][i] *
 * w[o][i] + bias[o], lo, hi)}, rows {@code r} being output pixels (NHWC input rows for a 1x1
 * convolution, patch rows otherwise) and {@code o} output channels.
 *
 * <p>Weights are packed once at load into panels of one vector's width ({@link #pack}: {@code [o /
 * L][i][o % L]}, zero-padded), so that each step of the inner loop loads two weight vectors,
 * broadcasts four input values and issues eight fused multiply-adds into eight accumulators kept in
 * registers (separate locals: a {@code Vector[]} would spill and allocate). Bias and clamp are the
 * epilogue. Each output sums its inputs in order from zero, as the reference does, with fused
 * multiply-adds (so float results differ from it by rounding only; integers held in float are exact
 * while every partial sum stays within 2^24).
 */
final class VectorGemm {
  private VectorGemm() {}

  // Species as static final constants: anything else defeats C2's intrinsics (kernels.md).
  static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  /** Floats per vector. */
  static final int L = S.length();

  /** {@code n} rounded up to whole vectors. */
  static int padded(int n) {
    return (n + L - 1) / L * L;
  }

  /** Packs {@code [n][k]} row-major weights into panels {@code [n / L][k][L]}, zero-padded. */
  static float[] pack(float[] w, int n, int k) {
    float[] p = new float[padded(n) * k];
    for (int o = 0; o < n; o++) {
      int panel = o / L;
      int lane = o % L;
      for (int i = 0; i < k; i++) {
        p[(panel * k + i) * L + lane] = w[o * k + i];
      }
    }
    return p;
  }

  /** A copy of {@code v} (of at least {@code n} elements) padded with zeros to whole vectors. */
  static float[] padTo(float[] v, int n) {
    float[] p = new float[padded(n)];
    System.arraycopy(v, 0, p, 0, n);
    return p;
  }

  /**
   * {@code c[cOff + r * ldc + o] = clamp(sum over i < kLen of a[aOff + r * lda + i] * w[o][k0 + i]
   * + bias[o])} for {@code r < rows} and {@code o < n} rounded up to whole vectors: the padding
   * columns get garbage, so {@code ldc} and {@code c} must leave room for them (a row of the
   * kernels' padded scratch does). {@code w} is packed by {@link #pack} with {@code k} inputs per
   * output, {@code bias} padded to whole vectors. Only full vectors are stored: a partial store
   * through a helper method allocated a vector per call on Java 17 and 25 (measured).
   */
  static void multiply(
      float[] a,
      int aOff,
      int lda,
      int rows,
      float[] w,
      int k,
      int k0,
      int kLen,
      int n,
      float[] bias,
      float lo,
      float hi,
      float[] c,
      int cOff,
      int ldc) {
    multiply(a, aOff, lda, rows, w, k, k0, kLen, 0, (n + L - 1) / L, bias, lo, hi, c, cOff, ldc);
  }

  /**
   * {@link #multiply(float[], int, int, int, float[], int, int, int, int, float[], float, float,
   * float[], int, int)} for the output channels of panels {@code [panelFrom, panelTo)} only (panel
   * {@code j} holds channels {@code j * L} to {@code j * L + L}): a classifier on one pixel splits
   * its channels over threads this way. Each output is computed as in a whole run.
   */
  static void multiply(
      float[] a,
      int aOff,
      int lda,
      int rows,
      float[] w,
      int k,
      int k0,
      int kLen,
      int panelFrom,
      int panelTo,
      float[] bias,
      float lo,
      float hi,
      float[] c,
      int cOff,
      int ldc) {
    int panels = panelTo;
    int panelSize = k * L;
    int j = panelFrom;
    if (rows < 4) {
      // No 4-row tile: a classifier on one pixel. Four panels a row keep four chains of adds in
      // flight where two left the multiply-add unit waiting on its own latency.
      for (; j + 4 <= panels; j += 4) {
        int w0 = j * panelSize + k0 * L;
        for (int r = 0; r < rows; r++) {
          tile1x4(
              a, aOff + r * lda, w, w0, panelSize, kLen, bias, j * L, lo, hi, c, cOff + r * ldc);
        }
      }
    }
    for (; j + 2 <= panels; j += 2) {
      int w0 = j * panelSize + k0 * L;
      int o = j * L;
      int r = 0;
      for (; r + 4 <= rows; r += 4) {
        tile4x2(
            a,
            aOff + r * lda,
            lda,
            w,
            w0,
            w0 + panelSize,
            kLen,
            bias,
            o,
            lo,
            hi,
            c,
            cOff + r * ldc + o,
            ldc);
      }
      for (; r < rows; r++) {
        tile1x2(
            a, aOff + r * lda, w, w0, w0 + panelSize, kLen, bias, o, lo, hi, c, cOff + r * ldc + o);
      }
    }
    if (j < panels) {
      int w0 = j * panelSize + k0 * L;
      int o = j * L;
      int r = 0;
      for (; r + 4 <= rows; r += 4) {
        tile4x1(a, aOff + r * lda, lda, w, w0, kLen, bias, o, lo, hi, c, cOff + r * ldc + o, ldc);
      }
      for (; r < rows; r++) {
        tile1x1(a, aOff + r * lda, w, w0, kLen, bias, o, lo, hi, c, cOff + r * ldc + o);
      }
    }
  }

  private static void tile4x2(
      float[] a,
      int a0,
      int lda,
      float[] w,
      int w0,
      int w1,
      int kLen,
      float[] bias,
      int o,
      float lo,
      float hi,
      float[] c,
      int c0,
      int ldc) {
    FloatVector s00 = FloatVector.zero(S);
    FloatVector s01 = FloatVector.zero(S);
    FloatVector s10 = FloatVector.zero(S);
    FloatVector s11 = FloatVector.zero(S);
    FloatVector s20 = FloatVector.zero(S);
    FloatVector s21 = FloatVector.zero(S);
    FloatVector s30 = FloatVector.zero(S);
    FloatVector s31 = FloatVector.zero(S);
    int a1 = a0 + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    for (int i = 0; i < kLen; i++) {
      FloatVector u = FloatVector.fromArray(S, w, w0 + i * L);
      FloatVector v = FloatVector.fromArray(S, w, w1 + i * L);
      FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
      s00 = u.fma(x, s00);
      s01 = v.fma(x, s01);
      x = FloatVector.broadcast(S, a[a1 + i]);
      s10 = u.fma(x, s10);
      s11 = v.fma(x, s11);
      x = FloatVector.broadcast(S, a[a2 + i]);
      s20 = u.fma(x, s20);
      s21 = v.fma(x, s21);
      x = FloatVector.broadcast(S, a[a3 + i]);
      s30 = u.fma(x, s30);
      s31 = v.fma(x, s31);
    }
    FloatVector b0 = FloatVector.fromArray(S, bias, o);
    FloatVector b1 = FloatVector.fromArray(S, bias, o + L);
    s00.add(b0).max(lo).min(hi).intoArray(c, c0);
    s01.add(b1).max(lo).min(hi).intoArray(c, c0 + L);
    s10.add(b0).max(lo).min(hi).intoArray(c, c0 + ldc);
    s11.add(b1).max(lo).min(hi).intoArray(c, c0 + ldc + L);
    s20.add(b0).max(lo).min(hi).intoArray(c, c0 + 2 * ldc);
    s21.add(b1).max(lo).min(hi).intoArray(c, c0 + 2 * ldc + L);
    s30.add(b0).max(lo).min(hi).intoArray(c, c0 + 3 * ldc);
    s31.add(b1).max(lo).min(hi).intoArray(c, c0 + 3 * ldc + L);
  }

  private static void tile1x2(
      float[] a,
      int a0,
      float[] w,
      int w0,
      int w1,
      int kLen,
      float[] bias,
      int o,
      float lo,
      float hi,
      float[] c,
      int c0) {
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = FloatVector.zero(S);
    for (int i = 0; i < kLen; i++) {
      FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
      s0 = FloatVector.fromArray(S, w, w0 + i * L).fma(x, s0);
      s1 = FloatVector.fromArray(S, w, w1 + i * L).fma(x, s1);
    }
    s0.add(FloatVector.fromArray(S, bias, o)).max(lo).min(hi).intoArray(c, c0);
    s1.add(FloatVector.fromArray(S, bias, o + L)).max(lo).min(hi).intoArray(c, c0 + L);
  }

  /** One row, panels {@code w0, w0 + panelSize, ...} (four), outputs from {@code c[c0 + o]}. */
  private static void tile1x4(
      float[] a,
      int a0,
      float[] w,
      int w0,
      int panelSize,
      int kLen,
      float[] bias,
      int o,
      float lo,
      float hi,
      float[] c,
      int c0) {
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = FloatVector.zero(S);
    FloatVector s2 = FloatVector.zero(S);
    FloatVector s3 = FloatVector.zero(S);
    int w1 = w0 + panelSize;
    int w2 = w1 + panelSize;
    int w3 = w2 + panelSize;
    for (int i = 0; i < kLen; i++) {
      FloatVector x = FloatVector.broadcast(S, a[a0 + i]);
      s0 = FloatVector.fromArray(S, w, w0 + i * L).fma(x, s0);
      s1 = FloatVector.fromArray(S, w, w1 + i * L).fma(x, s1);
      s2 = FloatVector.fromArray(S, w, w2 + i * L).fma(x, s2);
      s3 = FloatVector.fromArray(S, w, w3 + i * L).fma(x, s3);
    }
    s0.add(FloatVector.fromArray(S, bias, o)).max(lo).min(hi).intoArray(c, c0 + o);
    s1.add(FloatVector.fromArray(S, bias, o + L)).max(lo).min(hi).intoArray(c, c0 + o + L);
    s2.add(FloatVector.fromArray(S, bias, o + 2 * L)).max(lo).min(hi).intoArray(c, c0 + o + 2 * L);
    s3.add(FloatVector.fromArray(S, bias, o + 3 * L)).max(lo).min(hi).intoArray(c, c0 + o + 3 * L);
  }

  private static void tile4x1(
      float[] a,
      int a0,
      int lda,
      float[] w,
      int w0,
      int kLen,
      float[] bias,
      int o,
      float lo,
      float hi,
      float[] c,
      int c0,
      int ldc) {
    FloatVector s0 = FloatVector.zero(S);
    FloatVector s1 = FloatVector.zero(S);
    FloatVector s2 = FloatVector.zero(S);
    FloatVector s3 = FloatVector.zero(S);
    int a1 = a0 + lda;
    int a2 = a1 + lda;
    int a3 = a2 + lda;
    for (int i = 0; i < kLen; i++) {
      FloatVector u = FloatVector.fromArray(S, w, w0 + i * L);
      s0 = u.fma(FloatVector.broadcast(S, a[a0 + i]), s0);
      s1 = u.fma(FloatVector.broadcast(S, a[a1 + i]), s1);
      s2 = u.fma(FloatVector.broadcast(S, a[a2 + i]), s2);
      s3 = u.fma(FloatVector.broadcast(S, a[a3 + i]), s3);
    }
    FloatVector b = FloatVector.fromArray(S, bias, o);
    s0.add(b).max(lo).min(hi).intoArray(c, c0);
    s1.add(b).max(lo).min(hi).intoArray(c, c0 + ldc);
    s2.add(b).max(lo).min(hi).intoArray(c, c0 + 2 * ldc);
    s3.add(b).max(lo).min(hi).intoArray(c, c0 + 3 * ldc);
  }

  private static void tile1x1(
      float[] a,
      int a0,
      float[] w,
      int w0,
      int kLen,
      float[] bias,
      int o,
      float lo,
      float hi,
      float[] c,
      int c0) {
    FloatVector s = FloatVector.zero(S);
    for (int i = 0; i < kLen; i++) {
      s = FloatVector.fromArray(S, w, w0 + i * L).fma(FloatVector.broadcast(S, a[a0 + i]), s);
    }
    s.add(FloatVector.fromArray(S, bias, o)).max(lo).min(hi).intoArray(c, c0);
  }
}
