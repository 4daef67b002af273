package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Gather;

/**
 * GATHER of any held type by int32 or int64 indices, along any axis, with batch dimensions. The
 * values are copied, so params and output share type and quantization.
 */
final class GatherLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    // No options table reads as TFLite's defaults: axis 0, no batch dimensions.
    OperatorOptions.Gather o =
        op.options() instanceof OperatorOptions.None
            ? new OperatorOptions.Gather(0, 0)
            : ctx.options(op, OperatorOptions.Gather.class);
    int params = ctx.operand(op, 0);
    int indices = ctx.operand(op, 1);
    int y = op.output(0);
    int width = IndexedCopy.check(ctx, params, indices, y);
    Gather kernel = new Gather(ctx.name(), o.axis(), o.batchDims());
    return Step.single(
        ctx.name(),
        new int[] {params, indices},
        y,
        s -> kernel.outputShape(s[params], s[indices]),
        (buf, s, scratch) ->
            kernel.run(buf[params], s[params], buf[indices], s[indices], buf[y], width));
  }
}
