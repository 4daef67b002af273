package io.edgeinfer.quantize.graph;

import java.util.Arrays;

/**
 * A constant tensor of the frozen graph, widened for the converter: real values as floats, integer
 * values (shapes, axes, paddings) as longs.
 *
 * @param shape the dimensions; empty for a scalar
 * @param floats the values of a floating-point constant, else null
 * @param longs the values of an integer constant, else null
 */
public record Constant(int[] shape, float[] floats, long[] longs) {

  public static Constant ofFloats(int[] shape, float[] values) {
    return new Constant(shape, values, null);
  }

  public static Constant ofLongs(int[] shape, long[] values) {
    return new Constant(shape, null, values);
  }

  public boolean isFloat() {
    return floats != null;
  }

  public int size() {
    return isFloat() ? floats.length : longs.length;
  }

  /** The value at flat index i as a float, whatever the type. */
  public float floatAt(int i) {
    return isFloat() ? floats[i] : longs[i];
  }

  /** The values as ints (axes, shapes); the constant must be integer. */
  public int[] ints() {
    if (isFloat()) {
      throw new IllegalStateException("expected an integer constant, found floats");
    }
    return Arrays.stream(longs).mapToInt(Math::toIntExact).toArray();
  }

  @Override
  public String toString() {
    return "Constant" + Arrays.toString(shape);
  }
}
