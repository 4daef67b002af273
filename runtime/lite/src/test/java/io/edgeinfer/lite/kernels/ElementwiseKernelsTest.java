package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The elementwise, comparison, reduction and normalization kernels worked by hand, including what
 * TensorFlow Lite Micro cannot check: POW, FLOOR_MOD on integers.
 */
class ElementwiseKernelsTest {
  @Test
  void unaryFloatMath() {
    float[] out = new float[1];
    FloatMath.Unary.LOG.run(new float[] {(float) Math.E}, out, 1);
    assertEquals(1f, out[0], 1e-6f);
    FloatMath.Unary.RSQRT.run(new float[] {4}, out, 1);
    assertEquals(0.5f, out[0]);
    FloatMath.Unary.SQRT.run(new float[] {9}, out, 1);
    assertEquals(3f, out[0]);
    FloatMath.Unary.EXP.run(new float[] {0}, out, 1);
    assertEquals(1f, out[0]);
  }

  @Test
  void int8RsqrtOfExactSquares() {
    // input scale 1/4, output scale 1/8: 16 -> 4.0 -> 0.5 -> 4; 4 -> 1.0 -> 8; 1 -> 0.25 -> 2 ->
    // 16;
    // the zero point itself gives the largest value
    RsqrtInt8 k = new RsqrtInt8(new Quant(0.25f, 0), new Quant(0.125f, 0));
    byte[] out = new byte[4];
    k.run(new byte[] {16, 4, 1, 0}, out, 4);
    assertArrayEquals(new byte[] {4, 8, 16, 127}, out);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> k.run(new byte[] {-3}, out, 1));
    assertEquals(
        "RSQRT: expected values at or above the zero point 0, found -3 at position 0",
        e.getMessage());
  }

  @Test
  void int8DivAsTflite() {
    // all at scale 0.1, zero point 0: 6.0 / 2.0 = 3.0 -> 30; -5.0 / 2.5 = -2.0 -> -20; 1.0 / -0.5
    // = -2.0 -> -20; 0 / 2.0 = 0
    Quant q = new Quant(0.1f, 0);
    QuantizedDiv div = new QuantizedDiv(q, q, q, Activation.NONE);
    byte[] out = new byte[4];
    div.run(
        new byte[] {60, -50, 10, 0},
        new int[] {4},
        new byte[] {20, 25, -5, 20},
        new int[] {4},
        out,
        new int[] {4});
    assertArrayEquals(new byte[] {30, -20, -20, 0}, out);
    // where a zero dividend's 31 bits of headroom push the shift past 31, TFLite's compiled
    // rounding (mask and shift cut to 32 bits and 5 bits) rounds 0 up to 1
    assertEquals(1, QuantizedDiv.divideByPot(0, 33));
    assertEquals(0, QuantizedDiv.divideByPot(0, 31));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            div.run(
                new byte[] {1}, new int[] {1}, new byte[] {0}, new int[] {1}, out, new int[] {1}));
  }

  @Test
  void binaryFloatMathBroadcasts() {
    float[] a = {2, 4, -7.5f, 7};
    int[] sa = {2, 2};
    float[] out = new float[4];
    FloatMath.Binary.POW.run(a, sa, new float[] {3, 0.5f}, new int[] {2}, out, sa);
    // 2^3, 4^0.5, -7.5^3, 7^0.5
    assertArrayEquals(new float[] {8, 2, -421.875f, (float) Math.sqrt(7)}, out, 1e-4f);
    FloatMath.Binary.FLOOR_MOD.run(a, sa, new float[] {3, -3}, new int[] {2}, out, sa);
    // 2 mod 3 = 2; 4 mod -3 = -2; -7.5 mod 3 = 1.5; 7 mod -3 = -2
    assertArrayEquals(new float[] {2, -2, 1.5f, -2}, out);
    FloatMath.Binary.SQUARED_DIFFERENCE.run(a, sa, new float[] {1}, new int[] {1}, out, sa);
    assertArrayEquals(new float[] {1, 9, 72.25f, 36}, out);
    FloatMath.Binary.DIV.run(a, sa, new float[] {4}, new int[] {}, out, sa);
    assertArrayEquals(new float[] {0.5f, 1, -1.875f, 1.75f}, out);
    FloatMath.Binary.MAXIMUM.run(a, sa, new float[] {3}, new int[] {1}, out, sa);
    assertArrayEquals(new float[] {3, 4, 3, 7}, out);
    FloatMath.Binary.MINIMUM.run(a, sa, new float[] {3}, new int[] {1}, out, sa);
    assertArrayEquals(new float[] {2, 3, -7.5f, 3}, out);
  }

  /** MoveNet turns a flat heatmap index into a row with FLOOR_DIV by the width (48). */
  @Test
  void floorDivRoundsTowardsMinusInfinity() {
    int[] out = new int[5];
    IntMath.FLOOR_DIV.run(
        new int[] {-7, 7, 6, -1, 2303},
        new int[] {5},
        new int[] {2, -2, 3, 5, 48},
        new int[] {5},
        out,
        new int[] {5});
    assertArrayEquals(new int[] {-4, -4, 2, -1, 47}, out);
    float[] f = new float[3];
    FloatMath.Binary.FLOOR_DIV.run(
        new float[] {-7.5f, 7.5f, 1},
        new int[] {3},
        new float[] {2},
        new int[] {},
        f,
        new int[] {3});
    assertArrayEquals(new float[] {-4, 3, 0}, f);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                IntMath.FLOOR_DIV.run(
                    new int[] {1},
                    new int[] {1},
                    new int[] {0},
                    new int[] {1},
                    out,
                    new int[] {1}));
    assertEquals("FLOOR_DIV: expected a non-zero divisor, found 0", e.getMessage());
  }

  @Test
  void integerFloorModTakesTheDivisorsSignAndRefusesZero() {
    int[] out = new int[4];
    IntMath.FLOOR_MOD.run(
        new int[] {-7, 7, 6, -1},
        new int[] {4},
        new int[] {3, -3, 3, 5},
        new int[] {4},
        out,
        new int[] {4});
    assertArrayEquals(new int[] {2, -2, 0, 4}, out);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                IntMath.FLOOR_MOD.run(
                    new int[] {1},
                    new int[] {1},
                    new int[] {0},
                    new int[] {1},
                    out,
                    new int[] {1}));
    assertEquals("FLOOR_MOD: expected a non-zero divisor, found 0", e.getMessage());
  }

  @Test
  void comparisonsBroadcastToBool() {
    boolean[] out = new boolean[3];
    Comparison.LESS.run(
        new int[] {1, 2, 3}, new int[] {3}, new int[] {2}, new int[] {1}, out, new int[] {3});
    assertArrayEquals(new boolean[] {true, false, false}, out);
    Comparison.GREATER_EQUAL.run(
        new float[] {1, 2, 3}, new int[] {3}, new float[] {2}, new int[] {1}, out, new int[] {3});
    assertArrayEquals(new boolean[] {false, true, true}, out);
    Comparison.NOT_EQUAL.run(
        new byte[] {-1, 0, 1}, new int[] {3}, new byte[] {0}, new int[] {1}, out, new int[] {3});
    assertArrayEquals(new boolean[] {true, false, true}, out);
    Comparison.EQUAL.run(
        new long[] {5, 6, 5}, new int[] {3}, new long[] {5}, new int[] {1}, out, new int[] {3});
    assertArrayEquals(new boolean[] {true, false, true}, out);
  }

  @Test
  void hardSwishFloatAndInt8() {
    float[] out = new float[4];
    HardSwish.runFloat(new float[] {-4, -1, 1, 4}, out, 4);
    // x * relu6(x + 3) / 6: 0, -1 * 2 / 6, 1 * 4 / 6, 4 * 6 / 6
    assertArrayEquals(new float[] {0, -1f / 3, 2f / 3, 4}, out, 1e-6f);
    // int8 at scale 0.1, zero point 0 in and out: within one step of the real function
    HardSwish.Int8 k = new HardSwish.Int8(new Quant(0.1f, 0), new Quant(0.1f, 0));
    byte[] in = new byte[256];
    for (int i = 0; i < 256; i++) {
      in[i] = (byte) (i - 128);
    }
    byte[] q = new byte[256];
    k.run(in, q, 256);
    for (int i = 0; i < 256; i++) {
      float x = in[i] * 0.1f;
      float want = x * Math.min(6f, Math.max(0f, x + 3)) / 6 / 0.1f;
      float clamped = Math.max(-128, Math.min(127, want));
      assertEquals(clamped, q[i], 1f, "hard swish of " + x);
    }
    // 1.0 -> 0.6667 -> 7 steps; -1.0 -> -0.3333 -> -3 steps; 4.0 -> 40 steps; -4.0 -> 0
    assertArrayEquals(new byte[] {7, -3, 40, 0}, pick(q, 10, -10, 40, -40));
  }

  private static byte[] pick(byte[] table, int... inputs) {
    byte[] out = new byte[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      out[i] = table[inputs[i] + 128];
    }
    return out;
  }

  @Test
  void reductionsAndArgMin() {
    float[] x = {1, 5, 2, 7, 0, 3};
    int[] shape = {2, 3};
    Reduction max = new Reduction(true, new int[] {1}, false);
    assertArrayEquals(new int[] {2}, max.outputShape(shape));
    float[] rows = new float[2];
    max.run(x, shape, rows);
    assertArrayEquals(new float[] {5, 7}, rows);
    Reduction sum = new Reduction(false, new int[] {0}, true);
    assertArrayEquals(new int[] {1, 3}, sum.outputShape(shape));
    float[] columns = new float[3];
    sum.run(x, shape, columns);
    assertArrayEquals(new float[] {8, 5, 5}, columns);
    int[] argmin = new int[2];
    // first index on ties: [3, 1, 1] -> 1, [0, 2, 0] -> 0
    new ArgMin(1).run(new float[] {3, 1, 1, 0, 2, 0}, shape, argmin);
    assertArrayEquals(new int[] {1, 0}, argmin);
  }

  @Test
  void normalizations() {
    float[] out = new float[4];
    Normalization.l2(new float[] {3, 4, 0, 0}, out, 4, 2);
    // (3, 4) / 5; a zero row divided by the floor 1e-6 stays zero
    assertArrayEquals(new float[] {0.6f, 0.8f, 0, 0}, out, 1e-6f);
    Normalization.logSoftmax(new float[] {1, 1, 0, (float) Math.log(3)}, out, 4, 2);
    float ln2 = (float) Math.log(2);
    // log(1 / 2) twice; log(1 / 4) and log(3 / 4)
    assertArrayEquals(
        new float[] {-ln2, -ln2, (float) Math.log(0.25), (float) Math.log(0.75)}, out, 1e-6f);
    byte[] q = new byte[4];
    // int8 (3, 4) * 10 and (-5, 0) + zero point 2: 128 * (0.6, 0.8) and 128 * (-1, 0), clamped
    L2NormInt8.run(new byte[] {32, 42, -3, 2}, q, 4, 2, 2);
    assertArrayEquals(new byte[] {77, 102, -128, 0}, q);
    float[] p = new float[2];
    Normalization.prelu(
        new float[] {-2, 3}, new int[] {2}, new float[] {0.5f}, new int[] {1}, p, new int[] {2});
    assertArrayEquals(new float[] {-1, 3}, p);
  }
}
