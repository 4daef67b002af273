package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.IntArrays;
import io.edgeinfer.lite.kernels.RefRequantize;

/**
 * QUANTIZE and DEQUANTIZE where int16 or int32 is involved: between int8, int16 and int32 in the
 * pairings TFLite Micro runs, float32 to int16, int16 to float32. The rest go to {@code others}.
 */
final class Quantize16Lowering implements Lowering {
  private final boolean dequantize;
  private final Lowering others;

  Quantize16Lowering(boolean dequantize, Lowering others) {
    this.dequantize = dequantize;
    this.others = others;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int source = op.input(0);
    int y = op.output(0);
    if (source == LiteOperator.OMITTED) {
      return others.lower(ctx, op);
    }
    LiteTensor in = ctx.tensor(source);
    LiteTensor out = ctx.tensor(y);
    if (!isWide(in) && !isWide(out)) {
      return others.lower(ctx, op);
    }
    int x = ctx.operand(op, 0);
    IntArrays from = Int16Operands.kind(in);
    IntArrays to = Int16Operands.kind(out);
    RefRequantize.Elementwise k;
    if (dequantize) {
      if (from != IntArrays.INT16 || !OpContext.isFloat(out)) {
        throw new Unsupported(in.type().label() + " to " + out.type().label());
      }
      Int16Operands.Affine q = Int16Operands.affine(in);
      k = RefRequantize.dequantize(from, q.scale(), q.zeroPoint());
    } else if (OpContext.isFloat(in) && to == IntArrays.INT16) {
      Int16Operands.Affine q = Int16Operands.affine(out);
      k = RefRequantize.quantize(to, q.scale(), q.zeroPoint());
    } else if (from != null && to != null && pairing(from, to)) {
      Int16Operands.Affine qi = Int16Operands.affine(in);
      Int16Operands.Affine qo = Int16Operands.affine(out);
      k =
          RefRequantize.requantize(
              from, qi.scale(), qi.zeroPoint(), to, qo.scale(), qo.zeroPoint());
    } else {
      throw new Unsupported(in.type().label() + " to " + out.type().label());
    }
    return ctx.step(x, y, int[]::clone, (buf, s, scratch) -> k.run(buf[x], buf[y], elements(s[x])));
  }

  private static boolean isWide(LiteTensor t) {
    return Int16Operands.isInt16(t) || t.type() == io.edgeinfer.core.DataType.INT32;
  }

  /** The integer pairings of TFLite Micro's QUANTIZE that involve int16 or int32. */
  private static boolean pairing(IntArrays from, IntArrays to) {
    return switch (from) {
      case INT8 -> to == IntArrays.INT16 || to == IntArrays.INT32;
      case INT16 -> true;
      case INT32 -> to == IntArrays.INT8 || to == IntArrays.INT16;
    };
  }

  private static int elements(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }
}
