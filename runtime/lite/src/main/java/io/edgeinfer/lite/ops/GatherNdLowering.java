package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.GatherNd;

/**
 * GATHER_ND of any held type by int32 or int64 coordinates (MoveNet picks its keypoints' heatmap
 * cells with it). The values are copied, so params and output share type and quantization.
 */
final class GatherNdLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int params = ctx.operand(op, 0);
    int indices = ctx.operand(op, 1);
    int y = op.output(0);
    LiteTensor p = ctx.tensor(params);
    DataType indexType = ctx.tensor(indices).type();
    if (indexType != DataType.INT32 && indexType != DataType.INT64) {
      throw new Unsupported("expected int32 or int64 indices, found " + indexType.label());
    }
    if (p.type() != ctx.tensor(y).type()) {
      throw new Unsupported(p.type().label() + " to " + ctx.tensor(y).type().label());
    }
    if (OpContext.isQuantized8(p)) {
      OpContext.requireSameQuant(p, ctx.tensor(y));
    }
    GatherNd kernel = new GatherNd(ctx.name());
    int width = Buffers.length(p.type(), 1);
    return Step.single(
        ctx.name(),
        new int[] {params, indices},
        y,
        s -> kernel.outputShape(s[params], s[indices]),
        (buf, s, scratch) ->
            kernel.run(buf[params], s[params], buf[indices], s[indices], buf[y], width));
  }
}
