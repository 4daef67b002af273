package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.kernels.Broadcast;
import java.util.Arrays;

/**
 * SELECT and SELECT_V2: where the bool condition holds, the element of x, else of y (any type; x, y
 * and the output share type and quantization). SELECT_V2 broadcasts all three; SELECT takes a
 * condition of x's shape, or a 1-D one that picks whole rows of x's first dimension.
 */
final class SelectLowering implements Lowering {
  private final boolean v2;

  SelectLowering(BuiltinOperator which) {
    this.v2 = which == BuiltinOperator.SELECT_V2;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int c = ctx.operand(op, 0);
    int x = ctx.operand(op, 1);
    int z = ctx.operand(op, 2);
    int y = op.output(0);
    ctx.requireType(c, DataType.BOOL);
    SameTypes.require(ctx, x, z, y);
    int w = SameTypes.width(ctx, x);
    return ConstantFolding.orStep(
        ctx,
        Step.single(
            ctx.name(),
            new int[] {c, x, z},
            y,
            s -> shape(s[c], s[x], s[z]),
            (buf, s, scratch) -> {
              boolean[] cond = (boolean[]) buf[c];
              int[][] shapes = condition(s[c], s[x]);
              Broadcast.forEach(
                  shape(s[c], s[x], s[z]),
                  new int[][] {shapes[0], s[x], s[z]},
                  (o, at) -> {
                    Object from = cond[at[0]] ? buf[x] : buf[z];
                    System.arraycopy(from, (cond[at[0]] ? at[1] : at[2]) * w, buf[y], o * w, w);
                  });
            }));
  }

  private int[] shape(int[] c, int[] x, int[] z) {
    if (!v2 && !Arrays.equals(x, z)) {
      throw new IllegalArgumentException(
          "SELECT: expected x and y of one shape, found "
              + Arrays.toString(x)
              + " and "
              + Arrays.toString(z));
    }
    return Broadcast.shape(condition(c, x)[0], x, z);
  }

  /** SELECT's row condition seen as broadcasting: [n] becomes [n, 1, ...]. */
  private int[][] condition(int[] c, int[] x) {
    if (v2 || Arrays.equals(c, x)) {
      return new int[][] {c};
    }
    if (c.length == 1 && x.length > 1 && c[0] == x[0]) {
      int[] rows = new int[x.length];
      Arrays.fill(rows, 1);
      rows[0] = c[0];
      return new int[][] {rows};
    }
    throw new IllegalArgumentException(
        "SELECT: expected a condition of "
            + Arrays.toString(x)
            + " or of its first dimension, found "
            + Arrays.toString(c));
  }
}
