package io.edgeinfer.core.codec;

import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * NumPy {@code .npy} files, from the documented format
 * (numpy.org/doc/stable/reference/generated/numpy.lib.format.html): the magic {@code \x93NUMPY}, a
 * version, a little-endian header length, a Python dict literal header, then the raw data.
 */
public final class NpyCodec {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  /** NumPy pads the header so that the data starts on this boundary. */
  private static final int ALIGN = 64;

  private NpyCodec() {}

  /**
   * Reads a version 1, 2 or 3 file of a supported dtype in C order; big-endian data is converted.
   *
   * @throws MalformedInputException on anything else, with the byte offset
   */
  public static Tensor read(byte[] bytes) {
    checkMagic(bytes);
    if (bytes.length < 8) {
      throw new MalformedInputException(
          "expected the format version at byte 6, found the end of the file");
    }
    int major = bytes[6] & 0xff;
    int minor = bytes[7] & 0xff;
    if (major < 1 || major > 3) {
      throw new MalformedInputException(
          "expected NPY format version 1.0, 2.0 or 3.0, found "
              + major
              + "."
              + minor
              + " at byte 6");
    }
    int lengthBytes = major == 1 ? 2 : 4;
    int headerStart = 8 + lengthBytes;
    if (bytes.length < headerStart) {
      throw new MalformedInputException(
          "expected a " + lengthBytes + "-byte header length at byte 8, found the end of the file");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = major == 1 ? in.getShort(8) & 0xffff : in.getInt(8) & 0xffffffffL;
    if (headerStart + headerLength > bytes.length) {
      throw new MalformedInputException(
          "expected a header of "
              + headerLength
              + " bytes at byte "
              + headerStart
              + ", found "
              + (bytes.length - headerStart));
    }
    // Versions 1 and 2 are Latin-1, 3 is UTF-8; all a supported header holds is ASCII either way.
    String text = new String(bytes, headerStart, (int) headerLength, StandardCharsets.ISO_8859_1);
    NpyHeader header = NpyHeader.parse(text, headerStart);
    NpyDtype dtype =
        NpyDtype.parse(header.descr(), headerStart + Math.max(0, text.indexOf(header.descr())));
    if (header.fortranOrder()) {
      throw new MalformedInputException(
          "Fortran-order arrays are not supported: save with C order (found 'fortran_order': True"
              + " at byte "
              + (headerStart + Math.max(0, text.indexOf("fortran_order")))
              + ")");
    }
    int dataStart = (int) (headerStart + headerLength);
    Shape shape = shape(header.shape(), headerStart);
    long expected = shape.elementCount() * dtype.dataType().byteSize();
    long found = bytes.length - dataStart;
    if (found != expected) {
      throw new MalformedInputException(
          "expected "
              + expected
              + " data bytes after the header, found "
              + found
              + " (data from byte "
              + dataStart
              + " to "
              + bytes.length
              + ", for "
              + header.descr()
              + " "
              + shape
              + ")");
    }
    ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) expected).slice();
    if (dtype.order() == ByteOrder.BIG_ENDIAN) {
      data = swapped(data, dtype.dataType().byteSize());
    }
    return Tensor.of(dtype.dataType(), shape, data);
  }

  /** Writes a version 1.0 file (2.0 if the header is too long), little-endian, C order. */
  public static byte[] write(Tensor tensor) {
    String descr = NpyDtype.descr(tensor.dataType());
    long[] dims = new long[tensor.shape().rank()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = tensor.shape().dim(i);
    }
    String dict = new NpyHeader(descr, false, dims).format();
    int lengthBytes = 2;
    int padded = paddedLength(dict.length(), lengthBytes);
    if (padded > 0xffff) {
      lengthBytes = 4;
      padded = paddedLength(dict.length(), lengthBytes);
    }
    ByteBuffer data = tensor.data();
    ByteBuffer out =
        ByteBuffer.allocate(8 + lengthBytes + padded + data.remaining())
            .order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) (lengthBytes == 2 ? 1 : 2)).put((byte) 0);
    if (lengthBytes == 2) {
      out.putShort((short) padded);
    } else {
      out.putInt(padded);
    }
    out.put(dict.getBytes(StandardCharsets.US_ASCII));
    for (int i = dict.length(); i < padded - 1; i++) {
      out.put((byte) ' ');
    }
    out.put((byte) '\n').put(data);
    return out.array();
  }

  /** The header's length once padded with spaces and a newline to {@link #ALIGN}. */
  private static int paddedLength(int dictLength, int lengthBytes) {
    int prefix = 8 + lengthBytes;
    int unpadded = prefix + dictLength + 1;
    return dictLength + 1 + (ALIGN - unpadded % ALIGN) % ALIGN;
  }

  private static void checkMagic(byte[] bytes) {
    boolean ok = bytes.length >= MAGIC.length;
    for (int i = 0; ok && i < MAGIC.length; i++) {
      ok = bytes[i] == MAGIC[i];
    }
    if (!ok) {
      StringBuilder found = new StringBuilder();
      for (int i = 0; i < Math.min(bytes.length, 8); i++) {
        int b = bytes[i] & 0xff;
        found.append(
            b >= 0x20 && b < 0x7f && b != '\\'
                ? String.valueOf((char) b)
                : String.format("\\x%02x", b));
      }
      throw new MalformedInputException(
          "expected an NPY file (magic \\x93NUMPY), found "
              + (bytes.length == 0 ? "an empty file" : "'" + found + "'")
              + " at byte 0");
    }
  }

  private static Shape shape(long[] dims, int headerStart) {
    try {
      Shape shape = Shape.of(dims);
      // At most 8 bytes an element: this keeps the data size within a long.
      Math.multiplyExact(shape.elementCount(), 8L);
      return shape;
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new MalformedInputException(
          "expected an array of fewer than 2^31 elements per dimension and in all, found shape "
              + Arrays.toString(dims)
              + " in the NPY header at byte "
              + headerStart);
    }
  }

  private static ByteBuffer swapped(ByteBuffer bigEndian, int size) {
    byte[] out = new byte[bigEndian.remaining()];
    for (int i = 0; i < out.length; i += size) {
      for (int j = 0; j < size; j++) {
        out[i + j] = bigEndian.get(i + size - 1 - j);
      }
    }
    return ByteBuffer.wrap(out);
  }
}
