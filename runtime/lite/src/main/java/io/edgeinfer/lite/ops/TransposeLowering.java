package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.Shapes;
import java.util.Arrays;

/**
 * TRANSPOSE by a constant permutation, any type but complex: output axis {@code i} is input axis
 * {@code perm[i]}. A copy, so quantized tensors keep their parameters.
 */
final class TransposeLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int[] perm = ctx.ints(ctx.constant(op, 1, "permutation"));
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    if (in.type() != ctx.tensor(y).type() || in.type() == io.edgeinfer.core.DataType.COMPLEX64) {
      throw new Unsupported(in.type().label() + " to " + ctx.tensor(y).type().label());
    }
    return ctx.step(
        x,
        y,
        shape -> permuted(shape, perm),
        (buf, s, scratch) -> transpose(buf[x], s[x], perm, buf[y]));
  }

  static int[] permuted(int[] shape, int[] perm) {
    if (perm.length != shape.length) {
      throw new IllegalArgumentException(
          "TRANSPOSE: expected a permutation of "
              + shape.length
              + " axes, found "
              + Arrays.toString(perm));
    }
    int[] out = new int[shape.length];
    boolean[] seen = new boolean[shape.length];
    for (int i = 0; i < perm.length; i++) {
      int axis = perm[i] < 0 ? perm[i] + shape.length : perm[i];
      if (axis < 0 || axis >= shape.length || seen[axis]) {
        throw new IllegalArgumentException(
            "TRANSPOSE: expected a permutation of "
                + shape.length
                + " axes, found "
                + Arrays.toString(perm));
      }
      seen[axis] = true;
      out[i] = shape[axis];
    }
    return out;
  }

  /** Walks the output in order, stepping through the input by the permuted strides. */
  static void transpose(Object input, int[] shape, int[] perm, Object output) {
    int rank = shape.length;
    int[] inStrides = new int[rank];
    int stride = 1;
    for (int d = rank - 1; d >= 0; d--) {
      inStrides[d] = stride;
      stride *= shape[d];
    }
    int[] outShape = permuted(shape, perm);
    int[] step = new int[rank];
    for (int i = 0; i < rank; i++) {
      step[i] = inStrides[perm[i] < 0 ? perm[i] + rank : perm[i]];
    }
    int size = Shapes.size(outShape);
    int[] index = new int[rank];
    int from = 0;
    for (int k = 0; k < size; k++) {
      System.arraycopy(input, from, output, k, 1);
      for (int d = rank - 1; d >= 0; d--) {
        index[d]++;
        from += step[d];
        if (index[d] < outShape[d]) {
          break;
        }
        from -= step[d] * outShape[d];
        index[d] = 0;
      }
    }
  }
}
