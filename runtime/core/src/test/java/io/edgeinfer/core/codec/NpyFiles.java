package io.edgeinfer.core.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** NPY files assembled by hand from the format description, independently of NpyCodec.write. */
final class NpyFiles {
  private NpyFiles() {}

  /** Magic, version, header length (2 bytes for v1, 4 for v2/v3), padded dict, data. */
  static byte[] npy(int major, String dict, int... data) {
    int lengthBytes = major == 1 ? 2 : 4;
    StringBuilder header = new StringBuilder(dict);
    while ((6 + 2 + lengthBytes + header.length() + 1) % 64 != 0) {
      header.append(' ');
    }
    header.append('\n');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x93);
    out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
    out.write(major);
    out.write(0);
    int length = header.length();
    for (int i = 0; i < lengthBytes; i++) {
      out.write((length >>> (8 * i)) & 0xff);
    }
    out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
    for (int b : data) {
      out.write(b);
    }
    return out.toByteArray();
  }

  static String dict(String descr, String shape) {
    return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
  }
}
