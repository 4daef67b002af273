package io.edgeinfer.lite.kernels;

/**
 * Reads and writes the integer arrays quantized tensors are held in ({@code byte[]} int8, {@code
 * short[]} int16, {@code int[]} int32) by kind, for kernels that convert between them.
 */
public enum IntArrays {
  INT8(Byte.MIN_VALUE, Byte.MAX_VALUE),
  INT16(Short.MIN_VALUE, Short.MAX_VALUE),
  INT32(Integer.MIN_VALUE, Integer.MAX_VALUE);

  private final int min;
  private final int max;

  IntArrays(int min, int max) {
    this.min = min;
    this.max = max;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  int get(Object array, int i) {
    return switch (this) {
      case INT8 -> ((byte[]) array)[i];
      case INT16 -> ((short[]) array)[i];
      case INT32 -> ((int[]) array)[i];
    };
  }

  /** Stores {@code value} clamped to this type's range. */
  void putClamped(Object array, int i, long value) {
    int v = (int) Math.max(min, Math.min(max, value));
    switch (this) {
      case INT8 -> ((byte[]) array)[i] = (byte) v;
      case INT16 -> ((short[]) array)[i] = (short) v;
      case INT32 -> ((int[]) array)[i] = v;
    }
  }
}
