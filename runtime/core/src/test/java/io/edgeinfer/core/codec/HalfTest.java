package io.edgeinfer.core.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class HalfTest {
  @Test
  void everyHalfSurvivesFloatAndBack() {
    // The core's Float16 widens; Half narrows. Together they must be the identity.
    ByteBuffer all = ByteBuffer.allocate(2 * 65536).order(ByteOrder.LITTLE_ENDIAN);
    for (int bits = 0; bits < 65536; bits++) {
      all.putShort((short) bits);
    }
    Tensor halves = Tensor.of(DataType.FLOAT16, Shape.of(65536), all.flip());
    for (int bits = 0; bits < 65536; bits++) {
      float value = (float) halves.getDouble(bits);
      short back = Half.fromFloat(value);
      if (Float.isNaN(value)) {
        assertTrue((back & 0x7c00) == 0x7c00 && (back & 0x3ff) != 0, Integer.toHexString(bits));
      } else {
        assertEquals((short) bits, back, Integer.toHexString(bits));
      }
    }
  }

  @Test
  void roundsToNearestEven() {
    assertEquals(0x3c00, Half.fromFloat(1f + 0x1p-11f)); // a tie: down to even 1.0
    assertEquals(0x3c02, Half.fromFloat(1f + 3 * 0x1p-11f)); // a tie: up to even
    assertEquals(0x3c01, Half.fromFloat(1f + 0x1p-11f + 0x1p-20f));
    assertEquals(0x7bff, Half.fromFloat(65519f)); // the largest half, 65504
    assertEquals(0x7c00, Half.fromFloat(65520f)); // rounds past it: infinity
    assertEquals(0x0000, Half.fromFloat(0x1p-25f)); // half the smallest subnormal: ties to 0
    assertEquals(0x0001, Half.fromFloat(0x1.8p-25f));
    assertEquals(0x0400, Half.fromFloat(0x1.ffcp-15f)); // subnormal rounding up into normal
    assertEquals((short) 0x8000, Half.fromFloat(-Float.MIN_VALUE));
  }
}
