package io.edgeinfer.lite.kernels;

/**
 * PAD, fast: the output is walked row by row, each row written once: the pad value, or the pad
 * value around its input row. A row spans the innermost padded axis and every unpadded axis after
 * it (NHWC padded in height and width: a row is a padded image row, its channels included), so rows
 * are long and few. Output rows can be computed apart ({@link SplitOp}); the row's coordinates
 * advance as an odometer, so a row costs no division.
 */
final class FastPad {
  private FastPad() {}

  /** Rows shorter than this are copied by hand: a call of System.arraycopy costs more. */
  private static final int SHORT_ROW = 32;

  /** The geometry of one pad, for the innermost axis and the rows around it. */
  private abstract static class Layer<T> implements SplitOp<T, T> {
    final int[] paddings;

    Layer(int[] paddings) {
      this.paddings = RefPad.checkPaddings(paddings);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return RefPad.outputShape(inputShape, paddings);
    }

    /** The innermost padded axis (0 when none is): the axes after it join its rows. */
    int rowAxis(int[] inputShape) {
      int axis = inputShape.length - 1;
      while (axis > 0 && paddings[2 * axis] == 0 && paddings[2 * axis + 1] == 0) {
        axis--;
      }
      return axis;
    }

    /** Elements of the unpadded axes after {@code axis}: one step along it. */
    static int inner(int[] inputShape, int axis) {
      int inner = 1;
      for (int d = axis + 1; d < inputShape.length; d++) {
        inner *= inputShape[d];
      }
      return inner;
    }

    int padded(int[] inputShape, int d) {
      return paddings[2 * d] + inputShape[d] + paddings[2 * d + 1];
    }

    @Override
    public int units(int[] inputShape) {
      if (inputShape.length == 0) {
        return 1;
      }
      int rows = 1;
      for (int d = 0; d < rowAxis(inputShape); d++) {
        rows *= padded(inputShape, d);
      }
      return rows;
    }

    @Override
    public long work(int[] inputShape) {
      return (long) RefPad.outputSize(inputShape, paddings) * Work.COPY;
    }

    @Override
    public void runUnits(T input, int[] inputShape, T output, Scratch scratch, int from, int to) {
      Shapes.checkLength("input", Shapes.size(inputShape), length(input));
      Shapes.checkLength("output", RefPad.outputSize(inputShape, paddings), length(output));
      if (inputShape.length == 0) {
        System.arraycopy(input, 0, output, 0, 1);
        return;
      }
      int axis = rowAxis(inputShape);
      int step = inner(inputShape, axis);
      int length = inputShape[axis] * step;
      int before = paddings[2 * axis] * step;
      int row = padded(inputShape, axis) * step;
      // The output coordinates of row `from` over the outer axes, then advanced row by row.
      int[] at = scratch.ints(3, axis + 1);
      int rest = from;
      for (int d = axis - 1; d >= 0; d--) {
        at[d] = rest % padded(inputShape, d);
        rest /= padded(inputShape, d);
      }
      for (int r = from; r < to; r++) {
        int source = 0;
        boolean inside = true;
        for (int d = 0; d < axis; d++) {
          int i = at[d] - paddings[2 * d];
          inside &= i >= 0 && i < inputShape[d];
          source = source * inputShape[d] + i;
        }
        int o = r * row;
        if (inside) {
          fill(output, o, o + before);
          copy(input, source * length, output, o + before, length);
          fill(output, o + before + length, o + row);
        } else {
          fill(output, o, o + row);
        }
        for (int d = axis - 1; d >= 0; d--) {
          if (++at[d] < padded(inputShape, d)) {
            break;
          }
          at[d] = 0;
        }
      }
    }

    abstract int length(T array);

    /** Sets {@code [from, to)} of the output to the pad value. */
    abstract void fill(T output, int from, int to);

    abstract void copy(T input, int from, T output, int to, int length);
  }

  static final class FloatOp extends Layer<float[]> {
    private final float value;

    FloatOp(int[] paddings, float value) {
      super(paddings);
      this.value = value;
    }

    @Override
    int length(float[] array) {
      return array.length;
    }

    @Override
    void fill(float[] output, int from, int to) {
      for (int i = from; i < to; i++) {
        output[i] = value;
      }
    }

    @Override
    void copy(float[] input, int from, float[] output, int to, int length) {
      if (length < SHORT_ROW) {
        for (int i = 0; i < length; i++) {
          output[to + i] = input[from + i];
        }
      } else {
        System.arraycopy(input, from, output, to, length);
      }
    }
  }

  static final class Int8Op extends Layer<byte[]> {
    private final byte value;

    Int8Op(int[] paddings, byte value) {
      super(paddings);
      this.value = value;
    }

    @Override
    int length(byte[] array) {
      return array.length;
    }

    @Override
    void fill(byte[] output, int from, int to) {
      for (int i = from; i < to; i++) {
        output[i] = value;
      }
    }

    @Override
    void copy(byte[] input, int from, byte[] output, int to, int length) {
      if (length < SHORT_ROW) {
        for (int i = 0; i < length; i++) {
          output[to + i] = input[from + i];
        }
      } else {
        System.arraycopy(input, from, output, to, length);
      }
    }
  }
}
