package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;
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
    int width = IndexedCopy.check(ctx, params, indices, y);
    GatherNd kernel = new GatherNd(ctx.name());
    return Step.single(
        ctx.name(),
        new int[] {params, indices},
        y,
        s -> kernel.outputShape(s[params], s[indices]),
        (buf, s, scratch) ->
            kernel.run(buf[params], s[params], buf[indices], s[indices], buf[y], width));
  }
}
