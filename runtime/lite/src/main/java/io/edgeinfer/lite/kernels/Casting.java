package io.edgeinfer.lite.kernels;

import io.edgeinfer.core.DataType;

/**
 * CAST between float32, int8, uint8, int16, int32, int64 and bool as C++'s {@code static_cast}:
 * floats to integers truncate toward zero, integers narrow by wrapping, anything to bool is "not
 * zero". Quantization is ignored (TFLite casts the stored values). uint8 is held as {@code q -
 * 128}.
 */
public final class Casting {
  private Casting() {}

  public static void run(Object in, DataType from, Object out, DataType to, int size) {
    for (int i = 0; i < size; i++) {
      if (from == DataType.FLOAT32) {
        float v = ((float[]) in)[i];
        if (to == DataType.FLOAT32) {
          ((float[]) out)[i] = v;
        } else if (to == DataType.BOOL) {
          ((boolean[]) out)[i] = v != 0;
        } else {
          put(out, to, i, (long) v);
        }
      } else {
        long v = integer(in, from, i);
        if (to == DataType.FLOAT32) {
          ((float[]) out)[i] = v;
        } else {
          put(out, to, i, v);
        }
      }
    }
  }

  private static long integer(Object in, DataType type, int i) {
    return switch (type) {
      case UINT8 -> ((byte[]) in)[i] + 128;
      case INT8 -> ((byte[]) in)[i];
      case INT16 -> ((short[]) in)[i];
      case INT32 -> ((int[]) in)[i];
      case INT64 -> ((long[]) in)[i];
      case BOOL -> ((boolean[]) in)[i] ? 1 : 0;
      default -> throw new IllegalArgumentException("CAST: cannot read " + type.label());
    };
  }

  private static void put(Object out, DataType type, int i, long v) {
    switch (type) {
      case UINT8 -> ((byte[]) out)[i] = (byte) ((v & 0xFF) - 128);
      case INT8 -> ((byte[]) out)[i] = (byte) v;
      case INT16 -> ((short[]) out)[i] = (short) v;
      case INT32 -> ((int[]) out)[i] = (int) v;
      case INT64 -> ((long[]) out)[i] = v;
      case BOOL -> ((boolean[]) out)[i] = v != 0;
      default -> throw new IllegalArgumentException("CAST: cannot write " + type.label());
    }
  }
}
