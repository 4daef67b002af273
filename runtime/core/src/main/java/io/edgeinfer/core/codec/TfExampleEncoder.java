package io.edgeinfer.core.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Serializes {@code tf.Example} protocol buffers, the input of TensorFlow's classify and regress
 * signatures. The message is small and fixed (Example → Features → map of Feature, each a bytes,
 * float or int64 list), so it is written straight in the protobuf wire format rather than pulling
 * protobuf-java onto devices that never run TensorFlow.
 */
public final class TfExampleEncoder {
  private static final int LENGTH_DELIMITED = 2;

  private TfExampleEncoder() {}

  /** One feature's values: {@code float[]}, {@code long[]} or {@code List<byte[]>}. */
  public sealed interface Feature {
    record Floats(float[] values) implements Feature {}

    record Int64s(long[] values) implements Feature {}

    record Bytes(List<byte[]> values) implements Feature {}
  }

  /** The serialized Example holding {@code features}, in the map's iteration order. */
  public static byte[] encode(Map<String, Feature> features) {
    ByteArrayOutputStream featuresMessage = new ByteArrayOutputStream();
    for (Map.Entry<String, Feature> entry : features.entrySet()) {
      ByteArrayOutputStream mapEntry = new ByteArrayOutputStream();
      writeBytesField(mapEntry, 1, entry.getKey().getBytes(StandardCharsets.UTF_8));
      writeBytesField(mapEntry, 2, feature(entry.getValue()));
      writeBytesField(featuresMessage, 1, mapEntry.toByteArray());
    }
    ByteArrayOutputStream example = new ByteArrayOutputStream();
    writeBytesField(example, 1, featuresMessage.toByteArray());
    return example.toByteArray();
  }

  /**
   * Feature: oneof {BytesList bytes_list = 1; FloatList float_list = 2; Int64List int64_list = 3}.
   */
  private static byte[] feature(Feature feature) {
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    int kind;
    if (feature instanceof Feature.Bytes bytes) {
      kind = 1;
      for (byte[] value : bytes.values()) {
        writeBytesField(list, 1, value);
      }
    } else if (feature instanceof Feature.Floats floats) {
      kind = 2;
      ByteArrayOutputStream packed = new ByteArrayOutputStream();
      for (float value : floats.values()) {
        int bits = Float.floatToIntBits(value);
        for (int shift = 0; shift < 32; shift += 8) {
          packed.write(bits >>> shift);
        }
      }
      writeBytesField(list, 1, packed.toByteArray());
    } else {
      kind = 3;
      ByteArrayOutputStream packed = new ByteArrayOutputStream();
      for (long value : ((Feature.Int64s) feature).values()) {
        writeVarint(packed, value);
      }
      writeBytesField(list, 1, packed.toByteArray());
    }
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    writeBytesField(message, kind, list.toByteArray());
    return message.toByteArray();
  }

  private static void writeBytesField(ByteArrayOutputStream out, int field, byte[] value) {
    writeVarint(out, ((long) field << 3) | LENGTH_DELIMITED);
    writeVarint(out, value.length);
    out.writeBytes(value);
  }

  /** Base-128 varint; negative int64 values take ten bytes, as protobuf encodes them. */
  private static void writeVarint(ByteArrayOutputStream out, long value) {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      out.write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }
}
