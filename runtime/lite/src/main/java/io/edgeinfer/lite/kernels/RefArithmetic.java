package io.edgeinfer.lite.kernels;

/**
 * The reference ADD, SUB and MUL: every output element, by its coordinates, reads the operand
 * elements it broadcasts from.
 */
final class RefArithmetic {
  private RefArithmetic() {}

  enum Kind {
    ADD,
    SUB,
    MUL
  }

  /** The flat index into {@code operand} of the output element at {@code outIndex}. */
  static int operandIndex(int outIndex, int[] aShape, int[] bShape, int[] operand) {
    int rank = Math.max(aShape.length, bShape.length);
    int index = 0;
    int stride = 1;
    int rest = outIndex;
    for (int axis = rank - 1; axis >= 0; axis--) {
      int da = Shapes.dim(aShape, rank, axis);
      int db = Shapes.dim(bShape, rank, axis);
      int outDim = da == 1 ? db : da;
      int coordinate = rest % outDim;
      rest /= outDim;
      int d = Shapes.dim(operand, rank, axis);
      if (d != 1) {
        index += coordinate * stride;
      }
      stride *= d;
    }
    return index;
  }

  /** The output size, after checking that the shapes broadcast (allocates nothing). */
  static int outputSize(int[] aShape, int[] bShape) {
    int rank = Math.max(aShape.length, bShape.length);
    int size = 1;
    for (int axis = 0; axis < rank; axis++) {
      int da = Shapes.dim(aShape, rank, axis);
      int db = Shapes.dim(bShape, rank, axis);
      if (da != db && da != 1 && db != 1) {
        Shapes.broadcast(aShape, bShape); // throws with both shapes in the message
      }
      size *= da == 1 ? db : da;
    }
    return size;
  }

  static final class FloatOp implements BinaryOp<float[]> {
    private final Kind kind;
    private final Activation activation;

    FloatOp(Kind kind, Activation activation) {
      this.kind = kind;
      this.activation = activation;
    }

    @Override
    public void run(float[] a, int[] aShape, float[] b, int[] bShape, float[] output) {
      int size = outputSize(aShape, bShape);
      Shapes.checkLength("first operand", Shapes.size(aShape), a.length);
      Shapes.checkLength("second operand", Shapes.size(bShape), b.length);
      Shapes.checkLength("output", size, output.length);
      for (int i = 0; i < size; i++) {
        float x = a[operandIndex(i, aShape, bShape, aShape)];
        float y = b[operandIndex(i, aShape, bShape, bShape)];
        float value =
            switch (kind) {
              case ADD -> x + y;
              case SUB -> x - y;
              case MUL -> x * y;
            };
        output[i] = activation.apply(value);
      }
    }
  }

  static final class Int8Op implements BinaryOp<byte[]> {
    private final Kind kind;
    private final QuantizedArithmetic params;

    Int8Op(Kind kind, Quant a, Quant b, Quant output, Activation activation) {
      this.kind = kind;
      this.params =
          switch (kind) {
            case ADD -> QuantizedArithmetic.addOrSub(a, b, output, activation, 1);
            case SUB -> QuantizedArithmetic.addOrSub(a, b, output, activation, -1);
            case MUL -> QuantizedArithmetic.mul(a, b, output, activation);
          };
    }

    @Override
    public void run(byte[] a, int[] aShape, byte[] b, int[] bShape, byte[] output) {
      int size = outputSize(aShape, bShape);
      Shapes.checkLength("first operand", Shapes.size(aShape), a.length);
      Shapes.checkLength("second operand", Shapes.size(bShape), b.length);
      Shapes.checkLength("output", size, output.length);
      for (int i = 0; i < size; i++) {
        int x = a[operandIndex(i, aShape, bShape, aShape)];
        int y = b[operandIndex(i, aShape, bShape, bShape)];
        output[i] = (byte) (kind == Kind.MUL ? params.mul(x, y) : params.add(x, y));
      }
    }
  }
}
