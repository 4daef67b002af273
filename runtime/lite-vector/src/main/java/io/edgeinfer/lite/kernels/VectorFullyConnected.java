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
 * loads (a stream per panel measured 1.4-1.6x slower). A group whose last panel has padding lanes
 * goes through the scratch; whole ones are stored straight to the output.
 *
 * <p>Each output sums its products in input order from zero, each product rounded before it is
 * added (a multiply then an add, not a fused multiply-add), then adds the bias and clamps: the
 * reference's bits. Fused multiply-adds measured no faster: the chain of adds bounds the time. The
 * clamp is a vector max/min, as in {@link VectorGemm}: it differs from {@link Activation#apply}
 * only on -0.0, which a sum started from +0.0 plus a bias never is. (Comparing and blending, as
 * apply does, was no faster in the whole model, and its masks were boxed in a JVM whose other
 * vector kernels had run first.) Only the {@link VectorGemm#S} species is used, as by the
 * convolutions: C2 boxes vectors at call sites that see several (a 256-bit FULLY_CONNECTED beside
 * the 512-bit convolutions ran 20-50x slower in one JVM).
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

    /** The first panel of each group, and the panel count last. */
    private final int[] starts;

    private final float lo;
    private final float hi;

    FloatOp(FloatBuffer weights, int outputs, int inputs, float[] bias, Activation activation) {
      FloatBuffer w = Weights.view(weights, outputs * inputs, "weight");
      this.outputs = outputs;
      this.inputs = inputs;
      this.panels = VectorGemm.padded(outputs) / L;
      this.starts = groupStarts(panels);
      this.packed = new float[panels * L * inputs];
      for (int g = 0; g + 1 < starts.length; g++) {
        int width = starts[g + 1] - starts[g];
        for (int o = starts[g] * L; o < Math.min(outputs, starts[g + 1] * L); o++) {
          int at = starts[g] * L * inputs + o - starts[g] * L;
          for (int i = 0; i < inputs; i++) {
            packed[at + i * width * L] = w.get(o * inputs + i);
          }
        }
      }
      this.bias = VectorGemm.padTo(Weights.bias(bias, outputs), outputs);
      this.lo = activation.min();
      this.hi = activation.max();
    }

    /**
     * The panels cut in groups of four, then what is left in a group of two and one of one (three
     * left: both): each group's first panel, then {@code panels}.
     */
    private static int[] groupStarts(int panels) {
      int full = panels / 4;
      int left = panels - 4 * full;
      int[] starts = new int[full + (left == 3 ? 2 : left > 0 ? 1 : 0) + 1];
      for (int g = 1; g < starts.length; g++) {
        starts[g] = Math.min(panels, g <= full ? 4 * g : 4 * full + 2 * (g - full));
      }
      return starts;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return new int[] {RefFullyConnected.batch(inputShape, inputs), outputs};
    }

    @Override
    public int units(int[] inputShape) {
      return starts.length - 1;
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
      for (int b = 0; b < batch; b++) {
        int x = b * inputs;
        int y = b * outputs;
        for (int g = from; g < to; g++) {
          int start = starts[g];
          int end = starts[g + 1];
          // Whole vectors go straight to the output; a group with padding lanes goes to the
          // scratch first, and its real outputs from there.
          boolean whole = end * L <= outputs;
          float[] dst = whole ? output : scratch.floats(0, (end - start) * L);
          int at = whole ? y + start * L : 0;
          switch (end - start) {
            case 4 -> fourPanels(input, x, start, dst, at);
            case 2 -> twoPanels(input, x, start, dst, at);
            default -> onePanel(input, x, start, dst, at);
          }
          if (!whole) {
            System.arraycopy(dst, 0, output, y + start * L, outputs - start * L);
          }
        }
      }
    }

    // Each of these writes its panels' outputs, the sums plus the bias, clamped, from dst[at].

    private void fourPanels(float[] input, int x, int panel, float[] dst, int at) {
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
      s0.add(FloatVector.fromArray(S, bias, o)).max(lo).min(hi).intoArray(dst, at);
      s1.add(FloatVector.fromArray(S, bias, o + L)).max(lo).min(hi).intoArray(dst, at + L);
      s2.add(FloatVector.fromArray(S, bias, o + 2 * L)).max(lo).min(hi).intoArray(dst, at + 2 * L);
      s3.add(FloatVector.fromArray(S, bias, o + 3 * L)).max(lo).min(hi).intoArray(dst, at + 3 * L);
    }

    private void twoPanels(float[] input, int x, int panel, float[] dst, int at) {
      int w = panel * L * inputs;
      FloatVector s0 = FloatVector.zero(S);
      FloatVector s1 = FloatVector.zero(S);
      for (int i = 0; i < inputs; i++, w += 2 * L) {
        FloatVector v = FloatVector.broadcast(S, input[x + i]);
        s0 = s0.add(v.mul(FloatVector.fromArray(S, packed, w)));
        s1 = s1.add(v.mul(FloatVector.fromArray(S, packed, w + L)));
      }
      int o = panel * L;
      s0.add(FloatVector.fromArray(S, bias, o)).max(lo).min(hi).intoArray(dst, at);
      s1.add(FloatVector.fromArray(S, bias, o + L)).max(lo).min(hi).intoArray(dst, at + L);
    }

    private void onePanel(float[] input, int x, int panel, float[] dst, int at) {
      int w = panel * L * inputs;
      FloatVector s = FloatVector.zero(S);
      for (int i = 0; i < inputs; i++, w += L) {
        s = s.add(FloatVector.broadcast(S, input[x + i]).mul(FloatVector.fromArray(S, packed, w)));
      }
      s.add(FloatVector.fromArray(S, bias, panel * L)).max(lo).min(hi).intoArray(dst, at);
    }
  }
}
