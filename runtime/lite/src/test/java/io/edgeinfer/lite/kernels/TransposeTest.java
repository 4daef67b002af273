package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * TRANSPOSE against the definition (each output element read at its permuted input index) for
 * random shapes of rank 1 to 5 and every permutation of them, bytes, floats, ints and longs, short
 * rows (an image's channels last) and long ones, run whole and split into random ranges of rows.
 */
class TransposeTest {
  private final Random rnd = new Random(0x7A5);

  private static int[] permutation(Random rnd, int rank) {
    int[] p = new int[rank];
    for (int i = 0; i < rank; i++) {
      p[i] = i;
    }
    for (int i = rank - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** The output index of every input element, by the definition. */
  private static int[] expectedSource(int[] shape, int[] perm) {
    int rank = shape.length;
    int n = Shapes.size(shape);
    int[] out = new int[rank];
    for (int d = 0; d < rank; d++) {
      out[d] = shape[perm[d]];
    }
    int[] source = new int[n];
    int[] coord = new int[rank];
    for (int o = 0; o < n; o++) {
      int rest = o;
      for (int d = rank - 1; d >= 0; d--) {
        coord[d] = rest % out[d];
        rest /= out[d];
      }
      int in = 0;
      for (int a = 0; a < rank; a++) {
        // input axis a is output axis d where perm[d] == a
        int d = 0;
        while (perm[d] != a) {
          d++;
        }
        in = in * shape[a] + coord[d];
      }
      source[o] = in;
    }
    return source;
  }

  @Test
  void equalsTheDefinition() {
    for (int round = 0; round < 400; round++) {
      int rank = 1 + round % 5;
      int[] shape = new int[rank];
      for (int d = 0; d < rank; d++) {
        shape[d] = 1 + rnd.nextInt(round % 7 == 0 && rank <= 3 ? 40 : 7);
      }
      if (round % 3 == 0) {
        shape[rank - 1] = 1 + rnd.nextInt(4); // channels last, moved inwards by the permutation
      }
      int[] perm = permutation(rnd, rank);
      int n = Shapes.size(shape);
      int[] source = expectedSource(shape, perm);
      Transpose t = new Transpose(perm);
      byte[] bytes = new byte[n];
      float[] floats = new float[n];
      int[] ints = new int[n];
      long[] longs = new long[n];
      for (int i = 0; i < n; i++) {
        bytes[i] = (byte) i;
        floats[i] = i;
        ints[i] = i;
        longs[i] = i;
      }
      byte[] eb = new byte[n];
      float[] ef = new float[n];
      int[] ei = new int[n];
      long[] el = new long[n];
      for (int o = 0; o < n; o++) {
        eb[o] = bytes[source[o]];
        ef[o] = floats[source[o]];
        ei[o] = ints[source[o]];
        el[o] = longs[source[o]];
      }
      String what = java.util.Arrays.toString(shape) + " by " + java.util.Arrays.toString(perm);
      Object[][] cases = {
        {bytes, new byte[n], eb},
        {floats, new float[n], ef},
        {ints, new int[n], ei},
        {longs, new long[n], el}
      };
      for (Object[] c : cases) {
        t.run(c[0], shape, c[1], new Scratch());
        assertEquivalent(c[2], c[1], what);
        Object parts = java.lang.reflect.Array.newInstance(c[0].getClass().getComponentType(), n);
        int units = t.units(shape);
        for (int from = 0; from < units; ) {
          int to = Math.min(units, from + 1 + rnd.nextInt(Math.max(1, units / 3)));
          t.runUnits(c[0], shape, parts, new Scratch(), from, to);
          from = to;
        }
        assertEquivalent(c[2], parts, what + ", split");
      }
    }
  }

  private static void assertEquivalent(Object expected, Object actual, String what) {
    if (expected instanceof byte[] e) {
      assertArrayEquals(e, (byte[]) actual, what);
    } else if (expected instanceof float[] e) {
      assertArrayEquals(e, (float[]) actual, what);
    } else if (expected instanceof int[] e) {
      assertArrayEquals(e, (int[]) actual, what);
    } else {
      assertArrayEquals((long[]) expected, (long[]) actual, what);
    }
  }
}
