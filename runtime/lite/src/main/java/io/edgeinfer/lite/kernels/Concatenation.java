package io.edgeinfer.lite.kernels;

import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * CONCATENATION along one axis, for any element type: for each index of the axes before it, each
 * input's contiguous block in turn. A copy has no arithmetic, so both kernel sets use this one.
 */
public final class Concatenation<T> implements ConcatOp<T> {
  private final int axis;

  public Concatenation(int axis) {
    this.axis = axis;
  }

  /** The axis resolved for inputs of {@code rank} (a negative one counts from the end). */
  public int axis(int rank) {
    return resolve(rank);
  }

  private int resolve(int rank) {
    int resolved = axis < 0 ? axis + rank : axis;
    if (resolved < 0 || resolved >= rank) {
      throw new IllegalArgumentException(
          "expected an axis in [" + -rank + ", " + rank + "), found " + axis);
    }
    return resolved;
  }

  @Override
  public int[] outputShape(int[][] inputShapes) {
    if (inputShapes.length == 0) {
      throw new IllegalArgumentException("expected at least one input, found none");
    }
    int[] out = inputShapes[0].clone();
    int a = resolve(out.length);
    out[a] = 0;
    for (int[] shape : inputShapes) {
      if (shape.length != out.length) {
        throw new IllegalArgumentException(
            "expected inputs of rank " + out.length + ", found " + Arrays.toString(shape));
      }
      for (int d = 0; d < shape.length; d++) {
        if (d != a && shape[d] != out[d]) {
          throw new IllegalArgumentException(
              "expected inputs matching "
                  + Arrays.toString(inputShapes[0])
                  + " except on axis "
                  + a
                  + ", found "
                  + Arrays.toString(shape));
        }
      }
      out[a] += shape[a];
    }
    return out;
  }

  @Override
  public void run(T[] inputs, int[][] inputShapes, T output) {
    Shapes.checkEqual("input shapes", inputs.length, inputShapes.length);
    if (inputs.length == 0) {
      throw new IllegalArgumentException("expected at least one input, found none");
    }
    int rank = inputShapes[0].length;
    int a = resolve(rank);
    int outer = 1;
    for (int d = 0; d < a; d++) {
      outer *= inputShapes[0][d];
    }
    int total = 0;
    for (int i = 0; i < inputs.length; i++) {
      Shapes.checkRank("input", inputShapes[i], rank);
      int size = Shapes.size(inputShapes[i]);
      Shapes.checkLength("input", size, Array.getLength(inputs[i]));
      total += size;
    }
    Shapes.checkLength("output", total, Array.getLength(output));
    int offset = 0;
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inputs.length; i++) {
        int block = outer == 0 ? 0 : Shapes.size(inputShapes[i]) / outer;
        System.arraycopy(inputs[i], o * block, output, offset, block);
        offset += block;
      }
    }
  }
}
