package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.kernels.StridedSlice;

/**
 * STRIDED_SLICE of any held type with constant begin, end and strides (int32 shape arithmetic
 * included); quantized outputs keep the input's quantization, as TFLite requires.
 */
final class StridedSliceLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    OperatorOptions.StridedSlice o = ctx.options(op, OperatorOptions.StridedSlice.class);
    int x = ctx.operand(op, 0);
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    ctx.requireType(y, in.type());
    if (in.type() == io.edgeinfer.core.DataType.COMPLEX64) {
      throw new Unsupported("complex64");
    }
    QuantParams qi = in.quantization();
    QuantParams qo = ctx.tensor(y).quantization();
    if (qi.isQuantized()
        && !(qi.scale().equals(qo.scale()) && qi.zeroPoint().equals(qo.zeroPoint()))) {
      throw new Unsupported("expected the input's quantization on the output");
    }
    StridedSlice k;
    try {
      k =
          new StridedSlice(
              ctx.ints(ctx.constant(op, 1, "begin")),
              ctx.ints(ctx.constant(op, 2, "end")),
              ctx.ints(ctx.constant(op, 3, "strides")),
              o.beginMask(),
              o.endMask(),
              o.ellipsisMask(),
              o.newAxisMask(),
              o.shrinkAxisMask(),
              o.offset());
      k.outputShape(in.shape().dims());
    } catch (IllegalArgumentException e) {
      throw new Unsupported(e.getMessage());
    }
    // Folded at load when its input is a constant (a SHAPE's values in a Keras dilated block).
    return ConstantFolding.orStep(
        ctx, ctx.step(x, y, k::outputShape, (buf, s, scratch) -> k.run(buf[x], s[x], buf[y])));
  }
}
