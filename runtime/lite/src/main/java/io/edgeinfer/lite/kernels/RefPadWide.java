package io.edgeinfer.lite.kernels;

/**
 * PAD of int16 and int32 tensors (the reference's arithmetic: every output element copies the input
 * element it points back to, or is the pad value).
 */
public final class RefPadWide implements UnaryOp<Object, Object> {
  private final int[] paddings;
  private final IntArrays type;
  private final int value;

  public RefPadWide(int[] paddings, IntArrays type, int value) {
    this.paddings = RefPad.checkPaddings(paddings);
    this.type = type;
    this.value = value;
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    return RefPad.outputShape(inputShape, paddings);
  }

  @Override
  public void run(Object input, int[] inputShape, Object output, Scratch scratch) {
    int size = RefPad.outputSize(inputShape, paddings);
    for (int i = 0; i < size; i++) {
      int from = RefPad.inputIndex(i, inputShape, paddings);
      type.putClamped(output, i, from < 0 ? value : type.get(input, from));
    }
  }
}
