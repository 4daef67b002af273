package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteTensor;

/** Checks shared by the ops that move values without changing them. */
final class SameTypes {
  private SameTypes() {}

  /**
   * Every tensor has the type of the first; quantized 8-bit ones also its scale and zero point, so
   * copying the raw values is exact.
   */
  static void require(OpContext ctx, int... tensors) throws Unsupported {
    LiteTensor first = ctx.tensor(tensors[0]);
    for (int t : tensors) {
      LiteTensor other = ctx.tensor(t);
      if (other.type() != first.type()) {
        throw new Unsupported(
            "expected " + first.type().label() + " throughout, found " + other.type().label());
      }
      if (OpContext.isQuantized8(first)) {
        OpContext.requireSameQuant(first, other);
      }
    }
  }

  /** Array elements per tensor element of the type. */
  static int width(OpContext ctx, int tensor) {
    return Buffers.length(ctx.tensor(tensor).type(), 1);
  }

  /** A one-element array holding a type's zero: the zero point for quantized 8-bit tensors. */
  static Object zero(LiteTensor t) throws Unsupported {
    Object zero = Buffers.allocate(t.type(), 1);
    if (OpContext.isQuantized8(t)) {
      ((byte[]) zero)[0] = (byte) OpContext.quant(t).zeroPoint();
    } else if (t.type() == DataType.UINT8) {
      ((byte[]) zero)[0] = (byte) -128;
    }
    return zero;
  }
}
