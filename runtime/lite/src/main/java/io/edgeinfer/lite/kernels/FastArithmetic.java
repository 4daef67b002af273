package io.edgeinfer.lite.kernels;

/**
 * ADD, SUB and MUL, fast: the broadcast pattern is recognised per call (same shapes, a scalar
 * operand, or an operand that repeats along the leading axes such as a per-channel vector) and run
 * as flat loops; anything else maps indices as the reference does. Int8 ADD and SUB look the
 * rescaled operands up in two 256-entry tables made at load from the reference arithmetic, so each
 * element costs one fixed-point multiplication instead of three. The flat loops run on ranges of
 * output elements too ({@link SplitBinaryOp}), for threads.
 */
final class FastArithmetic {
  private FastArithmetic() {}

  /**
   * The period of an operand that repeats along the output's leading axes (its shape equals the
   * output's trailing axes, with only 1s before them), or -1. A scalar has period 1.
   */
  static int period(int[] operand, int[] aShape, int[] bShape) {
    int rank = Math.max(aShape.length, bShape.length);
    int axis = 0;
    while (axis < rank && Shapes.dim(operand, rank, axis) == 1) {
      axis++;
    }
    int period = 1;
    for (; axis < rank; axis++) {
      int da = Shapes.dim(aShape, rank, axis);
      int db = Shapes.dim(bShape, rank, axis);
      int out = da == 1 ? db : da;
      int d = Shapes.dim(operand, rank, axis);
      if (d != out) {
        return -1;
      }
      period *= d;
    }
    return period;
  }

  /**
   * True when both shapes are the same but for leading 1s: the operands line up element for element
   * with the output, no broadcast. (Found without the products and divisions of {@link #period}: a
   * small layer's SUB or MUL spent as long on them as on its arithmetic.)
   */
  static boolean sameElements(int[] aShape, int[] bShape) {
    int rank = Math.max(aShape.length, bShape.length);
    for (int axis = 0; axis < rank; axis++) {
      if (Shapes.dim(aShape, rank, axis) != Shapes.dim(bShape, rank, axis)) {
        return false;
      }
    }
    return true;
  }

  /** Output elements when one operand spans the output and the other repeats, else 1. */
  static int flatUnits(int[] aShape, int[] bShape) {
    int size = RefArithmetic.outputSize(aShape, bShape);
    int pa = period(aShape, aShape, bShape);
    int pb = period(bShape, aShape, bShape);
    return (pa == size && pb > 0) || (pb == size && pa > 0) ? size : 1;
  }

  static final class FloatOp implements SplitBinaryOp<float[]> {
    private final RefArithmetic.Kind kind;
    private final Activation activation;
    private final RefArithmetic.FloatOp general;

    FloatOp(RefArithmetic.Kind kind, Activation activation) {
      this.kind = kind;
      this.activation = activation;
      this.general = new RefArithmetic.FloatOp(kind, activation);
    }

    private float compute(float x, float y) {
      float v =
          switch (kind) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
          };
      return activation.apply(v);
    }

    @Override
    public void run(float[] a, int[] aShape, float[] b, int[] bShape, float[] output) {
      int size =
          sameElements(aShape, bShape)
              ? Shapes.size(aShape)
              : RefArithmetic.outputSize(aShape, bShape);
      runUnits(a, aShape, b, bShape, output, 0, size);
    }

    @Override
    public int units(int[] aShape, int[] bShape) {
      return flatUnits(aShape, bShape);
    }

    @Override
    public void runUnits(
        float[] a, int[] aShape, float[] b, int[] bShape, float[] output, int from, int to) {
      if (sameElements(aShape, bShape)) {
        int size = Shapes.size(aShape);
        Shapes.checkLength("first operand", size, a.length);
        Shapes.checkLength("second operand", size, b.length);
        Shapes.checkLength("output", size, output.length);
        same(a, b, output, from, to);
        return;
      }
      int size = RefArithmetic.outputSize(aShape, bShape);
      int sizeA = Shapes.size(aShape);
      int sizeB = Shapes.size(bShape);
      Shapes.checkLength("first operand", sizeA, a.length);
      Shapes.checkLength("second operand", sizeB, b.length);
      Shapes.checkLength("output", size, output.length);
      int pa = period(aShape, aShape, bShape);
      int pb = period(bShape, aShape, bShape);
      if (pa == size && pb > 0) {
        for (int i = from, j = from % pb; i < to; i++, j = j + 1 == pb ? 0 : j + 1) {
          output[i] = compute(a[i], b[j]);
        }
      } else if (pb == size && pa > 0) {
        for (int i = from, j = from % pa; i < to; i++, j = j + 1 == pa ? 0 : j + 1) {
          output[i] = compute(a[j], b[i]);
        }
      } else if (from < to) {
        general.run(a, aShape, b, bShape, output); // one unit: the whole output
      }
    }

