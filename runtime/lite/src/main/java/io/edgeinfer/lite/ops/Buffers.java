package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The Java array that holds a tensor of each type at run time, so kernels work on plain arrays:
 *
 * <ul>
 *   <li>float32: {@code float[]}; complex64: {@code float[]} of interleaved (real, imaginary)
 *       pairs, twice the elements;
 *   <li>int8: {@code byte[]}; uint8: {@code byte[]} holding {@code q - 128}, so that the int8
 *       kernels run it with the zero point moved by the same 128 ({@link OpContext#quant});
 *   <li>int16: {@code short[]}; int32: {@code int[]}; int64: {@code long[]}; bool: {@code
 *       boolean[]}.
 * </ul>
 */
public final class Buffers {
  private Buffers() {}

  /** Whether tensors of this type can be held at run time. */
  public static boolean holds(DataType type) {
    return switch (type) {
      case FLOAT32, INT8, UINT8, INT16, INT32, INT64, BOOL, COMPLEX64 -> true;
      default -> false;
    };
  }

  /** A zeroed array for {@code size} elements of {@code type}. */
  public static Object allocate(DataType type, int size) {
    return switch (type) {
      case FLOAT32 -> new float[size];
      case COMPLEX64 -> new float[2 * size];
      case INT16 -> new short[size];
      case INT32 -> new int[size];
      case INT64 -> new long[size];
      case BOOL -> new boolean[size];
      default -> new byte[size];
    };
  }

  /** Bytes per element held (uint8 and bool as 1, complex64 as 8). */
  public static int bytesPerElement(DataType type) {
    return switch (type) {
      case FLOAT32, INT32 -> 4;
      case COMPLEX64, INT64 -> 8;
      case INT16 -> 2;
      default -> 1;
    };
  }

  /** The little-endian values of a constant, as the array its type is held in. */
  public static Object read(DataType type, ByteBuffer bytes, int size) {
    ByteBuffer data = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    Object out = allocate(type, size);
    switch (type) {
      case FLOAT32, COMPLEX64 -> data.asFloatBuffer().get((float[]) out);
      case INT16 -> data.asShortBuffer().get((short[]) out);
      case INT32 -> data.asIntBuffer().get((int[]) out);
      case INT64 -> data.asLongBuffer().get((long[]) out);
      case BOOL -> {
        boolean[] b = (boolean[]) out;
        for (int i = 0; i < size; i++) {
          b[i] = data.get(data.position() + i) != 0;
        }
      }
      case UINT8 -> {
        byte[] b = (byte[]) out;
        for (int i = 0; i < size; i++) {
          b[i] = (byte) (data.get(data.position() + i) ^ 0x80);
        }
      }
      default -> data.get((byte[]) out);
    }
    return out;
  }

  /** Array elements that hold {@code elements} tensor elements of {@code type}. */
  public static int length(DataType type, int elements) {
    return type == DataType.COMPLEX64 ? 2 * elements : elements;
  }

  /** Copies the first {@code elements} tensor elements of one buffer into another of the type. */
  public static void copy(DataType type, Object from, Object to, int elements) {
    System.arraycopy(from, 0, to, 0, length(type, elements));
  }
}
