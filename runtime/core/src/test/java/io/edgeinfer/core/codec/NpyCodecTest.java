package io.edgeinfer.core.codec;

import static io.edgeinfer.core.codec.NpyFiles.dict;
import static io.edgeinfer.core.codec.NpyFiles.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NpyCodecTest {
  private static String error(byte[] file) {
    return assertThrows(MalformedInputException.class, () -> NpyCodec.read(file)).getMessage();
  }

  @Test
  void float32() {
    // 1.0f = 3f800000, -2.5f = c0200000, little-endian.
    byte[] file = npy(1, dict("<f4", "(2,)"), 0, 0, 0x80, 0x3f, 0, 0, 0x20, 0xc0);
    assertEquals(Tensor.ofFloats(new float[] {1f, -2.5f}, 2), NpyCodec.read(file));
  }

  @Test
  void float64InAVersion2File() {
    byte[] file = npy(2, dict("<f8", "(1, 1)"), 0, 0, 0, 0, 0, 0, 0xf0, 0x3f);
    assertEquals(Tensor.ofDoubles(new double[] {1.0}, 1, 1), NpyCodec.read(file));
  }

  @Test
  void float16InAVersion3File() {
    // 1.0 = 3c00, -2.0 = c000 in half precision.
    byte[] file = npy(3, dict("<f2", "(2,)"), 0x00, 0x3c, 0x00, 0xc0);
    Tensor tensor = NpyCodec.read(file);
    assertEquals(DataType.FLOAT16, tensor.dataType());
    assertArrayEquals(new float[] {1f, -2f}, tensor.toFloatArray());
  }

  @Test
  void integers() {
    assertEquals(
        Tensor.ofInts(new int[] {1, -1}, 2),
        NpyCodec.read(npy(1, dict("<i4", "(2,)"), 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff)));
    assertEquals(
        Tensor.ofLongs(new long[] {(1L << 40) + 1}, 1),
        NpyCodec.read(npy(2, dict("<i8", "(1,)"), 1, 0, 0, 0, 0, 1, 0, 0)));
    assertEquals(
        Tensor.ofBytes(DataType.INT8, new byte[] {-128, 127}, 2),
        NpyCodec.read(npy(1, dict("|i1", "(2,)"), 0x80, 0x7f)));
    assertEquals(
        Tensor.ofBytes(DataType.UINT8, new byte[] {0, (byte) 200, (byte) 255}, 3, 1),
        NpyCodec.read(npy(1, dict("|u1", "(3, 1)"), 0, 200, 255)));
  }

  @Test
  void bools() {
    Tensor tensor = NpyCodec.read(npy(1, dict("|b1", "(2,)"), 1, 0));
    assertEquals(Tensor.ofBytes(DataType.BOOL, new byte[] {1, 0}, 2), tensor);
  }

  @Test
  void bigEndianIsConverted() {
    assertEquals(
        Tensor.ofFloats(new float[] {1f}, 1),
        NpyCodec.read(npy(1, dict(">f4", "(1,)"), 0x3f, 0x80, 0, 0)));
    assertEquals(
        Tensor.ofLongs(new long[] {258}, 1),
        NpyCodec.read(npy(1, dict(">i8", "(1,)"), 0, 0, 0, 0, 0, 0, 1, 2)));
  }

  @Test
  void scalarsAndEmptyArraysAndPythonTwoLongs() {
    Tensor scalar = NpyCodec.read(npy(1, dict("<i4", "()"), 7, 0, 0, 0));
    assertEquals(Shape.of(), scalar.shape());
    assertEquals(7, scalar.getLong(0));
    assertEquals(Shape.of(0, 3), NpyCodec.read(npy(1, dict("<f4", "(0, 3)"))).shape());
    byte[] python2 = npy(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (2L,), }", 1, 2);
    assertEquals(Shape.of(2), NpyCodec.read(python2).shape());
  }

  @Test
  void keysMayComeInAnyOrderWithDoubleQuotes() {
    byte[] file = npy(1, "{\"shape\": (1,), \"fortran_order\": False, \"descr\": \"|u1\"}", 9);
    assertEquals(Tensor.ofBytes(DataType.UINT8, new byte[] {9}, 1), NpyCodec.read(file));
  }

  @Test
  void writeProducesAnAlignedVersion1Header() {
    byte[] file = NpyCodec.write(Tensor.ofFloats(new float[] {1f, -2.5f}, 2, 1));
    assertEquals(0x93, file[0] & 0xff);
    assertEquals("NUMPY", new String(file, 1, 5, StandardCharsets.US_ASCII));
    assertEquals(1, file[6]);
    assertEquals(0, file[7]);
    int headerLength = (file[8] & 0xff) | (file[9] & 0xff) << 8;
    assertEquals(0, (10 + headerLength) % 64);
    String header = new String(file, 10, headerLength, StandardCharsets.US_ASCII);
    assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 1), }", header.strip());
    assertEquals('\n', header.charAt(header.length() - 1));
    assertArrayEquals(
        new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0x20, (byte) 0xc0},
        Arrays.copyOfRange(file, 10 + headerLength, file.length));
  }

  @Test
  void writeNamesEveryTypeAsNumPyDoes() {
    assertEquals(
        "{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }",
        header(NpyCodec.write(Tensor.ofBytes(DataType.BOOL, new byte[] {1, 0, 1}))));
    assertEquals(
        "{'descr': '<i8', 'fortran_order': False, 'shape': (), }",
        header(NpyCodec.write(Tensor.ofLongs(new long[] {1}).reshape(Shape.of()))));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> NpyCodec.write(Tensor.ofStrings(java.util.List.of(new byte[0]))));
    assertEquals("expected a numeric tensor for NPY, found string", e.getMessage());
  }

  @Test
  void fortranOrderIsRefused() {
    byte[] file = npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", new int[16]);
    String message = error(file);
    assertEquals(
        "Fortran-order arrays are not supported: save with C order (found 'fortran_order': True"
            + " at byte 28)",
        message);
  }

  @Test
  void objectStringAndOtherDtypesAreRefused() {
    assertEquals(
        "object arrays are not supported: save a numeric array (found dtype '|O' at byte 21)",
        error(npy(1, dict("|O", "(1,)"), new int[8])));
    assertEquals(
        "string arrays are not supported: send strings as JSON (found dtype '<U3' at byte 21)",
        error(npy(1, dict("<U3", "(1,)"), new int[12])));
    assertEquals(
        "expected dtype <f4, <f8, <f2, <i2, <i4, <i8, |i1, |u1 or |b1, found '<c8' at byte 21",
        error(npy(1, dict("<c8", "(1,)"), new int[8])));
    assertEquals(
        "expected dtype <f4, <f8, <f2, <i2, <i4, <i8, |i1, |u1 or |b1, found '|f4' at byte 21",
        error(npy(1, dict("|f4", "(1,)"), new int[4])));
    assertEquals(
        "expected a dtype string (structured arrays are not supported), found a list at byte 20",
        error(npy(1, "{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (1,), }")));
  }

  @Test
  void truncatedAndOverlongDataAreRefused() {
    assertEquals(
        "expected 8 data bytes after the header, found 6 (data from byte 128 to 134, for <f4 [2])",
        error(npy(1, dict("<f4", "(2,)"), 0, 0, 0x80, 0x3f, 0, 0)));
    assertEquals(
        "expected 4 data bytes after the header, found 5 (data from byte 128 to 133, for <f4 [1])",
        error(npy(1, dict("<f4", "(1,)"), 0, 0, 0x80, 0x3f, 0)));
    byte[] whole = npy(1, dict("<f4", "(1,)"), 0, 0, 0x80, 0x3f);
    assertEquals(
        "expected a header of 118 bytes at byte 10, found 20", error(Arrays.copyOf(whole, 30)));
    assertEquals(
        "expected a 2-byte header length at byte 8, found the end of the file",
        error(Arrays.copyOf(whole, 9)));
  }

  @Test
  void otherFilesAreRecognised() {
    assertEquals(
        "expected an NPY file (magic \\x93NUMPY), found 'PK\\x03\\x04\\x14\\x00\\x00\\x00' at"
            + " byte 0",
        error(new byte[] {'P', 'K', 3, 4, 0x14, 0, 0, 0, 0, 0}));
    assertEquals(
        "expected an NPY file (magic \\x93NUMPY), found an empty file at byte 0",
        error(new byte[0]));
    byte[] version4 = npy(1, dict("<f4", "(0,)"));
    version4[6] = 4;
    assertEquals(
        "expected NPY format version 1.0, 2.0 or 3.0, found 4.0 at byte 6", error(version4));
  }

  @Test
  void badHeadersReportTheByte() {
    assertEquals(
        "expected a dimension (a non-negative integer) in the NPY header, found '-1,), }' at"
            + " byte 61",
        error(npy(1, dict("<f4", "(-1,)"))));
    assertEquals(
        "expected 'descr', 'fortran_order' and 'shape' in the NPY header, found [descr, shape]"
            + " at byte 10",
        error(npy(1, "{'descr': '<f4', 'shape': (1,)}", 0, 0, 0, 0)));
    assertEquals(
        "expected '{' in the NPY header, found 'descr' at byte 10", error(npy(1, "descr", 0)));
  }

  private static String header(byte[] file) {
    int length = (file[8] & 0xff) | (file[9] & 0xff) << 8;
    return new String(file, 10, length, StandardCharsets.US_ASCII).strip();
  }
}
