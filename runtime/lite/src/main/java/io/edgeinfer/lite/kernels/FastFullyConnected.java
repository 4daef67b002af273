package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * FULLY_CONNECTED, fast. Float: weights transposed at load into one row per input ({@code
 * float[inputs][outputs]}), so the inner loop is an outer-product update {@code acc[o] += x *
 * row[o]} over rows indexed alike, which C2 vectorizes (a flat array indexed with an offset is
 * not); four inputs per pass, added in input order, so each output sums exactly as the reference
 * does; four batch rows share each weight row.
 *
 * <p>Int8: large layers, bound by memory traffic, keep their int8 weights (a quarter of float's
 * traffic), interleaved by four output rows so one pass over the input feeds four accumulators.
 * Small layers (up to {@link #WIDEN_LIMIT} weights, in cache) widen them to int rows and run like
 * the float layer, vectorized. Either way the zero point comes out afterwards through precomputed
 * row sums ({@code sum w*(x-zp) = sum w*x - zp*sum w}, exact in int32 arithmetic).
 *
 * <p>Float and int8 layers split their outputs over threads ({@link SplitOp}: MobileNet's
 * classifier), in groups of four; each output is computed as in a whole run.
 */
final class FastFullyConnected {
  private FastFullyConnected() {}

  /** Groups of four outputs: the units a layer's outputs split in. */
  static int groups(int outputs) {
    return (outputs + 3) / 4;
  }

  static final class FloatOp implements SplitOp<float[], float[]> {
    private final float[][] rows; // [inputs][outputs]
    private final float[] bias;
    private final int outputs;
    private final int inputs;
    private final Activation activation;

    FloatOp(FloatBuffer weights, int outputs, int inputs, float[] bias, Activation activation) {
      FloatBuffer w = Weights.view(weights, outputs * inputs, "weight");
      this.rows = new float[inputs][outputs];
      for (int o = 0; o < outputs; o++) {
        for (int i = 0; i < inputs; i++) {
          rows[i][o] = w.get(o * inputs + i);
        }
      }
      this.bias = Weights.bias(bias, outputs);
      this.outputs = outputs;
      this.inputs = inputs;
      this.activation = activation;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return new int[] {RefFullyConnected.batch(inputShape, inputs), outputs};
    }

    @Override
    public int units(int[] inputShape) {
      return groups(outputs);
    }

    @Override
    public long work(int[] inputShape) {
      return (long) RefFullyConnected.batch(inputShape, inputs) * inputs * outputs;
    }

    @Override
    public void run(float[] input, int[] inputShape, float[] output, Scratch scratch) {
      runUnits(input, inputShape, output, scratch, 0, groups(outputs));
    }

    @Override
    public void runUnits(
        float[] input, int[] inputShape, float[] output, Scratch scratch, int from, int to) {
      int batch = RefFullyConnected.batch(inputShape, inputs);
      Shapes.checkLength("input", batch * inputs, input.length);
      Shapes.checkLength("output", batch * outputs, output.length);
      int o0 = 4 * from;
      int o1 = Math.min(outputs, 4 * to);
      float[] acc0 = scratch.floats(0, outputs);
      int b = 0;
      if (batch >= 4) {
        float[] acc1 = scratch.floats(1, outputs);
        float[] acc2 = scratch.floats(2, outputs);
        float[] acc3 = scratch.floats(3, outputs);
        for (; b + 4 <= batch; b += 4) {
          fourRows(input, b * inputs, acc0, acc1, acc2, acc3, o0, o1);
          finish(acc0, output, b * outputs, o0, o1);
          finish(acc1, output, (b + 1) * outputs, o0, o1);
          finish(acc2, output, (b + 2) * outputs, o0, o1);
          finish(acc3, output, (b + 3) * outputs, o0, o1);
        }
      }
      for (; b < batch; b++) {
        oneRow(input, b * inputs, acc0, o0, o1);
        finish(acc0, output, b * outputs, o0, o1);
      }
    }

    /** {@code acc[o]} for outputs {@code [o0, n)} of one batch row. */
    private void oneRow(float[] input, int base, float[] acc, int o0, int n) {
      Arrays.fill(acc, o0, n, 0f);
      int i = 0;
      for (; i + 4 <= inputs; i += 4) {
        float x0 = input[base + i];
        float x1 = input[base + i + 1];
        float x2 = input[base + i + 2];
        float x3 = input[base + i + 3];
        float[] r0 = rows[i];
        float[] r1 = rows[i + 1];
        float[] r2 = rows[i + 2];
        float[] r3 = rows[i + 3];
        for (int o = o0; o < n; o++) {
          acc[o] = acc[o] + x0 * r0[o] + x1 * r1[o] + x2 * r2[o] + x3 * r3[o];
        }
      }
      for (; i < inputs; i++) {
        float x = input[base + i];
        float[] r = rows[i];
        for (int o = o0; o < n; o++) {
          acc[o] += x * r[o];
        }
      }
    }

    private void fourRows(
        float[] input,
        int base,
        float[] acc0,
        float[] acc1,
        float[] acc2,
        float[] acc3,
        int o0,
        int n) {
      Arrays.fill(acc0, o0, n, 0f);
      Arrays.fill(acc1, o0, n, 0f);
      Arrays.fill(acc2, o0, n, 0f);
      Arrays.fill(acc3, o0, n, 0f);
      for (int i = 0; i < inputs; i++) {
        float x0 = input[base + i];
        float x1 = input[base + inputs + i];
        float x2 = input[base + 2 * inputs + i];
        float x3 = input[base + 3 * inputs + i];
        float[] r = rows[i];
        for (int o = o0; o < n; o++) {
          float w = r[o];
          acc0[o] += x0 * w;
          acc1[o] += x1 * w;
          acc2[o] += x2 * w;
          acc3[o] += x3 * w;
        }
      }
    }

    private void finish(float[] acc, float[] output, int offset, int o0, int o1) {
      for (int o = o0; o < o1; o++) {
        output[offset + o] = activation.apply(acc[o] + bias[o]);
      }
    }
  }

  /**
   * Layers up to this many weights (256 KB once widened to int) stay in cache, where arithmetic,
   * not memory, bounds the time: their weights are widened to int rows and run like the float
   * layer. Larger layers are bound by memory traffic and keep their int8 bytes.
   */
  static final int WIDEN_LIMIT = 1 << 16;

  static final class Int8Op implements SplitOp<byte[], byte[]> {
    private final int[][] rows; // [inputs][outputs] when widened, else null
    private final byte[] panels; // rows in groups of 4, interleaved: [group][input][4]; or null
    private final int[] rowSums;
    private final int[] bias;
    private final int outputs;
    private final int inputs;
    private final int inputZeroPoint;
    private final Requantization requant;

    Int8Op(
        ByteBuffer weights,
        int outputs,
        int inputs,
        float[] weightScales,
        int[] bias,
        Quant input,
        Quant output,
        Activation activation) {
      this(
          weights,
          outputs,
          inputs,
          weightScales,
          bias,
          input,
          output,
          activation,
          (long) outputs * inputs <= WIDEN_LIMIT);
    }

    Int8Op(
        ByteBuffer weights,
        int outputs,
        int inputs,
        float[] weightScales,
        int[] bias,
        Quant input,
        Quant output,
        Activation activation,
        boolean widen) {
      ByteBuffer w = Weights.view(weights, outputs * inputs, "weight");
      this.rows = widen ? new int[inputs][outputs] : null;
      this.panels = widen ? null : new byte[outputs * inputs];
      this.rowSums = new int[outputs];
      int full = outputs / 4 * 4;
      for (int o = 0; o < outputs; o++) {
        int sum = 0;
        for (int i = 0; i < inputs; i++) {
          byte v = w.get(o * inputs + i);
          sum += v;
          if (widen) {
            rows[i][o] = v;
          } else {
            int at = o < full ? (o / 4) * 4 * inputs + 4 * i + (o % 4) : o * inputs + i;
            panels[at] = v;
          }
        }
        rowSums[o] = sum;
      }
      this.bias = Weights.bias(bias, outputs);
      this.outputs = outputs;
      this.inputs = inputs;
      this.inputZeroPoint = input.zeroPoint();
      this.requant =
          Requantization.fullyConnected(input, weightScales, output, activation, outputs);
    }

    /** True when the weights were widened to ints (small layers). */
    boolean widened() {
      return rows != null;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return new int[] {RefFullyConnected.batch(inputShape, inputs), outputs};
    }

    @Override
    public int units(int[] inputShape) {
      return groups(outputs);
    }

    @Override
    public long work(int[] inputShape) {
      return (long) RefFullyConnected.batch(inputShape, inputs) * inputs * outputs;
    }

    @Override
    public void run(byte[] input, int[] inputShape, byte[] output, Scratch scratch) {
      runUnits(input, inputShape, output, scratch, 0, groups(outputs));
    }

    @Override
    public void runUnits(
        byte[] input, int[] inputShape, byte[] output, Scratch scratch, int from, int to) {
      int batch = RefFullyConnected.batch(inputShape, inputs);
      Shapes.checkLength("input", batch * inputs, input.length);
      Shapes.checkLength("output", batch * outputs, output.length);
      int o0 = 4 * from;
      int o1 = Math.min(outputs, 4 * to);
      if (rows != null) {
        int[] acc = scratch.ints(0, outputs);
        for (int b = 0; b < batch; b++) {
          widenedRow(input, b * inputs, acc, o0, o1);
          for (int o = o0; o < o1; o++) {
            output[b * outputs + o] = finish(acc[o], o);
          }
        }
      } else {
        for (int b = 0; b < batch; b++) {
          panelRow(input, b * inputs, output, b * outputs, o0, o1);
        }
      }
    }

    /** {@code acc[o] = sum of w[o][i] * x[i]} over int rows for {@code o} in {@code [o0, n)}. */
    private void widenedRow(byte[] input, int base, int[] acc, int o0, int n) {
      Arrays.fill(acc, o0, n, 0);
      int i = 0;
      for (; i + 4 <= inputs; i += 4) {
        int x0 = input[base + i];
        int x1 = input[base + i + 1];
        int x2 = input[base + i + 2];
        int x3 = input[base + i + 3];
        int[] r0 = rows[i];
        int[] r1 = rows[i + 1];
        int[] r2 = rows[i + 2];
        int[] r3 = rows[i + 3];
        for (int o = o0; o < n; o++) {
          acc[o] = acc[o] + x0 * r0[o] + x1 * r1[o] + x2 * r2[o] + x3 * r3[o];
        }
      }
      for (; i < inputs; i++) {
        int x = input[base + i];
        int[] r = rows[i];
        for (int o = o0; o < n; o++) {
          acc[o] += x * r[o];
        }
      }
    }

    /**
     * One batch row over the int8 panels, outputs {@code [o0, o1)} ({@code o0} a multiple of 4):
     * four outputs per pass over the input.
     */
    private void panelRow(byte[] input, int base, byte[] output, int outBase, int o0, int o1) {
      final byte[] w = panels;
      final int n = inputs;
      int full = Math.min(o1, outputs / 4 * 4);
      for (int o = o0; o < full; o += 4) {
        int p = o * n;
        int a0 = 0;
        int a1 = 0;
        int a2 = 0;
        int a3 = 0;
        for (int i = 0; i < n; i++) {
          int x = input[base + i];
          int q = p + 4 * i;
          a0 += w[q] * x;
          a1 += w[q + 1] * x;
          a2 += w[q + 2] * x;
          a3 += w[q + 3] * x;
        }
        output[outBase + o] = finish(a0, o);
        output[outBase + o + 1] = finish(a1, o + 1);
        output[outBase + o + 2] = finish(a2, o + 2);
        output[outBase + o + 3] = finish(a3, o + 3);
      }
      for (int o = Math.max(o0, full); o < o1; o++) {
        int p = o * n;
        int a = 0;
        for (int i = 0; i < n; i++) {
          a += w[p + i] * input[base + i];
        }
        output[outBase + o] = finish(a, o);
      }
    }

    /** Takes the zero point out ({@code sum w*(x-zp) = sum w*x - zp*sum w}) and requantizes. */
    private byte finish(int rawDot, int o) {
      return (byte) requant.apply(rawDot - inputZeroPoint * rowSums[o] + bias[o], o);
    }
  }

  /**
   * Hybrid FULLY_CONNECTED: float input and output, int8 weights kept in their buffer (the mapped
   * file: a quarter of float's memory and traffic). Four weight rows at a time are copied out and
   * widened to float in the scratch, then every batch row runs four dot products against them, each
   * summed in input order as the reference does.
   */
  static final class HybridOp implements UnaryOp<float[], float[]> {
    private final ByteBuffer weights; // [outputs][inputs]
    private final float[] scales;
    private final float[] bias;
    private final int outputs;
    private final int inputs;
    private final Activation activation;

    HybridOp(
        ByteBuffer weights,
        int outputs,
        int inputs,
        float[] weightScales,
        float[] bias,
        Activation activation) {
      this.weights = Weights.view(weights, outputs * inputs, "weight");
      this.scales = Weights.scales(weightScales, outputs);
      this.bias = Weights.bias(bias, outputs);
      this.outputs = outputs;
      this.inputs = inputs;
      this.activation = activation;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return new int[] {RefFullyConnected.batch(inputShape, inputs), outputs};
    }

    @Override
    public void run(float[] input, int[] inputShape, float[] output, Scratch scratch) {
      int batch = RefFullyConnected.batch(inputShape, inputs);
      Shapes.checkLength("input", batch * inputs, input.length);
      Shapes.checkLength("output", batch * outputs, output.length);
      final int n = inputs;
      float[][] rows = scratch.floatRows(0, 4, n);
      byte[] bytes = scratch.bytes(0, n);
      float[] r0 = rows[0];
      float[] r1 = rows[1];
      float[] r2 = rows[2];
      float[] r3 = rows[3];
      int o = 0;
      for (; o + 4 <= outputs; o += 4) {
        widen(o, bytes, r0);
        widen(o + 1, bytes, r1);
        widen(o + 2, bytes, r2);
        widen(o + 3, bytes, r3);
        for (int b = 0; b < batch; b++) {
          int base = b * n;
          float a0 = 0f;
          float a1 = 0f;
          float a2 = 0f;
          float a3 = 0f;
          for (int i = 0; i < n; i++) {
            float x = input[base + i];
            a0 += x * r0[i];
            a1 += x * r1[i];
            a2 += x * r2[i];
            a3 += x * r3[i];
          }
          int out = b * outputs + o;
          output[out] = activation.apply(scales[o] * a0 + bias[o]);
          output[out + 1] = activation.apply(scales[o + 1] * a1 + bias[o + 1]);
          output[out + 2] = activation.apply(scales[o + 2] * a2 + bias[o + 2]);
          output[out + 3] = activation.apply(scales[o + 3] * a3 + bias[o + 3]);
        }
      }
      for (; o < outputs; o++) {
        widen(o, bytes, r0);
        for (int b = 0; b < batch; b++) {
          int base = b * n;
          float a = 0f;
          for (int i = 0; i < n; i++) {
            a += input[base + i] * r0[i];
          }
          output[b * outputs + o] = activation.apply(scales[o] * a + bias[o]);
        }
      }
    }

    /** Weight row {@code o} as floats, through one bulk copy out of the buffer. */
    private void widen(int o, byte[] bytes, float[] row) {
      weights.get(o * inputs, bytes, 0, inputs);
      for (int i = 0; i < inputs; i++) {
        row[i] = bytes[i];
      }
    }
  }
}
