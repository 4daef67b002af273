package io.edgeinfer.lite.kernels;

/**
 * PAD, fast: the output is filled with the pad value, then each innermost row of the input is
 * copied whole to its place.
 */
final class FastPad {
  private FastPad() {}

  /** Copies each innermost input row to its padded place in {@code output}. */
  static void copyRows(Object input, int[] inputShape, int[] paddings, Object output) {
    int rank = inputShape.length;
    if (rank == 0) {
      System.arraycopy(input, 0, output, 0, 1);
      return;
    }
    int rowLength = inputShape[rank - 1];
    int rows = rowLength == 0 ? 0 : Shapes.size(inputShape) / rowLength;
    for (int r = 0; r < rows; r++) {
      int rest = r;
      int offset = paddings[2 * (rank - 1)];
      int stride = paddings[2 * (rank - 1)] + rowLength + paddings[2 * (rank - 1) + 1];
      for (int d = rank - 2; d >= 0; d--) {
        int coordinate = rest % inputShape[d];
        rest /= inputShape[d];
        offset += (coordinate + paddings[2 * d]) * stride;
        stride *= paddings[2 * d] + inputShape[d] + paddings[2 * d + 1];
      }
      System.arraycopy(input, r * rowLength, output, offset, rowLength);
    }
  }

  static final class FloatOp implements UnaryOp<float[], float[]> {
    private final int[] paddings;
    private final float value;

    FloatOp(int[] paddings, float value) {
      this.paddings = RefPad.checkPaddings(paddings);
      this.value = value;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return RefPad.outputShape(inputShape, paddings);
    }

    @Override
    public void run(float[] input, int[] inputShape, float[] output, Scratch scratch) {
      int size = RefPad.outputSize(inputShape, paddings);
      Shapes.checkLength("input", Shapes.size(inputShape), input.length);
      Shapes.checkLength("output", size, output.length);
      for (int i = 0; i < size; i++) {
        output[i] = value;
      }
      copyRows(input, inputShape, paddings, output);
    }
  }

  static final class Int8Op implements UnaryOp<byte[], byte[]> {
    private final int[] paddings;
    private final byte value;

    Int8Op(int[] paddings, byte value) {
      this.paddings = RefPad.checkPaddings(paddings);
      this.value = value;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return RefPad.outputShape(inputShape, paddings);
    }

    @Override
    public void run(byte[] input, int[] inputShape, byte[] output, Scratch scratch) {
      int size = RefPad.outputSize(inputShape, paddings);
      Shapes.checkLength("input", Shapes.size(inputShape), input.length);
      Shapes.checkLength("output", size, output.length);
      for (int i = 0; i < size; i++) {
        output[i] = value;
      }
      copyRows(input, inputShape, paddings, output);
    }
  }
}
