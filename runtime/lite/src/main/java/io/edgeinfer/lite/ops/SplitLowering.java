package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.kernels.Slicing;
import java.util.Arrays;

/**
 * SPLIT (inputs: axis, value; equal parts) and SPLIT_V (inputs: value, sizes, axis; one size may be
 * -1 for the rest) along a constant axis, any type.
 */
final class SplitLowering implements Lowering {
  private final boolean sized;

  SplitLowering(BuiltinOperator which) {
    this.sized = which == BuiltinOperator.SPLIT_V;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, sized ? 0 : 1);
    int[] axisValue = ctx.ints(ctx.constant(op, sized ? 2 : 0, "axis"));
    int[] sizes = sized ? ctx.ints(ctx.constant(op, 1, "size_splits")) : null;
    if (axisValue.length != 1) {
      throw new Unsupported("expected one axis, found " + axisValue.length);
    }
    int[] outs = op.outputs().stream().mapToInt(Integer::intValue).toArray();
    int n = outs.length;
    int[] all = Arrays.copyOf(outs, n + 1);
    all[n] = x;
    SameTypes.require(ctx, all);
    int w = SameTypes.width(ctx, x);
    Step.Shaper shaper =
        s -> {
          int[] parts = parts(s[x], axisValue[0], sizes, n);
          int axis = PackLowering.axis(axisValue[0], s[x].length);
          int[][] shapes = new int[n][];
          for (int i = 0; i < n; i++) {
            shapes[i] = s[x].clone();
            shapes[i][axis] = parts[i];
          }
          return shapes;
        };
    return ConstantFolding.orStep(
        ctx,
        new Step(
            ctx.name(),
            new int[] {x},
            outs,
            shaper,
            (buf, s, scratch) -> {
              Object[] parts = new Object[n];
              for (int i = 0; i < n; i++) {
                parts[i] = buf[outs[i]];
              }
              int axis = PackLowering.axis(axisValue[0], s[x].length);
              Slicing.chunks(
                  buf[x], parts, s[x], axis, parts(s[x], axisValue[0], sizes, n), w, false);
            }));
  }

  /** The size of each part along the axis. */
  private int[] parts(int[] shape, int axisValue, int[] sizes, int n) {
    int length = shape[PackLowering.axis(axisValue, shape.length)];
    String op = sized ? "SPLIT_V" : "SPLIT";
    if (!sized) {
      if (length % n != 0) {
        throw new IllegalArgumentException(
            op + ": expected a size divisible by " + n + ", found " + length);
      }
      int[] parts = new int[n];
      Arrays.fill(parts, length / n);
      return parts;
    }
    if (sizes.length != n) {
      throw new IllegalArgumentException(
          op + ": expected " + n + " sizes, found " + Arrays.toString(sizes));
    }
    int[] parts = sizes.clone();
    int rest = -1;
    int known = 0;
    for (int i = 0; i < n; i++) {
      if (parts[i] == -1 && rest < 0) {
        rest = i;
      } else if (parts[i] < 0) {
        throw new IllegalArgumentException(op + ": bad sizes " + Arrays.toString(sizes));
      } else {
        known += parts[i];
      }
    }
    if (rest >= 0) {
      parts[rest] = length - known;
      known = length;
    }
    if (known != length || (rest >= 0 && parts[rest] < 0)) {
      throw new IllegalArgumentException(
          op + ": sizes " + Arrays.toString(sizes) + " do not add up to " + length);
    }
    return parts;
  }
}
