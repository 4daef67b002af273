package io.edgeinfer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorTest {
  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String message(Runnable action) {
    return assertThrows(IllegalArgumentException.class, action::run).getMessage();
  }

  @Test
  void factoriesSetTypeShapeAndValues() {
    Tensor floats = Tensor.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertEquals(DataType.FLOAT32, floats.dataType());
    assertEquals(Shape.of(2, 3), floats.shape());
    assertEquals(6, floats.size());
    assertEquals(6.0, floats.getDouble(5));
    assertEquals(Shape.of(3), Tensor.ofLongs(new long[] {1, 2, 3}).shape());
    assertEquals(Long.MAX_VALUE, Tensor.ofLongs(new long[] {Long.MAX_VALUE}).getLong(0));
    assertEquals(0.1, Tensor.ofDoubles(new double[] {0.1}).getDouble(0));
    assertEquals(-7, Tensor.ofInts(new int[] {-7}).getLong(0));
    assertEquals(255, Tensor.ofBytes(DataType.UINT8, new byte[] {(byte) 255}).getLong(0));
    assertEquals(-1, Tensor.ofBytes(DataType.INT8, new byte[] {(byte) 255}).getLong(0));
    assertEquals(1, Tensor.ofBytes(DataType.BOOL, new byte[] {1}).getDouble(0));
  }

  @Test
  void factoriesCheckTheirArguments() {
    assertEquals(
        "expected a shape of 4 elements, found [3]",
        message(() -> Tensor.ofFloats(new float[4], 3)));
    assertEquals(
        "expected a shape of 4 elements, found [-1, 2]",
        message(() -> Tensor.ofFloats(new float[4], -1, 2)));
    assertEquals(
        "expected rows of 2 values, found 1 in row 1",
        message(() -> Tensor.ofFloats(new float[][] {{1, 2}, {3}})));
    assertEquals(
        "expected int8, uint8 or bool, found int32",
        message(() -> Tensor.ofBytes(DataType.INT32, new byte[4])));
    assertEquals(
        "expected 8 bytes for float32 [2], found 4",
        message(() -> Tensor.of(DataType.FLOAT32, Shape.of(2), ByteBuffer.allocate(4))));
    assertEquals(
        "expected a numeric type, found string: use ofStrings",
        message(() -> Tensor.of(DataType.STRING, Shape.of(1), ByteBuffer.allocate(0))));
  }

  @Test
  void rowsOfFloats() {
    Tensor rows = Tensor.ofFloats(new float[][] {{1, 2}, {3, 4}});
    assertEquals(Tensor.ofFloats(new float[] {1, 2, 3, 4}, 2, 2), rows);
  }

  @Test
  void ofCopiesLittleEndianBytes() {
    ByteBuffer bytes = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, 1.5f);
    Tensor tensor = Tensor.of(DataType.FLOAT32, Shape.of(1), bytes);
    bytes.putFloat(0, 9f);
    assertEquals(1.5, tensor.getDouble(0));
    ByteBuffer data = tensor.data();
    assertEquals(ByteOrder.LITTLE_ENDIAN, data.order());
    assertEquals(0, data.position());
    assertEquals(1.5f, data.getFloat(0));
    assertThrows(ReadOnlyBufferException.class, () -> data.putFloat(0, 2f));
  }

  @Test
  void stringsAreCopiedBothWays() {
    byte[] value = utf8("abc");
    Tensor tensor = Tensor.ofStrings(List.of(value));
    value[0] = 'x';
    assertArrayEquals(utf8("abc"), tensor.strings().get(0));
    tensor.strings().get(0)[0] = 'y';
    assertArrayEquals(utf8("abc"), tensor.strings().get(0));
    assertEquals(Shape.of(1), tensor.shape());
  }

  @Test
  void accessorsNameTheWrongKind() {
    Tensor strings = Tensor.ofStrings(List.of(utf8("a")));
    assertEquals(
        "expected a numeric tensor, found string",
        assertThrows(IllegalStateException.class, strings::data).getMessage());
    assertEquals(
        "expected a string tensor, found float32",
        assertThrows(IllegalStateException.class, Tensor.ofFloats(new float[1])::strings)
            .getMessage());
    assertEquals(
        "expected an integer tensor, found float32",
        assertThrows(IllegalStateException.class, () -> Tensor.ofFloats(new float[1]).getLong(0))
            .getMessage());
  }

  @Test
  void toFloatArrayConverts() {
    assertArrayEquals(
        new float[] {1.5f, -2f}, Tensor.ofFloats(new float[] {1.5f, -2f}).toFloatArray());
    assertArrayEquals(new float[] {3f, 4f}, Tensor.ofLongs(new long[] {3, 4}).toFloatArray());
    assertArrayEquals(new float[] {0.1f}, Tensor.ofDoubles(new double[] {0.1}).toFloatArray());
  }

  @Test
  void reshape() {
    Tensor tensor = Tensor.ofInts(new int[] {1, 2, 3, 4, 5, 6}, 2, 3);
    Tensor reshaped = tensor.reshape(Shape.of(3, 2));
    assertEquals(Shape.of(3, 2), reshaped.shape());
    assertEquals(6, reshaped.getLong(5));
    assertEquals(Shape.of(), Tensor.ofInts(new int[] {7}).reshape(Shape.of()).shape());
    assertEquals(
        "expected a shape of 6 elements, found [4]", message(() -> tensor.reshape(Shape.of(4))));
  }

  @Test
  void sliceTakesRows() {
    Tensor tensor = Tensor.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
    Tensor middle = tensor.slice(1, 2);
    assertEquals(Tensor.ofFloats(new float[] {3, 4}, 1, 2), middle);
    assertEquals(Tensor.ofFloats(new float[] {5, 6}, 1, 2), tensor.slice(2, 3));
    assertEquals(Shape.of(0, 2), tensor.slice(3, 3).shape());
    assertEquals(ByteOrder.LITTLE_ENDIAN, middle.data().order());
    assertEquals("expected rows within [0, 3], found [2, 4)", message(() -> tensor.slice(2, 4)));
    assertEquals("expected rows within [0, 3], found [2, 1)", message(() -> tensor.slice(2, 1)));
    Tensor strings = Tensor.ofStrings(List.of(utf8("a"), utf8("b"), utf8("c"), utf8("d")), 2, 2);
    assertEquals(Tensor.ofStrings(List.of(utf8("c"), utf8("d")), 1, 2), strings.slice(1, 2));
  }

  @Test
  void concatJoinsRows() {
    Tensor a = Tensor.ofFloats(new float[] {1, 2}, 1, 2);
    Tensor b = Tensor.ofFloats(new float[] {3, 4, 5, 6}, 2, 2);
    assertEquals(
        Tensor.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 3, 2), Tensor.concat(List.of(a, b)));
    Tensor sliced = Tensor.concat(List.of(b.slice(1, 2), a));
    assertEquals(Tensor.ofFloats(new float[] {5, 6, 1, 2}, 2, 2), sliced);
    assertEquals(
        Tensor.ofStrings(List.of(utf8("x"), utf8("y"))),
        Tensor.concat(
            List.of(Tensor.ofStrings(List.of(utf8("x"))), Tensor.ofStrings(List.of(utf8("y"))))));
    assertEquals(
        "expected tensors like float32 [1, 2], found float32 [1, 3]",
        message(() -> Tensor.concat(List.of(a, Tensor.ofFloats(new float[3], 1, 3)))));
    assertEquals(
        "expected tensors like float32 [1, 2], found int32 [1, 2]",
        message(() -> Tensor.concat(List.of(a, Tensor.ofInts(new int[2], 1, 2)))));
    assertEquals(
        "expected at least one tensor to concatenate, found none",
        message(() -> Tensor.concat(List.of())));
  }

  @Test
  void equalityIsTypeShapeAndBits() {
    Tensor a = Tensor.ofFloats(new float[] {1, 2}, 2);
    assertEquals(a, Tensor.ofFloats(new float[] {1, 2}));
    assertEquals(a.hashCode(), Tensor.ofFloats(new float[] {1, 2}).hashCode());
    assertNotEquals(a, Tensor.ofFloats(new float[] {1, 2}, 1, 2));
    assertNotEquals(a, Tensor.ofInts(new int[] {1, 2}));
    assertNotEquals(Tensor.ofFloats(new float[] {0f}), Tensor.ofFloats(new float[] {-0f}));
    assertEquals(
        Tensor.ofFloats(new float[] {Float.NaN}), Tensor.ofFloats(new float[] {Float.NaN}));
    assertTrue(Tensor.ofStrings(List.of(utf8("a"))).equals(Tensor.ofStrings(List.of(utf8("a")))));
    assertNotEquals(Tensor.ofStrings(List.of(utf8("a"))), Tensor.ofStrings(List.of(utf8("b"))));
    assertEquals("Tensor(float32 [2])", a.toString());
  }
}
