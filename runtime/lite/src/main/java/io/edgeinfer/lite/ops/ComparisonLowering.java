package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.Comparison;
import io.edgeinfer.lite.kernels.QuantizedBinary;
import io.edgeinfer.lite.kernels.Shapes;

/**
 * LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, EQUAL and NOT_EQUAL with broadcasting, to bool:
 * float32, int32, int64, bool, and int8/uint8 operands of any quantization (rescaled to a common
 * scale, as TFLite does).
 */
final class ComparisonLowering implements Lowering {
  private final Comparison comparison;

  ComparisonLowering(BuiltinOperator which) {
    this.comparison = Comparison.valueOf(which.name());
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int a = ctx.operand(op, 0);
    int b = ctx.operand(op, 1);
    int y = op.output(0);
    ctx.requireType(y, DataType.BOOL);
    LiteTensor ta = ctx.tensor(a);
    LiteTensor tb = ctx.tensor(b);
    if (ta.type() != tb.type()) {
      throw new Unsupported(ta.type().label() + " and " + tb.type().label());
    }
    if (OpContext.isQuantized8(ta)) {
      // TFLite rescales both sides to one scale before comparing, whatever their quantization.
      var k = new QuantizedBinary.Compare(comparison, OpContext.quant(ta), OpContext.quant(tb));
      return ConstantFolding.orStep(
          ctx,
          Step.single(
              ctx.name(),
              new int[] {a, b},
              y,
              s -> Shapes.broadcast(s[a], s[b]),
              (buf, s, scratch) ->
                  k.run(
                      (byte[]) buf[a],
                      s[a],
                      (byte[]) buf[b],
                      s[b],
                      (boolean[]) buf[y],
                      Shapes.broadcast(s[a], s[b]))));
    }
    switch (ta.type()) {
      case FLOAT32, INT32, INT64, BOOL -> {}
      case INT8, INT16 -> {
        if (ta.quantization().isQuantized()) {
          throw new Unsupported("quantized " + ta.type().label());
        }
      }
      default -> throw new Unsupported(ta.type().label());
    }
    return ConstantFolding.orStep(
        ctx,
        Step.single(
            ctx.name(),
            new int[] {a, b},
            y,
            s -> Shapes.broadcast(s[a], s[b]),
            (buf, s, scratch) ->
                comparison.run(
                    buf[a], s[a], buf[b], s[b], (boolean[]) buf[y], Shapes.broadcast(s[a], s[b]))));
  }
}
