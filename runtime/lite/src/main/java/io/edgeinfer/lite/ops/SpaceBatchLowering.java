package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.kernels.SpaceBatch;

/**
 * SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND by constant block shape and paddings or crops (constants
 * or folded at load from shape arithmetic), rank-3 or rank-4 tensors of any type; padding is the
 * zero point of quantized tensors.
 */
final class SpaceBatchLowering implements Lowering {
  private final boolean toBatch;

  SpaceBatchLowering(BuiltinOperator which) {
    this.toBatch = which == BuiltinOperator.SPACE_TO_BATCH_ND;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int[] block = ctx.ints(ctx.constant(op, 1, "block shape"));
    int[] margins = ctx.ints(ctx.constant(op, 2, toBatch ? "paddings" : "crops"));
    int y = op.output(0);
    int rank = ctx.tensor(x).shape().rank();
    if ((rank != 3 && rank != 4) || block.length != rank - 2 || margins.length != 2 * (rank - 2)) {
      throw new Unsupported("expected rank 3 or 4 with 1 or 2 spatial dimensions");
    }
    SameTypes.require(ctx, x, y);
    int w = SameTypes.width(ctx, x);
    if (toBatch) {
      Object pad = SameTypes.zero(ctx.tensor(x));
      return ConstantFolding.orStep(
          ctx,
          ctx.step(
              x,
              y,
              shape -> SpaceBatch.spaceToBatchShape(shape, block, margins),
              (buf, s, scratch) ->
                  SpaceBatch.spaceToBatch(buf[x], s[x], block, margins, pad, buf[y], w)));
    }
    return ConstantFolding.orStep(
        ctx,
        ctx.step(
            x,
            y,
            shape -> SpaceBatch.batchToSpaceShape(shape, block, margins),
            (buf, s, scratch) -> SpaceBatch.batchToSpace(buf[x], s[x], block, margins, buf[y], w)));
  }
}
