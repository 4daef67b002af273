package io.edgeinfer.mqtt.outbox;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The envelope of every outbox file: magic, version, body length and a CRC32 of the body, then the
 * body. The length tells a file cut short by a crash from a complete one; the CRC catches bytes
 * that changed on disk.
 */
final class Frame {
  static final int HEADER_BYTES = 14;
  static final short VERSION = 1;
  private static final int CRC_OFFSET = 10;

  private Frame() {}

  /** A buffer for a whole file, header written (CRC still empty), positioned at the body. */
  static ByteBuffer allocate(int magic, int bodyLength) {
    ByteBuffer file = ByteBuffer.allocate(HEADER_BYTES + bodyLength);
    return file.putInt(magic).putShort(VERSION).putInt(bodyLength).putInt(0);
  }

  /** Computes the body's CRC into the header; call again whenever the body changes. */
  static void seal(byte[] file) {
    CRC32 crc = new CRC32();
    crc.update(file, HEADER_BYTES, file.length - HEADER_BYTES);
    ByteBuffer.wrap(file).putInt(CRC_OFFSET, (int) crc.getValue());
  }

  /** Checks the envelope and returns the body. */
  static ByteBuffer open(byte[] file, int magic) throws BadFileException {
    if (file.length < 4) {
      throw BadFileException.truncated(
          "the file ends inside the header: " + file.length + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(file);
    int foundMagic = in.getInt();
    if (foundMagic != magic) {
      throw BadFileException.corrupt(
          String.format("expected magic 0x%08x, found 0x%08x", magic, foundMagic));
    }
    if (file.length < HEADER_BYTES) {
      throw BadFileException.truncated(
          "the file ends inside the header: " + file.length + " bytes");
    }
    short version = in.getShort();
    if (version != VERSION) {
      throw BadFileException.corrupt("expected version " + VERSION + ", found " + version);
    }
    int bodyLength = in.getInt();
    int storedCrc = in.getInt();
    if (bodyLength < 0) {
      throw BadFileException.corrupt("expected a body length >= 0, found " + bodyLength);
    }
    long expectedLength = (long) HEADER_BYTES + bodyLength;
    if (file.length < expectedLength) {
      throw BadFileException.truncated(
          "expected " + expectedLength + " bytes, found " + file.length);
    }
    if (file.length > expectedLength) {
      throw BadFileException.corrupt("expected " + expectedLength + " bytes, found " + file.length);
    }
    CRC32 crc = new CRC32();
    crc.update(file, HEADER_BYTES, bodyLength);
    if ((int) crc.getValue() != storedCrc) {
      throw BadFileException.corrupt(
          String.format(
              "CRC32 mismatch: header says %08x, body has %08x", storedCrc, (int) crc.getValue()));
    }
    return ByteBuffer.wrap(file, HEADER_BYTES, bodyLength).slice();
  }
}
