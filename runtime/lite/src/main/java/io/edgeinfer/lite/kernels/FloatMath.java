package io.edgeinfer.lite.kernels;

/**
 * Elementwise float32 math as TFLite's reference kernels compute it in single precision: unary LOG,
 * SQRT, RSQRT, EXP; binary (broadcasting) DIV, SQUARED_DIFFERENCE, MAXIMUM, MINIMUM, POW, FLOOR_MOD
 * and FLOOR_DIV.
 */
public final class FloatMath {
  private FloatMath() {}

  /** A float32 function of one value. */
  public enum Unary {
    LOG,
    SQRT,
    RSQRT,
    EXP;

    public float apply(float x) {
      return switch (this) {
        case LOG -> (float) Math.log(x);
        case SQRT -> (float) Math.sqrt(x);
        case RSQRT -> 1f / (float) Math.sqrt(x);
        case EXP -> (float) Math.exp(x);
      };
    }

    public void run(float[] in, float[] out, int size) {
      for (int i = 0; i < size; i++) {
        out[i] = apply(in[i]);
      }
    }
  }

  /** A float32 function of two values. */
  public enum Binary {
    DIV,
    SQUARED_DIFFERENCE,
    MAXIMUM,
    MINIMUM,
    POW,
    FLOOR_MOD,
    FLOOR_DIV;

    public float apply(float a, float b) {
      return switch (this) {
        case DIV -> a / b;
        case SQUARED_DIFFERENCE -> (a - b) * (a - b);
        case MAXIMUM -> a > b ? a : b;
        case MINIMUM -> a < b ? a : b;
        case POW -> (float) Math.pow(a, b);
        case FLOOR_MOD -> floorMod(a, b);
        // TFLite divides in double before flooring.
        case FLOOR_DIV -> (float) Math.floor((double) a / b);
      };
    }

    /** Broadcasting {@code a} and {@code b} into {@code out} of shape {@code outShape}. */
    public void run(float[] a, int[] sa, float[] b, int[] sb, float[] out, int[] outShape) {
      Broadcast.forEach(
          outShape, new int[][] {sa, sb}, (o, at) -> out[o] = apply(a[at[0]], b[at[1]]));
    }
  }

  /** The remainder with the divisor's sign (C's fmod, moved by the divisor when signs differ). */
  static float floorMod(float a, float b) {
    float mod = a % b;
    return mod != 0 && (b < 0) != (mod < 0) ? mod + b : mod;
  }
}
