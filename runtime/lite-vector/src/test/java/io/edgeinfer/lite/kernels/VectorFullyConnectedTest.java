package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector float FULLY_CONNECTED gives the reference kernel's bits (not within a tolerance: it
 * sums in the same order with the same roundings) on random layers, batches, activations and
 * biases, with zeros, infinities and NaN among the values; and split at random panels it gives a
 * whole run's bits.
 */
class VectorFullyConnectedTest {
  private static final Activation[] ACTIVATIONS = Activation.values();
  private final Random rnd = new Random(17);
  private final Kernels reference = new ReferenceKernels();
  private final Kernels vector = new VectorKernels();

  /** Gaussian values, a few of them zero; with {@code special}, some infinite or NaN. */
  private float[] values(int n, boolean special) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) rnd.nextGaussian();
      int pick = rnd.nextInt(100);
      if (pick < 5) {
        a[i] = 0f;
      } else if (special && pick < 7) {
        a[i] = pick == 5 ? Float.POSITIVE_INFINITY : Float.NaN;
      }
    }
    return a;
  }

  private record Layer(int outputs, int inputs, int batch, float[] weights, float[] bias) {}

  private Layer randomLayer(boolean special) {
    int outputs = 1 + rnd.nextInt(rnd.nextBoolean() ? 20 : 150);
    int inputs = 1 + rnd.nextInt(rnd.nextBoolean() ? 10 : 130);
    int batch = 1 + rnd.nextInt(5);
    float[] bias = rnd.nextInt(4) == 0 ? null : values(outputs, false);
    return new Layer(outputs, inputs, batch, values(outputs * inputs, special), bias);
  }

  private static UnaryOp<float[], float[]> build(Kernels kernels, Layer l, Activation act) {
    return kernels.fullyConnected(FloatBuffer.wrap(l.weights), l.outputs, l.inputs, l.bias, act);
  }

  @Test
  void givesTheReferenceBits() {
    for (int trial = 0; trial < 400; trial++) {
      Layer layer = randomLayer(trial % 10 == 0);
      Activation act = ACTIVATIONS[rnd.nextInt(ACTIVATIONS.length)];
      int[] shape = {layer.batch, layer.inputs};
      float[] input = values(layer.batch * layer.inputs, trial % 10 == 1);
      int size = layer.batch * layer.outputs;
      float[] expected = new float[size + 3];
      float[] found = new float[size + 3];
      Arrays.fill(expected, size, size + 3, 7f); // arena arrays may be longer: left alone
      Arrays.fill(found, size, size + 3, 7f);
      build(reference, layer, act).run(input, shape, expected, new Scratch());
      UnaryOp<float[], float[]> op = build(vector, layer, act);
      assertInstanceOf(VectorFullyConnected.FloatOp.class, op);
      op.run(input, shape, found, new Scratch());
      String what = layer.outputs + " outputs, " + layer.inputs + " inputs, batch " + layer.batch;
      assertArrayEquals(expected, found, what + ", " + act);
    }
  }

  @Test
  void splitAnywhereGivesAWholeRunsBits() {
    for (int trial = 0; trial < 100; trial++) {
      Layer layer = randomLayer(false);
      Activation act = ACTIVATIONS[rnd.nextInt(ACTIVATIONS.length)];
      @SuppressWarnings("unchecked")
      SplitOp<float[], float[]> op =
          (SplitOp<float[], float[]>) assertInstanceOf(SplitOp.class, build(vector, layer, act));
      int[] shape = {layer.batch, layer.inputs};
      float[] input = values(layer.batch * layer.inputs, false);
      float[] whole = new float[layer.batch * layer.outputs];
      float[] parts = new float[whole.length];
      op.run(input, shape, whole, new Scratch());
      int units = op.units(shape);
      int from = 0;
      while (from < units) {
        int to = from + 1 + rnd.nextInt(units - from);
        op.runUnits(input, shape, parts, new Scratch(), from, to);
        from = to;
      }
      assertArrayEquals(whole, parts, layer.outputs + " outputs in " + units + " units");
    }
  }
}
