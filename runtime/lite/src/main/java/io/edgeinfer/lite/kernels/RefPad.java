package io.edgeinfer.lite.kernels;

import java.util.Arrays;

/**
 * The reference PAD: each output element, by its coordinates, is either the input element they
 * point back to or the pad value.
 */
final class RefPad {
  private RefPad() {}

  static int[] checkPaddings(int[] paddings) {
    if (paddings.length % 2 != 0) {
      throw new IllegalArgumentException(
          "expected [before, after] pairs, found " + Arrays.toString(paddings));
    }
    for (int p : paddings) {
      if (p < 0) {
        throw new IllegalArgumentException(
            "expected non-negative paddings, found " + Arrays.toString(paddings));
      }
    }
    return paddings.clone();
  }

  static int[] outputShape(int[] inputShape, int[] paddings) {
    Shapes.checkEqual(
        "paddings for each of the input's axes", inputShape.length * 2, paddings.length);
    int[] out = new int[inputShape.length];
    for (int d = 0; d < out.length; d++) {
      out[d] = paddings[2 * d] + inputShape[d] + paddings[2 * d + 1];
    }
    return out;
  }

  /** The output size (allocates nothing). */
  static int outputSize(int[] inputShape, int[] paddings) {
    Shapes.checkEqual(
        "paddings for each of the input's axes", inputShape.length * 2, paddings.length);
    int size = 1;
    for (int d = 0; d < inputShape.length; d++) {
      size *= paddings[2 * d] + inputShape[d] + paddings[2 * d + 1];
    }
    return size;
  }

  /** The input index an output element copies, or -1 for padding. */
  static int inputIndex(int outIndex, int[] inputShape, int[] paddings) {
    int index = 0;
    int stride = 1;
    int rest = outIndex;
    for (int d = inputShape.length - 1; d >= 0; d--) {
      int outDim = paddings[2 * d] + inputShape[d] + paddings[2 * d + 1];
      int coordinate = rest % outDim - paddings[2 * d];
      rest /= outDim;
      if (coordinate < 0 || coordinate >= inputShape[d]) {
        return -1;
      }
      index += coordinate * stride;
      stride *= inputShape[d];
    }
    return index;
  }

  static final class FloatOp implements UnaryOp<float[], float[]> {
    private final int[] paddings;
    private final float value;

    FloatOp(int[] paddings, float value) {
      this.paddings = checkPaddings(paddings);
      this.value = value;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return RefPad.outputShape(inputShape, paddings);
    }

    @Override
    public void run(float[] input, int[] inputShape, float[] output, Scratch scratch) {
      int size = outputSize(inputShape, paddings);
      Shapes.checkLength("input", Shapes.size(inputShape), input.length);
      Shapes.checkLength("output", size, output.length);
      for (int o = 0; o < size; o++) {
        int i = inputIndex(o, inputShape, paddings);
        output[o] = i < 0 ? value : input[i];
      }
    }
  }

  static final class Int8Op implements UnaryOp<byte[], byte[]> {
    private final int[] paddings;
    private final byte value;

    Int8Op(int[] paddings, byte value) {
      this.paddings = checkPaddings(paddings);
      this.value = value;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return RefPad.outputShape(inputShape, paddings);
    }

    @Override
    public void run(byte[] input, int[] inputShape, byte[] output, Scratch scratch) {
      int size = outputSize(inputShape, paddings);
      Shapes.checkLength("input", Shapes.size(inputShape), input.length);
      Shapes.checkLength("output", size, output.length);
      for (int o = 0; o < size; o++) {
        int i = inputIndex(o, inputShape, paddings);
        output[o] = i < 0 ? value : input[i];
      }
    }
  }
}
