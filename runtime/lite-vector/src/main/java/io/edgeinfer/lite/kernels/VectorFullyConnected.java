package io.edgeinfer.lite.kernels;

import static io.edgeinfer.lite.kernels.VectorGemm.L;
import static io.edgeinfer.lite.kernels.VectorGemm.S;

import java.nio.FloatBuffer;
import jdk.incubator.vector.FloatVector;

/**
 * Float FULLY_CONNECTED in explicit SIMD. Small layers (a few dozen outputs, the seed MLP's) are
 * where the plain kernel loses: its loops over outputs are too short to reach the main loop C2
 * vectorizes, so they run mostly scalar. Here the outputs are cut into panels of one vector's width
 * (zero-padded), the panels into groups of four (then two and one), and each batch row broadcasts
 * one input at a time against a group, whose sums stay in registers. A group's weights are packed
 * at load as {@code [input][panel][lane]}, so that each input's vectors are adjacent: one stream of
 * loads (a stream per panel measured 1.4-1.6x slower).
 *
 * <p>Each output sums its products in input order from zero, each product rounded before it is
 * added (a multiply then an add, not a fused multiply-add), then adds the bias and clamps: the
 * reference's bits. Fused multiply-adds measured no faster: the chain of adds bounds the time. (The
 * clamp is a vector max/min: it differs from {@link Activation#apply} only on -0.0, which a sum
 * started from +0.0 plus a bias never is.) Only the {@link VectorGemm#S} species is used, as by the
 * convolutions: C2 boxes vectors at call sites that see several.
 *
 * <p>Outputs split over threads in groups of panels ({@link SplitOp}); each output is computed as
 * in a whole run.
 */
final class VectorFullyConnected {
  private VectorFullyConnected() {}

  static final class FloatOp implements SplitOp<float[], float[]> {
    private final float[] packed; // groups of panels, each [inputs][width][L]
    private final float[] bias; // padded to whole vectors
    private final int outputs;
    private final int inputs;
    private final int panels;
    private final int fullGroups;
    private final float lo;
    private final float hi;

    FloatOp(FloatBuffer weights, int outputs, int inputs, float[] bias, Activation activation) {
      FloatBuffer w = Weights.view(weights, outputs * inputs, "weight");
      this.outputs = outputs;
      this.inputs = inputs;
      this.panels = VectorGemm.padded(outputs) / L;
      this.fullGroups = panels / 4;
      this.packed = new float[panels * L * inputs];
      for (int o = 0; o < outputs; o++) {
        int panel = o / L;
        int start = groupStart(groupOf(panel));
        int width = groupStart(groupOf(panel) + 1) - start;
        int base = start * L * inputs + (panel - start) * L + o % L;
        for (int i = 0; i < inputs; i++) {
          packed[base + i * width * L] = w.get(o * inputs + i);
        }
      }
      this.bias = VectorGemm.padTo(Weights.bias(bias, outputs), outputs);
      this.lo = activation.min();
      this.hi = activation.max();
    }

    /**
     * Groups of panels: four each, then what is left as a group of two and one of one (three left:
     * both). A group's weights are interleaved so that one input's vectors are adjacent.
     */
    private int groups() {
      int left = panels - 4 * fullGroups;
      return fullGroups + (left == 3 ? 2 : left > 0 ? 1 : 0);
    }

    /** The first panel of group {@code g} ({@code g <= groups()}; {@code groups()}: panels). */
    private int groupStart(int g) {
      return g <= fullGroups ? 4 * g : Math.min(panels, 4 * fullGroups + 2 * (g - fullGroups));
    }

    private int groupOf(int panel) {
      int g = Math.min(panel / 4, fullGroups);
      while (groupStart(g + 1) <= panel) {
        g++;
      }
      return g;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return new int[] {RefFullyConnected.batch(inputShape, inputs), outputs};
    }

    @Override
    public int units(int[] inputShape) {
      return groups();
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
      float[] row = scratch.floats(0, panels * L);
      int o0 = groupStart(from) * L;
      int o1 = Math.min(outputs, groupStart(to) * L);
      for (int b = 0; b < batch; b++) {
        int x = b * inputs;
        for (int g = from; g < to; g++) {
          int start = groupStart(g);
          switch (groupStart(g + 1) - start) {
            case 4 -> fourPanels(input, x, start, row);
            case 2 -> twoPanels(input, x, start, row);
            default -> onePanel(input, x, start, row);
          }
        }
        System.arraycopy(row, o0, output, b * outputs + o0, o1 - o0);
      }
    }

    private void fourPanels(float[] input, int x, int panel, float[] row) {
      int w = panel * L * inputs;
      FloatVector s0 = FloatVector.zero(S);
      FloatVector s1 = FloatVector.zero(S);
      FloatVector s2 = FloatVector.zero(S);
      FloatVector s3 = FloatVector.zero(S);
      for (int i = 0; i < inputs; i++, w += 4 * L) {
        FloatVector v = FloatVector.broadcast(S, input[x + i]);
        s0 = s0.add(v.mul(FloatVector.fromArray(S, packed, w)));
        s1 = s1.add(v.mul(FloatVector.fromArray(S, packed, w + L)));
        s2 = s2.add(v.mul(FloatVector.fromArray(S, packed, w + 2 * L)));
        s3 = s3.add(v.mul(FloatVector.fromArray(S, packed, w + 3 * L)));
      }
      int o = panel * L;
      s0.add(FloatVector.fromArray(S, bias, o)).max(lo).min(hi).intoArray(row, o);
      s1.add(FloatVector.fromArray(S, bias, o + L)).max(lo).min(hi).intoArray(row, o + L);
      s2.add(FloatVector.fromArray(S, bias, o + 2 * L)).max(lo).min(hi).intoArray(row, o + 2 * L);
      s3.add(FloatVector.fromArray(S, bias, o + 3 * L)).max(lo).min(hi).intoArray(row, o + 3 * L);
    }

    private void twoPanels(float[] input, int x, int panel, float[] row) {
      int w = panel * L * inputs;
      FloatVector s0 = FloatVector.zero(S);
      FloatVector s1 = FloatVector.zero(S);
      for (int i = 0; i < inputs; i++, w += 2 * L) {
        FloatVector v = FloatVector.broadcast(S, input[x + i]);
        s0 = s0.add(v.mul(FloatVector.fromArray(S, packed, w)));
        s1 = s1.add(v.mul(FloatVector.fromArray(S, packed, w + L)));
      }
      int o = panel * L;
      s0.add(FloatVector.fromArray(S, bias, o)).max(lo).min(hi).intoArray(row, o);
      s1.add(FloatVector.fromArray(S, bias, o + L)).max(lo).min(hi).intoArray(row, o + L);
    }

    private void onePanel(float[] input, int x, int panel, float[] row) {
      int w = panel * L * inputs;
      FloatVector s = FloatVector.zero(S);
      for (int i = 0; i < inputs; i++, w += L) {
        s = s.add(FloatVector.broadcast(S, input[x + i]).mul(FloatVector.fromArray(S, packed, w)));
      }
      int o = panel * L;
      s.add(FloatVector.fromArray(S, bias, o)).max(lo).min(hi).intoArray(row, o);
    }
  }
}
