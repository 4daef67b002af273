package io.edgeinfer.lite.kernels;

import java.util.Arrays;

/**
 * MEAN, fast for the common case, the spatial mean of an NHWC tensor (axes 1 and 2, a global
 * average pool): channels innermost, each channel summed in input order as the reference does.
 * Other axes run the reference algorithm. The spatial mean splits its channels over threads ({@link
 * SplitOp}); other axes run whole, as one unit.
 */
final class FastMean {
  private FastMean() {}

  private static final int SPATIAL = 0b0110;

  static boolean spatial(int[] inputShape, int[] axes) {
    return inputShape.length == 4 && Shapes.reducedAxes(4, axes) == SPATIAL;
  }

  /** Channels of a spatial mean, else 1 (the whole run). */
  static int units(int[] inputShape, int[] axes) {
    return spatial(inputShape, axes) ? inputShape[3] : 1;
  }

  static long work(int[] inputShape) {
    return (long) Shapes.size(inputShape) * Work.ELEMENT;
  }

  static final class FloatOp implements SplitOp<float[], float[]> {
    private final int[] axes;
    private final RefMean.FloatOp general;

    FloatOp(int[] axes, boolean keepDims) {
      this.axes = axes.clone();
      this.general = new RefMean.FloatOp(axes, keepDims);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return general.outputShape(inputShape);
    }

    @Override
    public int units(int[] inputShape) {
      return FastMean.units(inputShape, axes);
    }

    @Override
    public long work(int[] inputShape) {
      return FastMean.work(inputShape);
    }

    @Override
    public void runUnits(
        float[] input, int[] inputShape, float[] output, Scratch scratch, int from, int to) {
      if (!spatial(inputShape, axes)) {
        general.run(input, inputShape, output, scratch);
        return;
      }
      int batch = inputShape[0];
      int hw = inputShape[1] * inputShape[2];
      int c = inputShape[3];
      Shapes.checkLength("input", Shapes.size(inputShape), input.length);
      Shapes.checkLength("output", batch * c, output.length);
      float[] acc = scratch.floats(0, c);
      for (int b = 0; b < batch; b++) {
        Arrays.fill(acc, from, to, 0f);
        for (int i = 0; i < hw; i++) {
          int base = (b * hw + i) * c;
          for (int ch = from; ch < to; ch++) {
            acc[ch] += input[base + ch];
          }
        }
        for (int ch = from; ch < to; ch++) {
          output[b * c + ch] = acc[ch] / hw;
        }
      }
    }
  }

  static final class Int8Op implements SplitOp<byte[], byte[]> {
    private final int[] axes;
    private final RefMean.Int8Op general;

    Int8Op(int[] axes, boolean keepDims, Quant input, Quant output) {
      this.axes = axes.clone();
      this.general = new RefMean.Int8Op(axes, keepDims, input, output);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return general.outputShape(inputShape);
    }

    @Override
    public int units(int[] inputShape) {
      return FastMean.units(inputShape, axes);
    }

    @Override
    public long work(int[] inputShape) {
      return FastMean.work(inputShape);
    }

    @Override
    public void runUnits(
        byte[] input, int[] inputShape, byte[] output, Scratch scratch, int from, int to) {
      if (!spatial(inputShape, axes)) {
        general.run(input, inputShape, output, scratch);
        return;
      }
      int batch = inputShape[0];
      int hw = inputShape[1] * inputShape[2];
      int c = inputShape[3];
      Shapes.checkLength("input", Shapes.size(inputShape), input.length);
      Shapes.checkLength("output", batch * c, output.length);
      int[] acc = scratch.ints(0, c);
      long mean = RefMean.meanMultiplier(general.multiplier, hw);
      for (int b = 0; b < batch; b++) {
        Arrays.fill(acc, from, to, 0);
        for (int i = 0; i < hw; i++) {
          int base = (b * hw + i) * c;
          for (int ch = from; ch < to; ch++) {
            acc[ch] += input[base + ch];
          }
        }
        for (int ch = from; ch < to; ch++) {
          output[b * c + ch] =
              (byte)
                  RefMean.value(acc[ch], hw, mean, general.inputZeroPoint, general.outputZeroPoint);
        }
      }
    }
  }
}