    /**
     * Operands of the output's size: one loop per kind, every array indexed alike (what C2
     * vectorizes), the clamp a second pass only when there is one. The same floats as {@link
     * #compute}.
     */
    private void same(float[] a, float[] b, float[] output, int from, int to) {
      switch (kind) {
        case ADD -> {
          for (int i = from; i < to; i++) {
            output[i] = a[i] + b[i];
          }
        }
        case SUB -> {
          for (int i = from; i < to; i++) {
            output[i] = a[i] - b[i];
          }
        }
        case MUL -> {
          for (int i = from; i < to; i++) {
            output[i] = a[i] * b[i];
          }
        }
      }
      if (activation != Activation.NONE) {
        for (int i = from; i < to; i++) {
          output[i] = activation.apply(output[i]);
        }
      }
    }
  }

  /**
   * Int8 ADD, SUB and MUL. Per element, the output's {@link
   * Quantization#multiplyByQuantizedMultiplier} runs in {@link ExactRequantizer}'s branch-free
   * form: {@code (p + 2^30) >> 31} for the rounding doubling high multiply (its saturation needs
   * two int32 minimums, and the multiplier is positive), then the rounding divide as a shift after
   * adding half, less one for a negative value. ADD and SUB look their operands up in tables of the
   * reference's rescaled values.
   */
  static final class Int8Op implements SplitBinaryOp<byte[]> {
    private final RefArithmetic.Kind kind;
    private final QuantizedArithmetic params;
    private final int[] scaledA = new int[256];
    private final int[] scaledB = new int[256];
    private final RefArithmetic.Int8Op general;
    private final long multiplier;
    private final int leftShift;
    private final int rightShift;
    private final long half;
    private final long negativeAdjust;
    private final int zeroPoint;
    private final int min;
    private final int max;

    Int8Op(RefArithmetic.Kind kind, Quant a, Quant b, Quant output, Activation activation) {
      this.kind = kind;
      this.params =
          switch (kind) {
            case ADD -> QuantizedArithmetic.addOrSub(a, b, output, activation, 1);
            case SUB -> QuantizedArithmetic.addOrSub(a, b, output, activation, -1);
            case MUL -> QuantizedArithmetic.mul(a, b, output, activation);
          };
      if (kind != RefArithmetic.Kind.MUL) {
        for (int q = -128; q < 128; q++) {
          scaledA[q + 128] = params.scaleA(q);
          scaledB[q + 128] = params.scaleB(q);
        }
      }
      this.general = new RefArithmetic.Int8Op(kind, a, b, output, activation);
      this.multiplier = params.outputMultiplier;
      this.leftShift = Math.max(params.outputShift, 0);
      this.rightShift = Math.max(-params.outputShift, 0);
      this.half = rightShift == 0 ? 0 : 1L << (rightShift - 1);
      this.negativeAdjust = rightShift == 0 ? 0 : 1;
      this.zeroPoint = params.outputOffset;
      this.min = params.min;
      this.max = params.max;
    }

    /** The quantization parameters (the vector kernel computes with them). */
    QuantizedArithmetic params() {
      return params;
    }

    /** The output for operands {@code x} and {@code y}, bit for bit the reference's. */
    int compute(int x, int y) {
      int acc =
          kind == RefArithmetic.Kind.MUL
              ? (x + params.offsetA) * (y + params.offsetB)
              : scaledA[x + 128] + scaledB[y + 128];
      long p = (long) (acc << leftShift) * multiplier;
      long high = (p + (1L << 30)) >> 31;
      // Offset in int as the reference does (it wraps where a MUL's left shift made it large).
      int q = (int) ((high + half - ((high >>> 63) & negativeAdjust)) >> rightShift) + zeroPoint;
      return q < min ? min : (q > max ? max : q);
    }

    @Override
    public void run(byte[] a, int[] aShape, byte[] b, int[] bShape, byte[] output) {
      runUnits(a, aShape, b, bShape, output, 0, RefArithmetic.outputSize(aShape, bShape));
    }

    @Override
    public int units(int[] aShape, int[] bShape) {
      return flatUnits(aShape, bShape);
    }

    @Override
    public void runUnits(
        byte[] a, int[] aShape, byte[] b, int[] bShape, byte[] output, int from, int to) {
      int size = RefArithmetic.outputSize(aShape, bShape);
      int sizeA = Shapes.size(aShape);
      int sizeB = Shapes.size(bShape);
      Shapes.checkLength("first operand", sizeA, a.length);
      Shapes.checkLength("second operand", sizeB, b.length);
      Shapes.checkLength("output", size, output.length);
      int pa = period(aShape, aShape, bShape);
      int pb = period(bShape, aShape, bShape);
      if (pa == size && pb > 0) {
        for (int i = from, j = from % pb; i < to; i++, j = j + 1 == pb ? 0 : j + 1) {
          output[i] = (byte) compute(a[i], b[j]);
        }
      } else if (pb == size && pa > 0) {
        for (int i = from, j = from % pa; i < to; i++, j = j + 1 == pa ? 0 : j + 1) {
          output[i] = (byte) compute(a[j], b[i]);
        }
      } else if (from < to) {
        general.run(a, aShape, b, bShape, output); // one unit: the whole output
      }
    }
  }
}
