package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Quant;
import io.edgeinfer.lite.kernels.RefSvdf;

/**
 * SVDF: float32, and int8 with an int16 state (TFLite Micro's integer path). The state (input 4, a
 * variable tensor) is written by this step as a second output: the plan keeps its buffer, zeroed
 * when planned, so consecutive inferences of a predictor stream through it as TFLite's do.
 */
final class SvdfLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    OperatorOptions.Svdf o = ctx.options(op, OperatorOptions.Svdf.class);
    int x = ctx.operand(op, 0);
    LiteTensor in = ctx.tensor(x);
    LiteTensor feature = ctx.constant(op, 1, "feature weights");
    LiteTensor time = ctx.constant(op, 2, "time weights");
    int stateIndex = op.input(4);
    if (stateIndex == LiteOperator.OMITTED || !ctx.tensor(stateIndex).variable()) {
      throw new Unsupported("expected a variable state tensor as input 4");
    }
    LiteTensor state = ctx.tensor(stateIndex);
    int y = op.output(0);
    if (in.shape().rank() != 2 || feature.shape().rank() != 2 || time.shape().rank() != 2) {
      throw new Unsupported("expected rank-2 input and weights");
    }
    int filters = feature.shape().dims()[0];
    int inputSize = feature.shape().dims()[1];
    int memory = time.shape().dims()[1];
    int batch = in.shape().dims()[0];
    if (in.shape().dims()[1] != inputSize
        || time.shape().dims()[0] != filters
        || state.shape().elementCount() != (long) batch * filters * memory) {
      throw new Unsupported("input, weights and state sizes do not fit");
    }
    RefSvdf svdf;
    try {
      svdf = new RefSvdf(o.rank(), filters, inputSize, memory);
    } catch (IllegalArgumentException e) {
      throw new Unsupported(e.getMessage());
    }
    int units = svdf.units();
    int[] stateShape = state.shape().dims();
    Step.Shaper shaper =
        s -> {
          if (s[x][0] != batch) {
            throw new IllegalArgumentException("expected a batch of " + batch);
          }
          return new int[][] {{batch, units}, stateShape.clone()};
        };
    if (OpContext.isFloat(in)) {
      if (feature.type() != DataType.FLOAT32 || time.type() != DataType.FLOAT32) {
        throw new Unsupported("float32 input with " + feature.type().label() + " weights");
      }
      ctx.requireFloat(y);
      ctx.requireFloat(stateIndex);
      RefSvdf.Float32 k =
          svdf
          .new Float32(
              floats(ctx, feature),
              floats(ctx, time),
              ctx.floatBias(op, 3, units),
              OpContext.activation(o.activation()));
      return new Step(
          ctx.name(),
          new int[] {x},
          new int[] {y, stateIndex},
          shaper,
          (buf, s, scratch) ->
              k.run((float[]) buf[x], batch, (float[]) buf[stateIndex], (float[]) buf[y]));
    }
    if (in.type() != DataType.INT8 || feature.type() != DataType.INT8) {
      throw new Unsupported(
          in.type().label() + " input with " + feature.type().label() + " weights");
    }
    if (time.type() != DataType.INT16 || state.type() != DataType.INT16) {
      throw new Unsupported("integer SVDF needs int16 time weights and state");
    }
    ctx.requireType(y, DataType.INT8);
    float stateScale = Int16Operands.scale(state);
    float timeScale = Int16Operands.affine(time).scale();
    float featureScale = Int16Operands.affine(feature).scale();
    int[] bias = ctx.intBias(op, 3, units);
    Quant input = OpContext.quant(in);
    Quant output = OpContext.quant(ctx.tensor(y));
    byte[] featureValues = (byte[]) ctx.constants()[ctx.operand(op, 1)];
    short[] timeValues = (short[]) ctx.constants()[ctx.operand(op, 2)];
    RefSvdf.Int8 k =
        svdf
        .new Int8(
            featureValues, timeValues, bias, input, featureScale, stateScale, timeScale, output);
    return new Step(
        ctx.name(),
        new int[] {x},
        new int[] {y, stateIndex},
        shaper,
        (buf, s, scratch) ->
            k.run((byte[]) buf[x], batch, (short[]) buf[stateIndex], (byte[]) buf[y]));
  }

  private static float[] floats(OpContext ctx, LiteTensor tensor) {
    float[] values = new float[OpContext.elements(tensor)];
    ctx.floats(tensor).get(values);
    return values;
  }
}
