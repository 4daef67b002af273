package io.edgeinfer.lite.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One entry of the model's buffer table: the bytes of a constant tensor or of metadata. When read
 * from a file the bytes are a read-only view of the memory mapping, never a copy; {@link #data()}
 * hands out an independent view (own position, little-endian) each time.
 */
public record LiteBuffer(ByteBuffer data) {
  /** The empty buffer; by convention buffer 0 of every model, for tensors without data. */
  public static final LiteBuffer EMPTY = new LiteBuffer(ByteBuffer.allocate(0));

  public LiteBuffer {
    data = data.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** A read-only, little-endian view of the bytes, positioned at 0. */
  @Override
  public ByteBuffer data() {
    return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The number of bytes. */
  public int size() {
    return data.remaining();
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  public static LiteBuffer of(byte... bytes) {
    return new LiteBuffer(ByteBuffer.wrap(bytes.clone()));
  }

  /** Little-endian float32 values, as the format stores them. */
  public static LiteBuffer ofFloats(float... values) {
    ByteBuffer out = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    out.asFloatBuffer().put(values);
    return new LiteBuffer(out);
  }

  /** Float values rounded to IEEE half precision (FLOAT16 tensors), little-endian. */
  public static LiteBuffer ofHalfs(float... values) {
    ByteBuffer out = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : values) {
      out.putShort(HalfFloat.fromFloat(value));
    }
    return new LiteBuffer(out.flip());
  }

  /** Little-endian int32 values (e.g. a quantized bias or a shape). */
  public static LiteBuffer ofInts(int... values) {
    ByteBuffer out = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    out.asIntBuffer().put(values);
    return new LiteBuffer(out);
  }

  /** Little-endian int64 values. */
  public static LiteBuffer ofLongs(long... values) {
    ByteBuffer out = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    out.asLongBuffer().put(values);
    return new LiteBuffer(out);
  }

  @Override
  public String toString() {
    return "LiteBuffer[" + size() + " bytes]";
  }
}
