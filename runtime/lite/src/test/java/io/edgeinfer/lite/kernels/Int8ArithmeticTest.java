package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast int8 ADD, SUB and MUL equal the reference ({@link RefArithmetic.Int8Op}) for every pair
 * of operands (all 256 x 256, laid out as operands of the same shape, as a tensor and a repeating
 * row, and as a general broadcast of a column and a row), under random quantization parameters and
 * every activation, run whole and split into ranges of elements ({@link SplitBinaryOp}); plus a
 * scalar operand on either side. {@link #check} serves the vector kernel set's test too.
 */
class Int8ArithmeticTest {
  private final Random rnd = new Random(0xADD8);

  /** A scale spread over {@code 2^-spread .. 2^spread} times {@code 2^-7}. */
  private static float scale(Random rnd, int spread) {
    return (float) Math.scalb(0.5 + rnd.nextDouble(), rnd.nextInt(2 * spread + 1) - spread - 7);
  }

  /** Random quantizations of a, b and the output for {@code kind}; ADD/SUB need a large output. */
  static Quant[] randomQuants(Random rnd, RefArithmetic.Kind kind) {
    Quant a = new Quant(scale(rnd, 4), rnd.nextInt(256) - 128);
    Quant b = new Quant(scale(rnd, 4), rnd.nextInt(256) - 128);
    float outScale =
        kind == RefArithmetic.Kind.MUL
            // Real multipliers from about 2^-30 to 2^20: right shifts and left shifts that wrap.
            ? Math.scalb(a.scale() * b.scale(), rnd.nextInt(51) - 20)
            : Math.max(a.scale(), b.scale())
                * (float) Math.scalb(0.5 + rnd.nextDouble(), rnd.nextInt(12) - 6);
    Quant out = new Quant(outScale, rnd.nextInt(256) - 128);
    return new Quant[] {a, b, out};
  }

  private static BinaryOp<byte[]> op(
      Kernels kernels, RefArithmetic.Kind kind, Quant[] q, Activation act) {
    return switch (kind) {
      case ADD -> kernels.add(q[0], q[1], q[2], act);
      case SUB -> kernels.sub(q[0], q[1], q[2], act);
      case MUL -> kernels.mul(q[0], q[1], q[2], act);
    };
  }

  /** Every pair and broadcast, {@code rounds} random parameter sets per kind and activation. */
  static void check(Kernels kernels, Random rnd, int rounds) {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    byte[] rows = new byte[65536];
    byte[] cols = new byte[65536];
    for (int i = 0; i < 65536; i++) {
      rows[i] = (byte) (i >> 8);
      cols[i] = (byte) i;
    }
    int[] square = {256, 256};
    int[] row = {256};
    int[] column = {256, 1};
    int[] flatRow = {1, 256};
    for (RefArithmetic.Kind kind : RefArithmetic.Kind.values()) {
      for (Activation act : Activation.values()) {
        for (int round = 0; round < rounds; round++) {
          Quant[] q = randomQuants(rnd, kind);
          String what = kind + " " + act + " " + java.util.Arrays.toString(q);
          BinaryOp<byte[]> ref = new RefArithmetic.Int8Op(kind, q[0], q[1], q[2], act);
          BinaryOp<byte[]> fast = op(kernels, kind, q, act);
          byte[] expected = new byte[65536];
          ref.run(rows, square, cols, square, expected);
          compare(fast, rows, square, cols, square, expected, rnd, what + " same shapes");
          compare(fast, rows, square, all, row, expected, rnd, what + " a row repeated");
          compare(fast, all, column, all, flatRow, expected, rnd, what + " column and row");
          // b's row repeated on the left: the output's element (i, j) is op(all[j], rows[..]).
          byte[] swapped = new byte[65536];
          ref.run(cols, square, rows, square, swapped);
          compare(fast, all, row, rows, square, swapped, rnd, what + " a row repeated on the left");
          int s = rnd.nextInt(256);
          byte[] one = {all[s]};
          byte[] withScalar = new byte[256];
          byte[] scalarFirst = new byte[256];
          ref.run(all, row, one, new int[] {1}, withScalar);
          ref.run(one, new int[] {1}, all, row, scalarFirst);
          compare(fast, all, row, one, new int[] {1}, withScalar, rnd, what + " scalar b");
          compare(fast, one, new int[0], all, row, scalarFirst, rnd, what + " scalar a");
        }
      }
    }
  }

  private static void compare(
      BinaryOp<byte[]> op,
      byte[] a,
      int[] aShape,
      byte[] b,
      int[] bShape,
      byte[] expected,
      Random rnd,
      String what) {
    byte[] out = new byte[expected.length];
    op.run(a, aShape, b, bShape, out);
    assertArrayEquals(expected, out, what);
    if (op instanceof SplitBinaryOp<byte[]> split) {
      int units = split.units(aShape, bShape);
      if (units > 1) {
        assertEquals(expected.length, units, what);
        byte[] pieces = new byte[expected.length];
        for (int from = 0; from < units; ) {
          int to = Math.min(units, from + 1 + rnd.nextInt(100));
          split.runUnits(a, aShape, b, bShape, pieces, from, to);
          from = to;
        }
        assertArrayEquals(expected, pieces, what + ", split");
      }
    }
  }

  @Test
  void everyPairEqualsTheReference() {
    check(new FastKernels(), rnd, 4);
  }
}
