package io.edgeinfer.lite.format;

import static io.edgeinfer.lite.format.Where.bytes;

import io.edgeinfer.core.MalformedModelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks that a .tflite flatbuffer is sound before anything reads it: the file identifier, and that
 * every table, vtable, vector and string reachable from the root lies within the bytes, with
 * strings zero-terminated UTF-8. After it passes, {@link FlatTable} reads cannot leave the buffer.
 *
 * <p>Flatbuffer offsets only point forward, so there are no cycles; but many offsets may point at
 * the same object, so a small file could make a naive walk (or the reader after it) expand without
 * end. The walk therefore has a budget proportional to the file's size: a file that refers to its
 * parts more often than its size allows is refused.
 */
public final class TfliteVerifier {
  /** The biggest 16-bit value flatbuffers-java reads correctly: it reads vtable entries signed. */
  private static final int MAX_VTABLE_VALUE = Short.MAX_VALUE;

  private final ByteBuffer bb;
  private final int size;
  private final long maxObjects;
  private final long maxCopiedBytes;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private long objects;
  private long copiedBytes;

  private TfliteVerifier(ByteBuffer bb) {
    this.bb = bb;
    this.size = bb.limit();
    // Without sharing, every table, vector and string takes at least 4 bytes of its own; allow
    // twice that. The reader copies vectors of numbers and strings onto the heap: at most twice
    // the file.
    this.maxObjects = size / 2 + 1024;
    this.maxCopiedBytes = 2L * size + 65_536;
  }

  /**
   * Verifies the bytes from {@code file}'s position to its limit; the buffer itself is not moved.
   *
   * @throws MalformedModelException naming what was expected, where, and what was found
   */
  public static void verify(ByteBuffer file) throws MalformedModelException {
    new TfliteVerifier(file.slice().order(ByteOrder.LITTLE_ENDIAN)).run();
  }

  private void run() throws MalformedModelException {
    if (size < 8) {
      throw new MalformedModelException(
          "expected a .tflite file of at least 8 bytes (root offset and file identifier), found "
              + bytes(size)
              + " bytes");
    }
    checkIdentifier(bb);
    table(target(0, Where.ROOT), Layouts.MODEL, Where.ROOT);
  }

  static void checkIdentifier(ByteBuffer bb) throws MalformedModelException {
    String found = identifierAt(bb);
    if (!found.equals(Schema.FILE_IDENTIFIER)) {
      throw new MalformedModelException(
          "expected the file identifier '"
              + Schema.FILE_IDENTIFIER
              + "' at offset 4 (a TensorFlow Lite model), found "
              + found);
    }
  }

  private static String identifierAt(ByteBuffer bb) {
    StringBuilder text = new StringBuilder();
    boolean printable = true;
    for (int i = 4; i < 8; i++) {
      int b = bb.get(i) & 0xFF;
      printable &= b >= 0x20 && b < 0x7F;
      text.append((char) b);
    }
    if (printable) {
      return text.toString();
    }
    StringBuilder hex = new StringBuilder("bytes");
    for (int i = 4; i < 8; i++) {
      hex.append(String.format(" %02x", bb.get(i) & 0xFF));
    }
    return hex.toString();
  }

  /** Follows the unsigned 32-bit offset stored at {@code at} (already known to be in bounds). */
  private int target(int at, Where where) throws MalformedModelException {
    long target = at + Integer.toUnsignedLong(bb.getInt(at));
    if (target + 4 > size) {
      throw malformed(
          where,
          "expected an offset to a place within the file ("
              + bytes(size)
              + " bytes) at offset "
              + bytes(at)
              + ", found one pointing to "
              + bytes(target));
    }
    return (int) target;
  }

  private void count(Where where, long copied) throws MalformedModelException {
    objects++;
    copiedBytes += copied;
    if (objects > maxObjects) {
      throw malformed(
          where,
          "expected at most "
              + bytes(maxObjects)
              + " tables, vectors and strings in a file of "
              + bytes(size)
              + " bytes, found more: the file refers to the same parts over and over");
    }
    if (copiedBytes > maxCopiedBytes) {
      throw malformed(
          where,
          "expected at most "
              + bytes(maxCopiedBytes)
              + " bytes of numbers and names in a file of "
              + bytes(size)
              + " bytes, found more: the file refers to the same parts over and over");
    }
  }

