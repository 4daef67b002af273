package io.edgeinfer.lite.kernels;

import static io.edgeinfer.lite.kernels.VectorGemm.L;
import static io.edgeinfer.lite.kernels.VectorGemm.S;

import java.nio.FloatBuffer;
import jdk.incubator.vector.FloatVector;

/**
 * Float FULLY_CONNECTED in explicit SIMD. Small layers (a few dozen outputs, the seed MLP's) are
 * where the plain kernel loses: its loops over outputs are too short to reach the main loop C2
 * vectorizes, so they run mostly scalar. Here the weights are packed at load into panels of one
 * vector's width ({@link VectorGemm#pack}: {@code [o / L][i][o % L]}, zero-padded), and each batch
 * row broadcasts one input at a time against up to four panels whose sums stay in registers.
 *
 * <p>Each output sums its products in input order from zero, each product rounded before it is
 * added (a multiply then an add, not a fused multiply-add), then adds the bias and clamps: the
 * reference's bits. The chain of adds bounds the time, not the multiplies, so fusing would gain
 * nothing. (The clamp is a vector max/min: it differs from {@link Activation#apply} only on -0.0,
 * which a sum started from +0.0 plus a bias never is.) Only the {@link VectorGemm#S} species is
 * used, as by the convolutions: C2 boxes vectors at call sites that see several.
 *
 * <p>Outputs split over threads in panels ({@link SplitOp}); each output is computed as in a whole
 * run.
 */
final class VectorFullyConnected {
  private VectorFullyConnected() {}

  static final class FloatOp implements SplitOp<float[], float[]> {
    private final float[] panels; // [outputs / L][inputs][L]
    private final float[] bias; // padded to whole vectors
    private final int outputs;
    private final int inputs;
    private final int panelCount;
    private final float lo;
    private final float hi;

    FloatOp(FloatBuffer weights, int outputs, int inputs, float[] bias, Activation activation) {
      float[] rows = Weights.toArray(Weights.view(weights, outputs * inputs, "weight"));
      this.panels = VectorGemm.pack(rows, outputs, inputs);
      this.bias = VectorGemm.padTo(Weights.bias(bias, outputs), outputs);
      this.outputs = outputs;
      this.inputs = inputs;
      this.panelCount = VectorGemm.padded(outputs) / L;
      this.lo = activation.min();
      this.hi = activation.max();
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return new int[] {RefFullyConnected.batch(inputShape, inputs), outputs};
    }

    @Override
    public int units(int[] inputShape) {
      return panelCount;
    }

    @Override
    public long work(int[] inputShape) {
      return (long) RefFullyConnected.batch(inputShape, inputs) * inputs * outputs;
    }

    @Override
    public void runUnits(
        float[] input, int[] inputShape, float[] output, Scratch scratch, int from, int to) {
      int batch = RefFullyConnected.batch(inputShape, inputs);
      Shapes.checkLength("input", batch * inputs, input.length);
      Shapes.checkLength("output", batch * outputs, output.length);
      // Whole vectors go to a padded row, then the outputs of [from, to) to the output.
      float[] row = scratch.floats(0, panelCount * L);
      int o0 = from * L;
      int o1 = Math.min(outputs, to * L);
      for (int b = 0; b < batch; b++) {
        int x = b * inputs;
        int j = from;
        for (; j + 4 <= to; j += 4) {
          fourPanels(input, x, j, row);
        }
        if (j + 2 <= to) {
          twoPanels(input, x, j, row);
          j += 2;
        }
        if (j < to) {
          onePanel(input, x, j, row);
        }
        System.arraycopy(row, o0, output, b * outputs + o0, o1 - o0);
      }
    }

    private void fourPanels(float[] input, int x, int j, float[] row) {
      int size = inputs * L;
      int w = j * size;
      FloatVector s0 = FloatVector.zero(S);
      FloatVector s1 = FloatVector.zero(S);
      FloatVector s2 = FloatVector.zero(S);
      FloatVector s3 = FloatVector.zero(S);
      for (int i = 0; i < inputs; i++, w += L) {
        FloatVector v = FloatVector.broadcast(S, input[x + i]);
        s0 = s0.add(v.mul(FloatVector.fromArray(S, panels, w)));
        s1 = s1.add(v.mul(FloatVector.fromArray(S, panels, w + size)));
        s2 = s2.add(v.mul(FloatVector.fromArray(S, panels, w + 2 * size)));
        s3 = s3.add(v.mul(FloatVector.fromArray(S, panels, w + 3 * size)));
      }
      int o = j * L;
      s0.add(FloatVector.fromArray(S, bias, o)).max(lo).min(hi).intoArray(row, o);
      s1.add(FloatVector.fromArray(S, bias, o + L)).max(lo).min(hi).intoArray(row, o + L);
      s2.add(FloatVector.fromArray(S, bias, o + 2 * L)).max(lo).min(hi).intoArray(row, o + 2 * L);
      s3.add(FloatVector.fromArray(S, bias, o + 3 * L)).max(lo).min(hi).intoArray(row, o + 3 * L);
    }

    private void twoPanels(float[] input, int x, int j, float[] row) {
      int size = inputs * L;
      int w = j * size;
      FloatVector s0 = FloatVector.zero(S);
      FloatVector s1 = FloatVector.zero(S);
      for (int i = 0; i < inputs; i++, w += L) {
        FloatVector v = FloatVector.broadcast(S, input[x + i]);
        s0 = s0.add(v.mul(FloatVector.fromArray(S, panels, w)));
        s1 = s1.add(v.mul(FloatVector.fromArray(S, panels, w + size)));
      }
      int o = j * L;
      s0.add(FloatVector.fromArray(S, bias, o)).max(lo).min(hi).intoArray(row, o);
      s1.add(FloatVector.fromArray(S, bias, o + L)).max(lo).min(hi).intoArray(row, o + L);
    }

    private void onePanel(float[] input, int x, int j, float[] row) {
      int w = j * inputs * L;
      FloatVector s = FloatVector.zero(S);
      for (int i = 0; i < inputs; i++, w += L) {
        s = s.add(FloatVector.broadcast(S, input[x + i]).mul(FloatVector.fromArray(S, panels, w)));
      }
      int o = j * L;
      s.add(FloatVector.fromArray(S, bias, o)).max(lo).min(hi).intoArray(row, o);
    }
  }
}
