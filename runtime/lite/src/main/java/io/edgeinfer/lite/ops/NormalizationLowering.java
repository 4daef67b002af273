package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.L2NormInt8;
import io.edgeinfer.lite.kernels.Normalization;
import io.edgeinfer.lite.kernels.QuantizedBinary;
import io.edgeinfer.lite.kernels.Shapes;

/**
 * L2_NORMALIZATION over the last dimension on float32 and int8 (TFLite's integer inverse square
 * root), LOG_SOFTMAX on float32 (its quantized form is not run yet), and PRELU (alpha broadcast) on
 * float32 and int8/uint8 (TFLite's two multipliers).
 */
final class NormalizationLowering implements Lowering {
  private final BuiltinOperator which;

  NormalizationLowering(BuiltinOperator which) {
    this.which = which;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    if (which == BuiltinOperator.PRELU && OpContext.isQuantized8(in)) {
      int alpha = ctx.operand(op, 1);
      LiteTensor ta = ctx.tensor(alpha);
      if (ta.type() != in.type()) {
        throw new Unsupported(in.type().label() + " with " + ta.type().label() + " alpha");
      }
      ctx.requireQuantized8(y, in);
      var k =
          new QuantizedBinary.Prelu(
              OpContext.quant(in), OpContext.quant(ta), OpContext.quant(ctx.tensor(y)));
      return Step.single(
          ctx.name(),
          new int[] {x, alpha},
          y,
          s -> Shapes.broadcast(s[x], s[alpha]),
          (buf, s, scratch) ->
              k.run(
                  (byte[]) buf[x],
                  s[x],
                  (byte[]) buf[alpha],
                  s[alpha],
                  (byte[]) buf[y],
                  Shapes.broadcast(s[x], s[alpha])));
    }
    if (which == BuiltinOperator.L2_NORMALIZATION
        && in.type() == DataType.INT8
        && OpContext.isQuantized8(in)) {
      // TFLite fixes the int8 output at scale 1/128, zero point 0: values in [-1, 1).
      LiteTensor out = ctx.tensor(y);
      ctx.requireQuantized8(y, in);
      if (OpContext.quant(out).scale() != 1f / 128 || OpContext.quant(out).zeroPoint() != 0) {
        throw new Unsupported("expected an int8 output of scale 1/128 and zero point 0");
      }
      int zeroPoint = OpContext.quant(in).zeroPoint();
      return ctx.step(
          x,
          y,
          s -> s,
          (buf, s, scratch) ->
              L2NormInt8.run(
                  (byte[]) buf[x],
                  (byte[]) buf[y],
                  Shapes.size(s[x]),
                  s[x].length == 0 ? 1 : s[x][s[x].length - 1],
                  zeroPoint));
    }
    if (!OpContext.isFloat(in)) {
      throw new Unsupported(in.type().label());
    }
    ctx.requireFloat(y);
    if (which == BuiltinOperator.PRELU) {
      int alpha = ctx.operand(op, 1);
      ctx.requireFloat(alpha);
      return Step.single(
          ctx.name(),
          new int[] {x, alpha},
          y,
          s -> Shapes.broadcast(s[x], s[alpha]),
          (buf, s, scratch) ->
              Normalization.prelu(
                  (float[]) buf[x],
                  s[x],
                  (float[]) buf[alpha],
                  s[alpha],
                  (float[]) buf[y],
                  Shapes.broadcast(s[x], s[alpha])));
    }
    boolean l2 = which == BuiltinOperator.L2_NORMALIZATION;
    return ctx.step(
        x,
        y,
        s -> s,
        (buf, s, scratch) -> {
          int depth = s[x].length == 0 ? 1 : s[x][s[x].length - 1];
          int size = Shapes.size(s[x]);
          if (l2) {
            Normalization.l2((float[]) buf[x], (float[]) buf[y], size, depth);
          } else {
            Normalization.logSoftmax((float[]) buf[x], (float[]) buf[y], size, depth);
          }
        });
  }
}
