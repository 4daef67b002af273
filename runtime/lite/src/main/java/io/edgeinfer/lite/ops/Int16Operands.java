package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.kernels.IntArrays;

/**
 * What 16x8 lowerings check of their tensors: int16 activations are symmetric (zero point 0, one
 * scale), and biases of convolutions are int64 (or int32, which TFLite sums in 32 bits).
 */
final class Int16Operands {
  private Int16Operands() {}

  static boolean isInt16(LiteTensor tensor) {
    return tensor.type() == DataType.INT16;
  }

  /** The scale of a symmetric per-tensor int16 tensor. */
  static float scale(LiteTensor tensor) throws Unsupported {
    QuantParams q = tensor.quantization();
    if (!isInt16(tensor) || !q.isQuantized() || q.isPerAxis()) {
      throw new Unsupported("expected a quantized int16 tensor, found " + tensor);
    }
    if (q.zeroPoint(0) != 0) {
      throw new Unsupported("int16 tensor " + tensor + " with zero point " + q.zeroPoint(0));
    }
    float scale = q.scale(0);
    if (!(scale > 0) || Float.isInfinite(scale)) {
      throw new Unsupported("int16 tensor " + tensor + " with scale " + scale);
    }
    return scale;
  }

  /** The integer array kind of a quantized int8, int16 or int32 tensor, or null. */
  static IntArrays kind(LiteTensor tensor) {
    return switch (tensor.type()) {
      case INT8 -> IntArrays.INT8;
      case INT16 -> IntArrays.INT16;
      case INT32 -> IntArrays.INT32;
      default -> null;
    };
  }

  /** A per-tensor scale and zero point of any integer width (uint8 is not for these ops). */
  record Affine(float scale, int zeroPoint) {}

  static Affine affine(LiteTensor tensor) throws Unsupported {
    QuantParams q = tensor.quantization();
    if (!q.isQuantized() || q.isPerAxis()) {
      throw new Unsupported(tensor + " without one scale and zero point");
    }
    float scale = q.scale(0);
    long zp = q.zeroPoint(0);
    if (!(scale > 0) || Float.isInfinite(scale) || zp != (int) zp) {
      throw new Unsupported(tensor + " with scale " + scale + " and zero point " + zp);
    }
    return new Affine(scale, (int) zp);
  }

  /**
   * The bias of a 16x8 convolution as 64-bit values, or null when absent.
   *
   * @return the values; {@link #isWide} says whether the sum is 64-bit
   */
  static long[] bias(OpContext ctx, LiteOperator op, int i, int channels) throws Unsupported {
    if (!OpContext.has(op, i)) {
      return null;
    }
    LiteTensor bias = ctx.constant(op, i, "bias");
    if (bias.shape().elementCount() != channels) {
      throw new Unsupported("expected a bias of " + channels + ", found " + bias);
    }
    Object values = ctx.constants()[ctx.operand(op, i)];
    if (values instanceof long[] longs) {
      return longs.clone();
    }
    if (values instanceof int[] ints) {
      long[] out = new long[ints.length];
      for (int k = 0; k < ints.length; k++) {
        out[k] = ints[k];
      }
      return out;
    }
    if (values instanceof short[] shorts) {
      long[] out = new long[shorts.length];
      for (int k = 0; k < shorts.length; k++) {
        out[k] = shorts[k];
      }
      return out;
    }
    throw new Unsupported("expected an int64 or int32 bias, found " + bias);
  }

  /** Whether a 16x8 convolution sums in 64 bits: an int64 bias, or none (TFLite's default). */
  static boolean isWide(OpContext ctx, LiteOperator op, int i) {
    return !OpContext.has(op, i) || ctx.tensor(op.input(i)).type() != DataType.INT32;
  }
}
