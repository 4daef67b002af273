package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;

/**
 * SHAPE: the input's dimensions as int32 or int64. When the input's declared shape has no variable
 * size, the values are known at load and folded into a constant, so that the shape arithmetic after
 * it (PACK, SLICE, FLOOR_MOD, ...) folds too; otherwise the step reads no values (only the input's
 * shape), so each plan folds it and the arithmetic after it for its input shapes.
 */
final class ShapeLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    DataType type = ctx.tensor(y).type();
    if (type != DataType.INT32 && type != DataType.INT64) {
      throw new Unsupported("expected an int32 or int64 output, found " + type.label());
    }
    int[] declared = in.shapeSignature().dims();
    boolean fixed = true;
    for (int d : declared) {
      fixed &= d >= 0;
    }
    if (fixed && !ctx.graph().outputs().contains(y)) {
      ctx.fold(ctx.tensor(y), values(declared, type));
      return null;
    }
    return Step.single(
        ctx.name(),
        new int[] {},
        y,
        s -> new int[] {s[x].length},
        (buf, s, scratch) -> System.arraycopy(values(s[x], type), 0, buf[y], 0, s[x].length));
  }

  private static Object values(int[] dims, DataType type) {
    if (type == DataType.INT32) {
      return dims.clone();
    }
    long[] out = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      out[i] = dims[i];
    }
    return out;
  }
}
