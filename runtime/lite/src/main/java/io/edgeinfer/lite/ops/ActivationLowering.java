package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Kernels;
import io.edgeinfer.lite.kernels.Quant;
import io.edgeinfer.lite.kernels.UnaryOp;

/** RELU, RELU6, LOGISTIC, TANH, LEAKY_RELU and SOFTMAX: float32, int8/uint8. */
final class ActivationLowering implements Lowering {
  private final BuiltinOperator which;

  ActivationLowering(BuiltinOperator which) {
    this.which = which;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    Kernels kernels = ctx.kernels();
    UnaryOp<?, ?> kernel;
    if (OpContext.isFloat(in)) {
      ctx.requireFloat(y);
      kernel =
          switch (which) {
            case RELU -> kernels.relu();
            case RELU6 -> kernels.relu6();
            case LOGISTIC -> kernels.logistic();
            case TANH -> kernels.tanh();
            case LEAKY_RELU ->
                kernels.leakyRelu(ctx.options(op, OperatorOptions.LeakyRelu.class).alpha());
            default -> kernels.softmax(ctx.options(op, OperatorOptions.Softmax.class).beta());
          };
    } else if (OpContext.isQuantized8(in)) {
      ctx.requireQuantized8(y, in);
      Quant qi = OpContext.quant(in);
      Quant qo = OpContext.quant(ctx.tensor(y));
      kernel =
          switch (which) {
            case RELU -> kernels.relu(qi, qo);
            case RELU6 -> kernels.relu6(qi, qo);
            case LOGISTIC -> kernels.logistic(qi, qo);
            case TANH -> kernels.tanh(qi, qo);
            case LEAKY_RELU ->
                kernels.leakyRelu(ctx.options(op, OperatorOptions.LeakyRelu.class).alpha(), qi, qo);
            default ->
                kernels.softmax(ctx.options(op, OperatorOptions.Softmax.class).beta(), qi, qo);
          };
    } else {
      throw new Unsupported(in.type().label());
    }
    return ctx.unary(x, y, kernel, null);
  }
}
