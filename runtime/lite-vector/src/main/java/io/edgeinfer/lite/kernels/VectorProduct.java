package io.edgeinfer.lite.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product step of {@link FastConv2d} in SIMD: four output channels at a time share each load of
 * a patch row, the sums stay in registers across every tap (in tap order, fused multiply-add), one
 * store per channel and lane block. Output pixels beyond the last full lane block are summed in
 * scalar code.
 */
final class VectorProduct {
  private VectorProduct() {}

  // Species as static final constants: anything else defeats C2's intrinsics (kernels.md).
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

  static void multiply(
      float[][] weights, float[][] patches, int taps, int outC, int n, float[][] acc) {
    int lanes = S.length();
    int bound = S.loopBound(n);
    int oc = 0;
    for (; oc + 4 <= outC; oc += 4) {
      float[] u0 = weights[oc];
      float[] u1 = weights[oc + 1];
      float[] u2 = weights[oc + 2];
      float[] u3 = weights[oc + 3];
      for (int p = 0; p < bound; p += lanes) {
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = FloatVector.zero(S);
        FloatVector a2 = FloatVector.zero(S);
        FloatVector a3 = FloatVector.zero(S);
        for (int k = 0; k < taps; k++) {
          FloatVector x = FloatVector.fromArray(S, patches[k], p);
          a0 = x.fma(FloatVector.broadcast(S, u0[k]), a0);
          a1 = x.fma(FloatVector.broadcast(S, u1[k]), a1);
          a2 = x.fma(FloatVector.broadcast(S, u2[k]), a2);
          a3 = x.fma(FloatVector.broadcast(S, u3[k]), a3);
        }
        a0.intoArray(acc[oc], p);
        a1.intoArray(acc[oc + 1], p);
        a2.intoArray(acc[oc + 2], p);
        a3.intoArray(acc[oc + 3], p);
      }
    }
    for (; oc < outC; oc++) {
      float[] u = weights[oc];
      for (int p = 0; p < bound; p += lanes) {
        FloatVector a = FloatVector.zero(S);
        for (int k = 0; k < taps; k++) {
          a = FloatVector.fromArray(S, patches[k], p).fma(FloatVector.broadcast(S, u[k]), a);
        }
        a.intoArray(acc[oc], p);
      }
    }
    for (int c = 0; c < outC; c++) {
      float[] u = weights[c];
      float[] a = acc[c];
      for (int p = bound; p < n; p++) {
        float sum = 0f;
        for (int k = 0; k < taps; k++) {
          sum += u[k] * patches[k][p];
        }
        a[p] = sum;
      }
    }
  }
}
