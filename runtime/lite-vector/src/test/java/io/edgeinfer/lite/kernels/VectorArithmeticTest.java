package io.edgeinfer.lite.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector int8 ADD, SUB and MUL equal the reference for every pair of operands and broadcast
 * ({@link Int8ArithmeticTest#check}: all 256 x 256 pairs, random quantizations, every activation,
 * whole and split into ranges), and are the vector kernel where 64-bit lanes are 512 bits wide.
 */
class VectorArithmeticTest {
  @Test
  void everyPairEqualsTheReference() {
    Int8ArithmeticTest.check(new VectorKernels(), new Random(0x8ADD), 6);
  }

  @Test
  void vectorWhereUsable() {
    BinaryOp<byte[]> add =
        new VectorKernels()
            .add(new Quant(0.02f, 3), new Quant(0.03f, -5), new Quant(0.04f, 1), Activation.NONE);
    if (VectorRequantizer.USABLE) {
      assertInstanceOf(VectorArithmetic.Int8Op.class, add);
    } else {
      assertInstanceOf(FastArithmetic.Int8Op.class, add);
    }
    assertEquals(VectorRequantizer.USABLE, add instanceof VectorArithmetic.Int8Op);
  }
}