  private void table(int pos, TableLayout layout, Where where) throws MalformedModelException {
    count(where, 0);
    long vtable = (long) pos - bb.getInt(pos);
    if (vtable < 0 || vtable + 4 > size) {
      throw malformed(
          where,
          "expected the vtable of the "
              + layout.name()
              + " table at offset "
              + bytes(pos)
              + " within the file ("
              + bytes(size)
              + " bytes), found it at "
              + bytes(vtable));
    }
    int vtableSize = u16((int) vtable);
    int tableSize = u16((int) vtable + 2);
    if (vtableSize < 4 || vtableSize % 2 != 0 || vtableSize > MAX_VTABLE_VALUE) {
      throw malformed(
          where,
          "expected a vtable size that is even and between 4 and "
              + bytes(MAX_VTABLE_VALUE)
              + " at offset "
              + bytes(vtable)
              + ", found "
              + bytes(vtableSize));
    }
    if (vtable + vtableSize > size) {
      throw malformed(
          where,
          "expected a vtable of "
              + bytes(vtableSize)
              + " bytes within the file ("
              + bytes(size)
              + " bytes) at offset "
              + bytes(vtable)
              + ", found it would end at "
              + bytes(vtable + vtableSize));
    }
    if (tableSize < 4 || (long) pos + tableSize > size) {
      throw malformed(
          where,
          "expected a "
              + layout.name()
              + " table of "
              + bytes(tableSize)
              + " bytes (at least 4) within the file ("
              + bytes(size)
              + " bytes) at offset "
              + bytes(pos)
              + ", found it would end at "
              + bytes((long) pos + tableSize));
    }
    for (TableLayout.Field field : layout.fields()) {
      int offset = fieldOffset((int) vtable, vtableSize, field.id());
      if (offset == 0) {
        continue;
      }
      Where at = where.field(field.name());
      int inline = field.kind() == TableLayout.Kind.SCALAR ? field.size() : 4;
      if (offset > MAX_VTABLE_VALUE || offset + inline > tableSize) {
        throw malformed(
            at,
            "expected the field's "
                + inline
                + " bytes inside its "
                + layout.name()
                + " table ("
                + bytes(tableSize)
                + " bytes at offset "
                + bytes(pos)
                + "), found them at table offset "
                + bytes(offset));
      }
      int fieldPos = pos + offset;
      switch (field.kind()) {
        case SCALAR -> {}
        case STRING -> string(target(fieldPos, at), at);
        case VECTOR -> vector(target(fieldPos, at), field.size(), field.unit(), at);
        case TABLE -> table(target(fieldPos, at), field.table(), at);
        case TABLE_VECTOR -> tables(target(fieldPos, at), field.table(), where, field.name());
        case UNION -> {
          int type = unionType(pos, (int) vtable, vtableSize, tableSize, field.unionTypeId());
          if (type != 0) {
            table(target(fieldPos, at), field.unionMembers().apply(type), at);
          }
        }
      }
    }
  }

  private int unionType(int pos, int vtable, int vtableSize, int tableSize, int typeId) {
    int offset = fieldOffset(vtable, vtableSize, typeId);
    if (offset == 0) {
      return 0;
    }
    if (offset + 1 > tableSize) {
      return 0; // reported when the type field itself is checked; layouts list it first
    }
    return bb.get(pos + offset) & 0xFF;
  }

  private int fieldOffset(int vtable, int vtableSize, int id) {
    int slot = 4 + 2 * id;
    return slot + 2 <= vtableSize ? u16(vtable + slot) : 0;
  }

  private int u16(int pos) {
    return bb.getShort(pos) & 0xFFFF;
  }

  /** Checks a vector's length word and extent; returns the element count. */
  private long vectorExtent(int pos, int elementSize, String unit, Where where)
      throws MalformedModelException {
    long length = Integer.toUnsignedLong(bb.getInt(pos));
    long end = pos + 4L + length * elementSize;
    if (end > size) {
      throw malformed(
          where,
          "expected a vector of "
              + bytes(length)
              + " "
              + unit
              + " within the file ("
              + bytes(size)
              + " bytes) at offset "
              + bytes(pos)
              + ", found it would end at "
              + bytes(end));
    }
    return length;
  }

  private void vector(int pos, int elementSize, String unit, Where where)
      throws MalformedModelException {
    long length = vectorExtent(pos, elementSize, unit, where);
    // Byte vectors (weights, custom options) are sliced, never copied.
    count(where, elementSize > 1 ? length * elementSize : 0);
  }

  private void tables(int pos, TableLayout layout, Where parent, String name)
      throws MalformedModelException {
    Where where = parent.field(name);
    long length = vectorExtent(pos, 4, "table offsets", where);
    count(where, length * 4);
    for (int i = 0; i < length; i++) {
      int element = pos + 4 + 4 * i;
      Where at = parent.element(name, i);
      table(target(element, at), layout, at);
    }
  }

  private void string(int pos, Where where) throws MalformedModelException {
    long length = Integer.toUnsignedLong(bb.getInt(pos));
    long end = pos + 4L + length;
    if (end + 1 > size) {
      throw malformed(
          where,
          "expected a string of "
              + bytes(length)
              + " bytes and its terminating zero within the file ("
              + bytes(size)
              + " bytes) at offset "
              + bytes(pos)
              + ", found it would end at "
              + bytes(end + 1));
    }
    if (bb.get((int) end) != 0) {
      throw malformed(
          where,
          "expected a zero byte after the string at offset "
              + bytes(pos)
              + ", found "
              + String.format("0x%02x", bb.get((int) end) & 0xFF)
              + " at "
              + bytes(end));
    }
    count(where, length);
    try {
      utf8.reset().decode(bb.slice(pos + 4, (int) length));
    } catch (CharacterCodingException e) {
      throw malformed(
          where,
          "expected UTF-8 text in the string at offset "
              + bytes(pos)
              + ", found bytes that are not");
    }
  }

  private static MalformedModelException malformed(Where where, String message) {
    return new MalformedModelException(where + ": " + message);
  }
}
