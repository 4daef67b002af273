package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Activation;
import io.edgeinfer.lite.kernels.UnaryOp;

/** FULLY_CONNECTED: float32, int8/uint8 (weights int8 symmetric or uint8 asymmetric), hybrid. */
final class FullyConnectedLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    OperatorOptions.FullyConnected options = ctx.options(op, OperatorOptions.FullyConnected.class);
    if (options.weightsFormat() != OperatorOptions.FullyConnected.WeightsFormat.DEFAULT) {
      throw new Unsupported("weights format " + options.weightsFormat());
    }
    Activation activation = OpContext.activation(options.activation());
    int x = ctx.operand(op, 0);
    LiteTensor weights = ctx.constant(op, 1, "weights");
    if (weights.shape().rank() != 2) {
      throw new Unsupported("expected rank-2 weights, found " + weights.shape());
    }
    int outputs = weights.shape().dim(0);
    int inputs = weights.shape().dim(1);
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    UnaryOp<?, ?> kernel;
    if (OpContext.isFloat(in) && weights.type() == DataType.FLOAT32) {
      ctx.requireFloat(y);
      kernel =
          ctx.kernels()
              .fullyConnected(
                  ctx.floats(weights), outputs, inputs, ctx.floatBias(op, 2, outputs), activation);
    } else if (OpContext.isQuantized8(in) && OpContext.isQuantized8(weights)) {
      ctx.requireQuantized8(y, in);
      kernel =
          ctx.kernels()
              .fullyConnected(
                  ctx.weights8(weights),
                  OpContext.weightZeroPoint(weights),
                  outputs,
                  inputs,
                  OpContext.weightScales(weights),
                  ctx.intBias(op, 2, outputs),
                  OpContext.quant(in),
                  OpContext.quant(ctx.tensor(y)),
                  activation);
    } else if (OpContext.isFloat(in) && OpContext.isQuantized8(weights)) {
      ctx.requireFloat(y);
      kernel =
          ctx.kernels()
              .hybridFullyConnected(
                  ctx.model().data(weights),
                  outputs,
                  inputs,
                  OpContext.hybridScales(weights, 0, outputs),
                  ctx.floatBias(op, 2, outputs),
                  activation);
    } else {
      throw new Unsupported(
          "input " + in.type().label() + " with weights " + weights.type().label());
    }
    boolean keepNumDims = options.keepNumDims();
    UnaryOp<?, ?> k = kernel;
    return ctx.unary(
        x,
        y,
        k,
        shape -> {
          int[] out = k.outputShape(shape);
          if (keepNumDims && shape.length > 0) {
            out = shape.clone();
            out[out.length - 1] = outputs;
          }
          return out;
        });
  }
}
