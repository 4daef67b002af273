package io.edgeinfer.lite.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Half precision against the textbook formula, over every one of the 65,536 bit patterns. */
class HalfFloatTest {

  /** (-1)^s * 2^(e-15) * (1 + m/1024), subnormals 2^-14 * m/1024, e = 31 infinity or NaN. */
  private static double formula(int bits) {
    double sign = (bits & 0x8000) != 0 ? -1 : 1;
    int e = (bits >> 10) & 0x1f;
    int m = bits & 0x3ff;
    if (e == 31) {
      return m == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
    }
    if (e == 0) {
      return sign * Math.pow(2, -14) * (m / 1024.0);
    }
    return sign * Math.pow(2, e - 15) * (1 + m / 1024.0);
  }

  @Test
  void everyPatternMatchesTheFormula() {
    int nans = 0;
    int subnormals = 0;
    for (int bits = 0; bits < 0x10000; bits++) {
      float actual = HalfFloat.toFloat((short) bits);
      double expected = formula(bits);
      if (Double.isNaN(expected)) {
        assertTrue(Float.isNaN(actual), "pattern " + Integer.toHexString(bits));
        assertEquals(bits >>> 15, Float.floatToRawIntBits(actual) >>> 31, "NaN sign");
        nans++;
        continue;
      }
      if (((bits >> 10) & 0x1f) == 0 && (bits & 0x3ff) != 0) {
        subnormals++;
      }
      // Every half is exactly a float, signed zero included: compare the bits.
      if (Float.floatToRawIntBits(actual) != Float.floatToRawIntBits((float) expected)) {
        fail("pattern 0x" + Integer.toHexString(bits) + ": " + actual + ", expected " + expected);
      }
    }
    assertEquals(2 * 1023, nans);
    assertEquals(2 * 1023, subnormals);
    assertEquals(65504f, HalfFloat.toFloat((short) 0x7bff));
    assertEquals(0x1p-24f, HalfFloat.toFloat((short) 0x0001));
    assertEquals(Float.NEGATIVE_INFINITY, HalfFloat.toFloat((short) 0xfc00));
  }

  @Test
  void everyFiniteHalfRoundTrips() {
    for (int bits = 0; bits < 0x10000; bits++) {
      if (((bits >> 10) & 0x1f) == 31 && (bits & 0x3ff) != 0) {
        continue; // NaN: only NaN-ness is kept
      }
      assertEquals(
          bits, HalfFloat.fromFloat(HalfFloat.toFloat((short) bits)) & 0xffff, "0x" + bits);
    }
  }

  /** Between two neighbouring halves: the midpoint goes to the even one, anything off it nearer. */
  @Test
  void roundsToNearestTiesToEven() {
    for (int sign : new int[] {0, 0x8000}) {
      for (int bits = 0; bits < 0x7c00; bits++) { // b = bits + 1 reaches infinity
        int a = sign | bits;
        int b = sign | (bits + 1);
        float low = HalfFloat.toFloat((short) a);
        float high = HalfFloat.toFloat((short) b);
        float mid = (low + high) / 2; // 12 significant bits: exact in float
        if (b == (sign | 0x7c00)) {
          mid = sign == 0 ? 65520f : -65520f; // halfway to the next exponent's first value
        }
        int even = (a & 1) == 0 ? a : b;
        assertEquals(even, HalfFloat.fromFloat(mid) & 0xffff, "midpoint " + mid);
        assertEquals(a, HalfFloat.fromFloat(towards(mid, low)) & 0xffff, "below " + mid);
        assertEquals(b, HalfFloat.fromFloat(towards(mid, high)) & 0xffff, "above " + mid);
      }
    }
  }

  private static float towards(float from, float to) {
    return Math.nextAfter(from, to);
  }

  @Test
  void specialValues() {
    assertEquals(0x7c00, HalfFloat.fromFloat(Float.POSITIVE_INFINITY) & 0xffff);
    assertEquals(0xfc00, HalfFloat.fromFloat(Float.NEGATIVE_INFINITY) & 0xffff);
    assertTrue(Float.isNaN(HalfFloat.toFloat(HalfFloat.fromFloat(Float.NaN))));
    assertEquals(0x7c00, HalfFloat.fromFloat(1e6f) & 0xffff);
    assertEquals(0x8000, HalfFloat.fromFloat(-1e-9f) & 0xffff);
    assertEquals(0x0000, HalfFloat.fromFloat(Float.MIN_VALUE) & 0xffff);
    assertEquals(0x3c00, HalfFloat.fromFloat(1f) & 0xffff);
    assertEquals(0x3555, HalfFloat.fromFloat(1f / 3) & 0xffff);
  }

  @Test
  void buffersOfHalvesAreLittleEndian() {
    LiteBuffer buffer = LiteBuffer.ofHalfs(1f, -2f, 0.5f);
    assertEquals(6, buffer.size());
    assertEquals(ByteOrder.LITTLE_ENDIAN, buffer.data().order());
    assertEquals((byte) 0x00, buffer.data().get(0));
    assertEquals((byte) 0x3c, buffer.data().get(1));
    assertEquals(-2f, HalfFloat.toFloat(buffer.data().getShort(2)));
    assertEquals(0.5f, HalfFloat.toFloat(buffer.data().getShort(4)));
  }
}
