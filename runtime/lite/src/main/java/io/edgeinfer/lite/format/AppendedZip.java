package io.edgeinfer.lite.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The zip of associated files (labels) that goes after a .tflite model, as TFLite's metadata writer
 * appends it: entries stored uncompressed (so a runtime can map them in place), offsets counted
 * from the start of the whole file, so the .tflite file is itself a valid zip. {@link PackedFiles}
 * reads it back. Fixed timestamps keep the bytes the same from run to run.
 */
public final class AppendedZip {
  private static final int LOCAL_HEADER = 0x04034b50;
  private static final int CENTRAL_HEADER = 0x02014b50;
  private static final int END_OF_DIRECTORY = 0x06054b50;
  private static final short VERSION = 10; // 1.0: stored entries need nothing newer
  private static final short UTF8_NAMES = 0x0800;
  private static final short DOS_DATE_1980_01_01 = (1 << 5) | 1;

  private AppendedZip() {}

  /**
   * The zip's bytes, for a file in which it starts at byte {@code start} (the model's size).
   *
   * @throws IllegalArgumentException when the files would not fit a zip without its 64-bit
   *     extensions (4 GB, 65,535 entries)
   */
  public static byte[] of(long start, Map<String, byte[]> files) {
    if (files.size() > 0xFFFF) {
      throw new IllegalArgumentException(
          "expected at most 65535 associated files, found " + files.size());
    }
    ByteArrayOutputStream local = new ByteArrayOutputStream();
    ByteArrayOutputStream central = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
      byte[] data = file.getValue();
      long offset = start + local.size();
      if (offset + data.length > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException(
            "expected associated files ending before 4 GB, found one ending at "
                + (offset + data.length));
      }
      CRC32 crc = new CRC32();
      crc.update(data);
      ByteBuffer header = little(30 + name.length);
      header.putInt(LOCAL_HEADER).putShort(VERSION).putShort(UTF8_NAMES).putShort((short) 0);
      header.putShort((short) 0).putShort(DOS_DATE_1980_01_01);
      header.putInt((int) crc.getValue()).putInt(data.length).putInt(data.length);
      header.putShort((short) name.length).putShort((short) 0).put(name);
      local.writeBytes(header.array());
      local.writeBytes(data);
      ByteBuffer entry = little(46 + name.length);
      entry.putInt(CENTRAL_HEADER).putShort(VERSION).putShort(VERSION).putShort(UTF8_NAMES);
      entry.putShort((short) 0).putShort((short) 0).putShort(DOS_DATE_1980_01_01);
      entry.putInt((int) crc.getValue()).putInt(data.length).putInt(data.length);
      entry.putShort((short) name.length).putShort((short) 0).putShort((short) 0);
      entry.putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset).put(name);
      central.writeBytes(entry.array());
    }
    ByteBuffer end = little(22);
    end.putInt(END_OF_DIRECTORY).putShort((short) 0).putShort((short) 0);
    end.putShort((short) files.size()).putShort((short) files.size());
    end.putInt(central.size()).putInt((int) (start + local.size())).putShort((short) 0);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    zip.writeBytes(local.toByteArray());
    zip.writeBytes(central.toByteArray());
    zip.writeBytes(end.array());
    return zip.toByteArray();
  }

  private static ByteBuffer little(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
