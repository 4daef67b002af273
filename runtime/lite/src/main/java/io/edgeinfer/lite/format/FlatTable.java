package io.edgeinfer.lite.format;

import com.google.flatbuffers.Table;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one flatbuffer table by field id, on flatbuffers-java's {@link Table}. Only
 * for buffers that {@link TfliteVerifier} passed: it trusts every offset. An absent table (a union
 * whose value is missing, say) reads as all defaults.
 */
final class FlatTable extends Table {
  private final boolean present;

  private FlatTable(int position, ByteBuffer bb) {
    present = position >= 0;
    if (present) {
      __reset(position, bb);
    }
  }

  /** The root table of a verified .tflite buffer whose position is 0. */
  static FlatTable root(ByteBuffer bb) {
    return new FlatTable(bb.getInt(0), bb);
  }

  /** A table that is not there: every field reads as its default. */
  static FlatTable absent() {
    return new FlatTable(-1, null);
  }

  boolean isPresent() {
    return present;
  }

  /** The byte offset of this table in the file, for messages. */
  int position() {
    return present ? bb_pos : -1;
  }

  private int slot(int id) {
    return present ? __offset(4 + 2 * id) : 0;
  }

  boolean has(int id) {
    return slot(id) != 0;
  }

  byte int8(int id, byte otherwise) {
    int o = slot(id);
    return o == 0 ? otherwise : bb.get(bb_pos + o);
  }

  int uint8(int id) {
    return int8(id, (byte) 0) & 0xFF;
  }

  boolean bool(int id, boolean otherwise) {
    int o = slot(id);
    return o == 0 ? otherwise : bb.get(bb_pos + o) != 0;
  }

  int int32(int id, int otherwise) {
    int o = slot(id);
    return o == 0 ? otherwise : bb.getInt(bb_pos + o);
  }

  /** An unsigned 32-bit field; a long, so that values of 2^31 and more stay what they are. */
  long uint32(int id) {
    return Integer.toUnsignedLong(int32(id, 0));
  }

  long int64(int id, long otherwise) {
    int o = slot(id);
    return o == 0 ? otherwise : bb.getLong(bb_pos + o);
  }

  float float32(int id, float otherwise) {
    int o = slot(id);
    return o == 0 ? otherwise : bb.getFloat(bb_pos + o);
  }

  /** The string, or {@code ""} when absent (the format does not tell the two apart usefully). */
  String string(int id) {
    int o = slot(id);
    if (o == 0) {
      return "";
    }
    int start = __vector(o);
    byte[] bytes = new byte[__vector_len(o)];
    bb.get(start, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  int length(int id) {
    int o = slot(id);
    return o == 0 ? 0 : __vector_len(o);
  }

  int[] int32s(int id) {
    int o = slot(id);
    int[] values = new int[o == 0 ? 0 : __vector_len(o)];
    if (o != 0) {
      int start = __vector(o);
      for (int i = 0; i < values.length; i++) {
        values[i] = bb.getInt(start + 4 * i);
      }
    }
    return values;
  }

  float[] float32s(int id) {
    int o = slot(id);
    float[] values = new float[o == 0 ? 0 : __vector_len(o)];
    if (o != 0) {
      int start = __vector(o);
      for (int i = 0; i < values.length; i++) {
        values[i] = bb.getFloat(start + 4 * i);
      }
    }
    return values;
  }

  long[] int64s(int id) {
    int o = slot(id);
    long[] values = new long[o == 0 ? 0 : __vector_len(o)];
    if (o != 0) {
      int start = __vector(o);
      for (int i = 0; i < values.length; i++) {
        values[i] = bb.getLong(start + 8 * i);
      }
    }
    return values;
  }

  /** A byte vector as a read-only little-endian view of the file (no copy); empty when absent. */
  ByteBuffer bytes(int id) {
    int o = slot(id);
    if (o == 0) {
      return ByteBuffer.allocate(0).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }
    return bb.slice(__vector(o), __vector_len(o)).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The file offset where a vector's bytes start, for messages. */
  int vectorStart(int id) {
    int o = slot(id);
    return o == 0 ? -1 : __vector(o);
  }

  /** A table field; reads as all defaults when absent. */
  FlatTable table(int id) {
    int o = slot(id);
    return o == 0 ? absent() : new FlatTable(__indirect(bb_pos + o), bb);
  }

  /** Element {@code index} of a vector of tables. */
  FlatTable element(int id, int index) {
    int elementPos = __vector(slot(id)) + 4 * index;
    return new FlatTable(__indirect(elementPos), bb);
  }
}
