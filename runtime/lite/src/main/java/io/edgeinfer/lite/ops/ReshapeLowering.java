package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Shapes;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * RESHAPE, SQUEEZE and EXPAND_DIMS: the values unchanged, a new shape. Any type; input and output
 * share type and quantization.
 */
final class ReshapeLowering implements Lowering {
  private final BuiltinOperator which;

  ReshapeLowering(BuiltinOperator which) {
    this.which = which;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int y = op.output(0);
    UnaryOperator<int[]> shaper =
        switch (which) {
          case SQUEEZE -> squeeze(ctx, op, ctx.tensor(x));
          case EXPAND_DIMS -> expandDims(ctx, op);
          default -> reshape(ctx, op, y);
        };
    return copy(ctx, x, y, shaper);
  }

  /** A step that copies the values of {@code x} into {@code y}, shaped by {@code shaper}. */
  static Step copy(OpContext ctx, int x, int y, UnaryOperator<int[]> shaper) throws Unsupported {
    LiteTensor in = ctx.tensor(x);
    LiteTensor out = ctx.tensor(y);
    if (in.type() != out.type()) {
      throw new Unsupported(in.type().label() + " to " + out.type().label());
    }
    return ctx.step(
        x,
        y,
        shaper,
        (buf, s, scratch) -> Buffers.copy(in.type(), buf[x], buf[y], Shapes.size(s[x])));
  }

  private static UnaryOperator<int[]> reshape(OpContext ctx, LiteOperator op, int y)
      throws Unsupported {
    int[] target;
    if (OpContext.has(op, 1) && ctx.isConstant(ctx.tensor(op.input(1)))) {
      target = ctx.ints(ctx.tensor(op.input(1)));
    } else if (op.options() instanceof OperatorOptions.Reshape r && !r.newShape().isEmpty()) {
      target = r.newShape().stream().mapToInt(Integer::intValue).toArray();
    } else {
      // The converter records the result's shape; its signature keeps -1 where sizes vary.
      target = ctx.tensor(y).shapeSignature().dims();
    }
    return shape -> reshaped(shape, target);
  }

  private static UnaryOperator<int[]> squeeze(OpContext ctx, LiteOperator op, LiteTensor in)
      throws Unsupported {
    OperatorOptions.Squeeze o = ctx.options(op, OperatorOptions.Squeeze.class);
    int rank = in.shape().rank();
    boolean[] drop = new boolean[rank];
    if (o.squeezeDims().isEmpty()) {
      // Decided on the declared shape, so that a batch of 1 is not squeezed away.
      for (int axis = 0; axis < rank; axis++) {
        drop[axis] = in.shapeSignature().dim(axis) == 1;
      }
    } else {
      for (int d : o.squeezeDims()) {
        int axis = d < 0 ? d + rank : d;
        if (axis < 0 || axis >= rank) {
          throw new Unsupported("squeeze axis " + d + " of a rank-" + rank + " input");
        }
        drop[axis] = true;
      }
    }
    return shape -> {
      int[] out = new int[shape.length];
      int n = 0;
      for (int axis = 0; axis < shape.length; axis++) {
        if (!drop[axis]) {
          out[n++] = shape[axis];
        } else if (shape[axis] != 1) {
          throw new IllegalArgumentException(
              "SQUEEZE: expected size 1 on axis " + axis + ", found " + Arrays.toString(shape));
        }
      }
      return Arrays.copyOf(out, n);
    };
  }

  private static UnaryOperator<int[]> expandDims(OpContext ctx, LiteOperator op)
      throws Unsupported {
    int[] axis = ctx.ints(ctx.constant(op, 1, "axis"));
    if (axis.length != 1) {
      throw new Unsupported("expected one axis, found " + axis.length);
    }
    return shape -> {
      int a = axis[0] < 0 ? axis[0] + shape.length + 1 : axis[0];
      if (a < 0 || a > shape.length) {
        throw new IllegalArgumentException(
            "EXPAND_DIMS: axis " + axis[0] + " outside a rank-" + shape.length + " input");
      }
      int[] out = new int[shape.length + 1];
      System.arraycopy(shape, 0, out, 0, a);
      out[a] = 1;
      System.arraycopy(shape, a, out, a + 1, shape.length - a);
      return out;
    };
  }

  /**
   * A reshape target for an input of {@code shape}: one {@code -1} takes what is left; when the
   * target's sizes are fixed but the batch changed, the first dimension follows the batch.
   */
  static int[] reshaped(int[] shape, int[] target) {
    int size = Shapes.size(shape);
    int[] out = target.clone();
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException(
              "RESHAPE: expected at most one -1 in " + Arrays.toString(target));
        }
        unknown = i;
      } else {
        known *= out[i];
      }
    }
    if (unknown >= 0) {
      if (known == 0 || size % known != 0) {
        throw new IllegalArgumentException(
            "RESHAPE: cannot reshape " + Arrays.toString(shape) + " to " + Arrays.toString(target));
      }
      out[unknown] = (int) (size / known);
    } else if (known != size && out.length > 0 && known > 0) {
      long rest = known / out[0];
      if (rest > 0 && size % rest == 0) {
        out[0] = (int) (size / rest);
      }
    }
    if (Shapes.size(out) != size) {
      throw new IllegalArgumentException(
          "RESHAPE: cannot reshape " + Arrays.toString(shape) + " to " + Arrays.toString(target));
    }
    return out;
  }
}
