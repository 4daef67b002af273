package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.kernels.SpaceBatch;

/**
 * SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND, rank-3 or rank-4 tensors of any type; padding is the
 * zero point of quantized tensors. The block shape and the paddings or crops are constants, or
 * int32 values known when planning: shape arithmetic folded at load, or for each plan's input
 * shapes when the model takes variable sizes (a Keras dilated convolution).
 */
final class SpaceBatchLowering implements Lowering {
  private final boolean toBatch;

  SpaceBatchLowering(BuiltinOperator which) {
    this.toBatch = which == BuiltinOperator.SPACE_TO_BATCH_ND;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int blockTensor = ctx.operand(op, 1);
    int marginTensor = ctx.operand(op, 2);
    int y = op.output(0);
    int rank = ctx.tensor(x).shape().rank();
    if (rank != 3 && rank != 4) {
      throw new Unsupported("expected rank 3 or 4 with 1 or 2 spatial dimensions");
    }
    SameTypes.require(ctx, x, y);
    int w = SameTypes.width(ctx, x);
    String margins = toBatch ? "paddings" : "crops";
    ctx.requireType(blockTensor, io.edgeinfer.core.DataType.INT32);
    ctx.requireType(marginTensor, io.edgeinfer.core.DataType.INT32);
    Step.ValueShaper shaper =
        (s, known) -> {
          int[] block = values(known, blockTensor, "block shape", rank - 2);
          int[] margin = values(known, marginTensor, margins, 2 * (rank - 2));
          return new int[][] {
            toBatch
                ? SpaceBatch.spaceToBatchShape(s[x], block, margin)
                : SpaceBatch.batchToSpaceShape(s[x], block, margin)
          };
        };
    Object pad = SameTypes.zero(ctx.tensor(x));
    Step.Runner runner =
        toBatch
            ? (buf, s, scratch) ->
                SpaceBatch.spaceToBatch(
                    buf[x],
                    s[x],
                    (int[]) buf[blockTensor],
                    (int[]) buf[marginTensor],
                    pad,
                    buf[y],
                    w)
            : (buf, s, scratch) ->
                SpaceBatch.batchToSpace(
                    buf[x], s[x], (int[]) buf[blockTensor], (int[]) buf[marginTensor], buf[y], w);
    return ConstantFolding.orStep(
        ctx,
        new Step(
            ctx.name(), new int[] {x, blockTensor, marginTensor}, new int[] {y}, shaper, runner));
  }

  private static int[] values(Object[] known, int tensor, String what, int count) {
    if (!(known[tensor] instanceof int[] values)) {
      throw new IllegalArgumentException(
          "expected "
              + what
              + " known before the inference (constants or shape arithmetic), found values computed from activations");
    }
    if (values.length != count) {
      throw new IllegalArgumentException(
          "expected " + count + " " + what + " values, found " + values.length);
    }
    return values;
  }
}
