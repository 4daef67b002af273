package io.edgeinfer.lite.kernels;

import java.util.Arrays;

/**
 * MEAN, fast for the common case, the spatial mean of an NHWC tensor (axes 1 and 2, a global
 * average pool): channels innermost, each channel summed in input order as the reference does.
 * Other axes run the reference algorithm.
 */
final class FastMean {
  private FastMean() {}

  private static final int SPATIAL = 0b0110;

  static final class FloatOp implements UnaryOp<float[], float[]> {
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
    public void run(float[] input, int[] inputShape, float[] output, Scratch scratch) {
      if (inputShape.length != 4 || Shapes.reducedAxes(4, axes) != SPATIAL) {
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
        Arrays.fill(acc, 0, c, 0f);
        for (int i = 0; i < hw; i++) {
          int base = (b * hw + i) * c;
          for (int ch = 0; ch < c; ch++) {
            acc[ch] += input[base + ch];
          }
        }
        for (int ch = 0; ch < c; ch++) {
          output[b * c + ch] = acc[ch] / hw;
        }
      }
    }
  }

  static final class Int8Op implements UnaryOp<byte[], byte[]> {
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
    public void run(byte[] input, int[] inputShape, byte[] output, Scratch scratch) {
      if (inputShape.length != 4 || Shapes.reducedAxes(4, axes) != SPATIAL) {
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
        Arrays.fill(acc, 0, c, 0);
        for (int i = 0; i < hw; i++) {
          int base = (b * hw + i) * c;
          for (int ch = 0; ch < c; ch++) {
            acc[ch] += input[base + ch];
          }
        }
        for (int ch = 0; ch < c; ch++) {
          output[b * c + ch] =
              (byte)
                  RefMean.value(acc[ch], hw, mean, general.inputZeroPoint, general.outputZeroPoint);
        }
      }
    }
  }
}
