package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Activation;
import io.edgeinfer.lite.kernels.FloatMath;
import io.edgeinfer.lite.kernels.IntMath;
import io.edgeinfer.lite.kernels.QuantizedBinary;
import io.edgeinfer.lite.kernels.QuantizedDiv;
import io.edgeinfer.lite.kernels.Shapes;

/**
 * Broadcasting binary ops beyond ADD, SUB and MUL: DIV (with its fused activation),
 * SQUARED_DIFFERENCE, MAXIMUM, MINIMUM, POW, FLOOR_MOD and FLOOR_DIV on float32; MAXIMUM, MINIMUM,
 * FLOOR_MOD and FLOOR_DIV on int32 and int64; MAXIMUM and MINIMUM on int8/uint8 tensors that share
 * their quantization (TFLite compares the raw values); SQUARED_DIFFERENCE on int8/uint8 of any
 * quantization (TFLite's rescaling).
 */
final class ElementwiseLowering implements Lowering {
  private final BuiltinOperator which;

  ElementwiseLowering(BuiltinOperator which) {
    this.which = which;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int a = ctx.operand(op, 0);
    int b = ctx.operand(op, 1);
    int y = op.output(0);
    LiteTensor ta = ctx.tensor(a);
    int[] in = {a, b};
    Step.SingleShaper shaper = s -> Shapes.broadcast(s[a], s[b]);
    if (OpContext.isFloat(ta)) {
      SameTypes.require(ctx, a, b, y);
      FloatMath.Binary f = FloatMath.Binary.valueOf(which.name());
      Activation act =
          which == BuiltinOperator.DIV && !(op.options() instanceof OperatorOptions.None)
              ? OpContext.activation(ctx.options(op, OperatorOptions.Div.class).activation())
              : Activation.NONE;
      return ConstantFolding.orStep(
          ctx,
          Step.single(
              ctx.name(),
              in,
              y,
              shaper,
              (buf, s, scratch) -> {
                float[] out = (float[]) buf[y];
                int[] shape = Shapes.broadcast(s[a], s[b]);
                f.run((float[]) buf[a], s[a], (float[]) buf[b], s[b], out, shape);
                clamp(act, out, Shapes.size(shape));
              }));
    }
    if (which == BuiltinOperator.DIV && OpContext.isQuantized8(ta)) {
      LiteTensor tb = ctx.tensor(b);
      if (tb.type() != ta.type()) {
        throw new Unsupported(ta.type().label() + " and " + tb.type().label());
      }
      ctx.requireQuantized8(y, ta);
      Activation act =
          op.options() instanceof OperatorOptions.None
              ? Activation.NONE
              : OpContext.activation(ctx.options(op, OperatorOptions.Div.class).activation());
      var k =
          new QuantizedDiv(
              OpContext.quant(ta), OpContext.quant(tb), OpContext.quant(ctx.tensor(y)), act);
      return Step.single(
          ctx.name(),
          in,
          y,
          shaper,
          (buf, s, scratch) ->
              k.run(
                  (byte[]) buf[a], s[a], (byte[]) buf[b], s[b], (byte[]) buf[y], shaper.shape(s)));
    }
    if (which == BuiltinOperator.SQUARED_DIFFERENCE && OpContext.isQuantized8(ta)) {
      LiteTensor tb = ctx.tensor(b);
      if (tb.type() != ta.type()) {
        throw new Unsupported(ta.type().label() + " and " + tb.type().label());
      }
      ctx.requireQuantized8(y, ta);
      var k =
          new QuantizedBinary.SquaredDifference(
              OpContext.quant(ta), OpContext.quant(tb), OpContext.quant(ctx.tensor(y)));
      return Step.single(
          ctx.name(),
          in,
          y,
          shaper,
          (buf, s, scratch) ->
              k.run(
                  (byte[]) buf[a], s[a], (byte[]) buf[b], s[b], (byte[]) buf[y], shaper.shape(s)));
    }
    IntMath g =
        switch (which) {
          case MAXIMUM -> IntMath.MAXIMUM;
          case MINIMUM -> IntMath.MINIMUM;
          case FLOOR_MOD -> IntMath.FLOOR_MOD;
          case FLOOR_DIV -> IntMath.FLOOR_DIV;
          default -> throw new Unsupported(ta.type().label());
        };
    SameTypes.require(ctx, a, b, y);
    Step.Runner runner =
        switch (ta.type()) {
          case INT32 ->
              (buf, s, scratch) ->
                  g.run(
                      (int[]) buf[a], s[a], (int[]) buf[b], s[b], (int[]) buf[y], shaper.shape(s));
          case INT64 ->
              (buf, s, scratch) ->
                  g.run(
                      (long[]) buf[a],
                      s[a],
                      (long[]) buf[b],
                      s[b],
                      (long[]) buf[y],
                      shaper.shape(s));
          case INT8, UINT8 -> {
            if (g == IntMath.FLOOR_MOD || g == IntMath.FLOOR_DIV || !OpContext.isQuantized8(ta)) {
              throw new Unsupported(ta.type().label());
            }
            yield (buf, s, scratch) ->
                g.run(
                    (byte[]) buf[a], s[a], (byte[]) buf[b], s[b], (byte[]) buf[y], shaper.shape(s));
          }
          default -> throw new Unsupported(ta.type().label());
        };
    if (ta.type() == DataType.INT8 || ta.type() == DataType.UINT8) {
      OpContext.requireSameQuant(ta, ctx.tensor(y));
    }
    return ConstantFolding.orStep(ctx, Step.single(ctx.name(), in, y, shaper, runner));
  }

  /** A fused activation on float results: the clamp of TFLite's ActivationFunctionWithMinMax. */
  static void clamp(Activation act, float[] out, int size) {
    if (act == Activation.NONE) {
      return;
    }
    for (int i = 0; i < size; i++) {
      out[i] = Math.min(Math.max(out[i], act.min()), act.max());
    }
  }
}
