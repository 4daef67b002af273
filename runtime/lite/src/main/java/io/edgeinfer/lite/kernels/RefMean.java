package io.edgeinfer.lite.kernels;

import java.util.Arrays;

/**
 * The reference MEAN: a sum over the reduced axes in input order, then a division (float), or
 * TFLite's integer mean (int8): the int32 sum less {@code zeroPoint * count}, rescaled by the
 * multiplier of {@code inputScale / outputScale} with {@code 1 / count} folded into it (its
 * significand shifted left by {@code floor(log2(count))}, at most 32 and at most {@code 31 +
 * shift}, then divided by the count).
 */
final class RefMean {
  private RefMean() {}

  /** The flat output index of a flat input index; {@code reduced} is a bit mask of axes. */
  static int outputIndex(int inputIndex, int[] shape, int reduced) {
    int outIndex = 0;
    int outStride = 1;
    int rest = inputIndex;
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      int coordinate = rest % shape[axis];
      rest /= shape[axis];
      if ((reduced & (1 << axis)) == 0) {
        outIndex += coordinate * outStride;
        outStride *= shape[axis];
      }
    }
    return outIndex;
  }

  /** The number of input elements each output averages. */
  static int reducedCount(int[] shape, int reduced) {
    int count = 1;
    for (int axis = 0; axis < shape.length; axis++) {
      count *= (reduced & (1 << axis)) != 0 ? shape[axis] : 1;
    }
    return count;
  }

  /** The number of outputs. */
  static int keptCount(int[] shape, int reduced) {
    int count = 1;
    for (int axis = 0; axis < shape.length; axis++) {
      count *= (reduced & (1 << axis)) != 0 ? 1 : shape[axis];
    }
    return count;
  }

  static final class FloatOp implements UnaryOp<float[], float[]> {
    private final int[] axes;
    private final boolean keepDims;

    FloatOp(int[] axes, boolean keepDims) {
      this.axes = axes.clone();
      this.keepDims = keepDims;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return Shapes.reduce(inputShape, axes, keepDims);
    }

    @Override
    public void run(float[] input, int[] inputShape, float[] output, Scratch scratch) {
      int reduced = Shapes.reducedAxes(inputShape.length, axes);
      int size = Shapes.size(inputShape);
      int count = reducedCount(inputShape, reduced);
      int outputs = keptCount(inputShape, reduced);
      Shapes.checkLength("input", size, input.length);
      Shapes.checkLength("output", outputs, output.length);
      float[] sums = scratch.floats(0, outputs);
      Arrays.fill(sums, 0, outputs, 0f);
      for (int i = 0; i < size; i++) {
        sums[outputIndex(i, inputShape, reduced)] += input[i];
      }
      for (int o = 0; o < outputs; o++) {
        output[o] = sums[o] / count;
      }
    }
  }

  static final class Int8Op implements UnaryOp<byte[], byte[]> {
    private final int[] axes;
    private final boolean keepDims;
    final int inputZeroPoint;
    final int outputZeroPoint;
    final Quantization.Multiplier multiplier;

    Int8Op(int[] axes, boolean keepDims, Quant input, Quant output) {
      this.axes = axes.clone();
      this.keepDims = keepDims;
      this.inputZeroPoint = input.zeroPoint();
      this.outputZeroPoint = output.zeroPoint();
      this.multiplier =
          Quantization.quantizeMultiplier((double) input.scale() / (double) output.scale());
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return Shapes.reduce(inputShape, axes, keepDims);
    }

    @Override
    public void run(byte[] input, int[] inputShape, byte[] output, Scratch scratch) {
      int reduced = Shapes.reducedAxes(inputShape.length, axes);
      int size = Shapes.size(inputShape);
      int count = reducedCount(inputShape, reduced);
      int outputs = keptCount(inputShape, reduced);
      Shapes.checkLength("input", size, input.length);
      Shapes.checkLength("output", outputs, output.length);
      int[] sums = scratch.ints(0, outputs);
      Arrays.fill(sums, 0, outputs, 0);
      for (int i = 0; i < size; i++) {
        sums[outputIndex(i, inputShape, reduced)] += input[i];
      }
      long mean = meanMultiplier(multiplier, count);
      for (int o = 0; o < outputs; o++) {
        output[o] = (byte) value(sums[o], count, mean, inputZeroPoint, outputZeroPoint);
      }
    }
  }

  /**
   * The int8 mean of {@code count} values summing to {@code sum}, given {@link #meanMultiplier}.
   */
  static int value(int sum, int count, long meanMultiplier, int inputZeroPoint, int outputZp) {
    int shifted = sum - inputZeroPoint * count;
    int q =
        Quantization.multiplyByQuantizedMultiplier(
                shifted, (int) (meanMultiplier >> 32), (int) meanMultiplier)
            + outputZp;
    return Math.max(-128, Math.min(127, q));
  }

  /**
   * Folds {@code 1 / count} into a multiplier as TFLite's {@code QuantizedMeanOrSum} does; returns
   * the new significand in the high 32 bits and the new shift in the low 32.
   */
  static long meanMultiplier(Quantization.Multiplier multiplier, int count) {
    int shift = 63 - Long.numberOfLeadingZeros(count);
    shift = Math.min(shift, 32);
    shift = Math.min(shift, 31 + multiplier.shift());
    int m = (int) (((long) multiplier.multiplier() << shift) / count);
    return ((long) m << 32) | ((multiplier.shift() - shift) & 0xFFFFFFFFL);
  }
}
