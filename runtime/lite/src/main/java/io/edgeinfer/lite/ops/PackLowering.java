package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Slicing;
import java.util.Arrays;

/**
 * PACK (N tensors of one shape stacked along a new axis) and UNPACK (the reverse: one output per
 * index of the axis), any type.
 */
final class PackLowering implements Lowering {
  private final boolean pack;

  PackLowering(BuiltinOperator which) {
    this.pack = which == BuiltinOperator.PACK;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    return pack ? pack(ctx, op) : unpack(ctx, op);
  }

  private static Step pack(OpContext ctx, LiteOperator op) throws Unsupported {
    OperatorOptions.Pack o =
        op.options() instanceof OperatorOptions.None
            ? new OperatorOptions.Pack(op.inputs().size(), 0)
            : ctx.options(op, OperatorOptions.Pack.class);
    int n = op.inputs().size();
    int[] in = new int[n];
    for (int i = 0; i < n; i++) {
      in[i] = ctx.operand(op, i);
    }
    int y = op.output(0);
    int[] all = Arrays.copyOf(in, n + 1);
    all[n] = y;
    SameTypes.require(ctx, all);
    int w = SameTypes.width(ctx, y);
    int[] ones = new int[n];
    Arrays.fill(ones, 1);
    Step.SingleShaper shaper =
        s -> {
          int[] shape = s[in[0]];
          for (int t : in) {
            if (!Arrays.equals(s[t], shape)) {
              throw new IllegalArgumentException(
                  "PACK: expected inputs of one shape, found "
                      + Arrays.toString(shape)
                      + " and "
                      + Arrays.toString(s[t]));
            }
          }
          int axis = axis(o.axis(), shape.length + 1);
          int[] out = new int[shape.length + 1];
          System.arraycopy(shape, 0, out, 0, axis);
          out[axis] = n;
          System.arraycopy(shape, axis, out, axis + 1, shape.length - axis);
          return out;
        };
    return ConstantFolding.orStep(
        ctx,
        Step.single(
            ctx.name(),
            in,
            y,
            shaper,
            (buf, s, scratch) -> {
              Object[] parts = new Object[n];
              for (int i = 0; i < n; i++) {
                parts[i] = buf[in[i]];
              }
              int[] out = shaper.shape(s);
              Slicing.chunks(buf[y], parts, out, axis(o.axis(), out.length), ones, w, true);
            }));
  }

  private static Step unpack(OpContext ctx, LiteOperator op) throws Unsupported {
    OperatorOptions.Unpack o =
        op.options() instanceof OperatorOptions.None
            ? new OperatorOptions.Unpack(op.outputs().size(), 0)
            : ctx.options(op, OperatorOptions.Unpack.class);
    int x = ctx.operand(op, 0);
    int n = op.outputs().size();
    int[] outs = op.outputs().stream().mapToInt(Integer::intValue).toArray();
    int[] all = Arrays.copyOf(outs, n + 1);
    all[n] = x;
    SameTypes.require(ctx, all);
    int w = SameTypes.width(ctx, x);
    int[] ones = new int[n];
    Arrays.fill(ones, 1);
    Step.Shaper shaper =
        s -> {
          int[] shape = s[x];
          int axis = axis(o.axis(), shape.length);
          if (shape[axis] != n) {
            throw new IllegalArgumentException(
                "UNPACK: expected "
                    + n
                    + " along axis "
                    + axis
                    + ", found "
                    + Arrays.toString(shape));
          }
          int[] part = new int[shape.length - 1];
          System.arraycopy(shape, 0, part, 0, axis);
          System.arraycopy(shape, axis + 1, part, axis, shape.length - axis - 1);
          int[][] shapes = new int[n][];
          Arrays.fill(shapes, part);
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
              Slicing.chunks(buf[x], parts, s[x], axis(o.axis(), s[x].length), ones, w, false);
            }));
  }

  static int axis(int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException("axis " + axis + " outside rank " + rank);
    }
    return a;
  }
}
