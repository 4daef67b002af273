package io.edgeinfer.lite.kernels;

/**
 * REDUCE_MAX and SUM over constant axes: float32 (SUM accumulates in float, in input order, as
 * TFLite's reference reduction), REDUCE_MAX also on int8/uint8 raw values (same quantization in and
 * out), int32 and int64.
 */
public final class Reduction {
  private final boolean max;
  private final int[] axes;
  private final boolean keepDims;

  public Reduction(boolean max, int[] axes, boolean keepDims) {
    this.max = max;
    this.axes = axes.clone();
    this.keepDims = keepDims;
  }

  public int[] outputShape(int[] shape) {
    return Shapes.reduce(shape, axes, keepDims);
  }

  /** Runs on float[], byte[], int[] or long[] arrays of one kind. */
  public void run(Object in, int[] shape, Object out) {
    int reduced = Shapes.reducedAxes(shape.length, axes);
    int[] outShape = Shapes.reduce(shape, axes, true);
    int outSize = Shapes.size(outShape);
    boolean[] seen = new boolean[outSize];
    int[] inner = Shapes.reduce(shape, new int[0], true);
    int size = Shapes.size(inner);
    int[] index = new int[shape.length];
    int[] outStrides = new int[shape.length];
    int stride = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
      outStrides[d] = (reduced & (1 << d)) != 0 ? 0 : stride;
      stride *= outShape[d];
    }
    int o = 0;
    for (int i = 0; i < size; i++) {
      combine(in, i, out, o, !seen[o]);
      seen[o] = true;
      for (int d = shape.length - 1; d >= 0; d--) {
        index[d]++;
        o += outStrides[d];
        if (index[d] < shape[d]) {
          break;
        }
        o -= outStrides[d] * shape[d];
        index[d] = 0;
      }
    }
    if (!max && out instanceof float[] f) {
      for (int k = 0; k < outSize; k++) {
        if (!seen[k]) {
          f[k] = 0;
        }
      }
    }
  }

  /**
   * An int8 (or held uint8) SUM as TFLite's {@code QuantizedMeanOrSum}: the int32 sum less {@code
   * zeroPoint * count}, rescaled by input scale / output scale, plus the output zero point.
   *
   * @param values scratch of at least the input's size
   * @param sums scratch of at least the output's size
   */
  public void runQuantizedSum(
      byte[] in, int[] shape, byte[] out, int[] values, int[] sums, Quant qin, Quant qout) {
    int size = Shapes.size(shape);
    for (int i = 0; i < size; i++) {
      values[i] = in[i];
    }
    new Reduction(false, axes, keepDims).run(values, shape, sums);
    int count = size / Math.max(1, Shapes.size(outputShape(shape)));
    Quantization.Multiplier m =
        Quantization.quantizeMultiplier((double) qin.scale() / (double) qout.scale());
    int outSize = Shapes.size(outputShape(shape));
    for (int o = 0; o < outSize; o++) {
      int shifted = sums[o] - qin.zeroPoint() * count;
      int value = Quantization.multiplyByQuantizedMultiplier(shifted, m) + qout.zeroPoint();
      out[o] = (byte) Math.max(-128, Math.min(127, value));
    }
  }

  private void combine(Object in, int i, Object out, int o, boolean first) {
    if (in instanceof float[] a) {
      float[] b = (float[]) out;
      b[o] = first ? a[i] : max ? Math.max(b[o], a[i]) : b[o] + a[i];
    } else if (in instanceof byte[] a) {
      byte[] b = (byte[]) out;
      b[o] = first ? a[i] : (byte) Math.max(b[o], a[i]);
    } else if (in instanceof int[] a) {
      int[] b = (int[]) out;
      b[o] = first ? a[i] : max ? Math.max(b[o], a[i]) : b[o] + a[i];
    } else {
      long[] a = (long[]) in;
      long[] b = (long[]) out;
      b[o] = first ? a[i] : max ? Math.max(b[o], a[i]) : b[o] + a[i];
    }
  }
}
