package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Activation;
import io.edgeinfer.lite.kernels.BinaryOp;
import io.edgeinfer.lite.kernels.Broadcast;
import io.edgeinfer.lite.kernels.IntMath;
import io.edgeinfer.lite.kernels.Kernels;
import io.edgeinfer.lite.kernels.Quant;
import io.edgeinfer.lite.kernels.Scratch;
import io.edgeinfer.lite.kernels.Shapes;
import io.edgeinfer.lite.kernels.SplitBinaryOp;
import io.edgeinfer.lite.kernels.Work;

/** ADD, SUB and MUL with broadcasting: float32, int8/uint8, int32 and int64 (shape arithmetic). */
final class BinaryLowering implements Lowering {
  private final BuiltinOperator which;

  BinaryLowering(BuiltinOperator which) {
    this.which = which;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    io.edgeinfer.lite.format.Activation fused =
        switch (which) {
          case ADD -> ctx.options(op, OperatorOptions.Add.class).activation();
          case SUB -> ctx.options(op, OperatorOptions.Sub.class).activation();
          default -> ctx.options(op, OperatorOptions.Mul.class).activation();
        };
    Activation act = OpContext.activation(fused);
    int a = ctx.operand(op, 0);
    int b = ctx.operand(op, 1);
    int y = op.output(0);
    LiteTensor ta = ctx.tensor(a);
    LiteTensor tb = ctx.tensor(b);
    int[] in = {a, b};
    Kernels kernels = ctx.kernels();
    if (OpContext.isFloat(ta) && OpContext.isFloat(tb)) {
      ctx.requireFloat(y);
      BinaryOp<float[]> k =
          switch (which) {
            case ADD -> kernels.add(act);
            case SUB -> kernels.sub(act);
            default -> kernels.mul(act);
          };
      return Step.single(
          ctx.name(), in, y, s -> k.outputShape(s[a], s[b]), runner(ctx, k, a, b, y));
    }
    if (OpContext.isQuantized8(ta) && OpContext.isQuantized8(tb) && ta.type() == tb.type()) {
      ctx.requireQuantized8(y, ta);
      Quant qa = OpContext.quant(ta);
      Quant qb = OpContext.quant(tb);
      Quant qy = OpContext.quant(ctx.tensor(y));
      BinaryOp<byte[]> k =
          switch (which) {
            case ADD -> kernels.add(qa, qb, qy, act);
            case SUB -> kernels.sub(qa, qb, qy, act);
            default -> kernels.mul(qa, qb, qy, act);
          };
      return Step.single(
          ctx.name(), in, y, s -> k.outputShape(s[a], s[b]), runner(ctx, k, a, b, y));
    }
    if ((ta.type() == DataType.INT32 || ta.type() == DataType.INT64) && ta.type() == tb.type()) {
      return integers(ctx, a, b, y, act);
    }
    throw new Unsupported(ta.type().label() + " and " + tb.type().label());
  }

  /**
   * Runs {@code k} on the buffers of {@code a}, {@code b} and {@code y}; its output elements are
   * shared by the model's threads when the kernel splits them ({@link SplitBinaryOp}).
   */
  @SuppressWarnings("unchecked")
  private static <T> Step.Runner runner(OpContext ctx, BinaryOp<T> k, int a, int b, int y) {
    if (!ctx.threaded() || !(k instanceof SplitBinaryOp<T> split)) {
      return (buf, s, scratch) -> k.run((T) buf[a], s[a], (T) buf[b], s[b], (T) buf[y]);
    }
    return ctx.split(
        new SplitRunner() {
          @Override
          public int units(int[][] shapes) {
            return split.units(shapes[a], shapes[b]);
          }

          @Override
          public long work(int[][] shapes) {
            return (long) Shapes.size(shapes[y]) * Work.ELEMENT;
          }

          @Override
          public void runUnits(Object[] buf, int[][] s, Scratch scratch, int from, int to) {
            split.runUnits((T) buf[a], s[a], (T) buf[b], s[b], (T) buf[y], from, to);
          }

          @Override
          public void run(Object[] buf, int[][] s, Scratch scratch) {
            split.run((T) buf[a], s[a], (T) buf[b], s[b], (T) buf[y]);
          }
        });
  }

  /** Whole numbers, as TFLite's int32 and int64 kernels (no fused activation seen in models). */
  private Step integers(OpContext ctx, int a, int b, int y, Activation act) throws Unsupported {
    if (act != Activation.NONE) {
      throw new Unsupported(ctx.tensor(a).type().label() + " with a fused " + act);
    }
    SameTypes.require(ctx, a, b, y);
    IntMath g =
        switch (which) {
          case ADD -> IntMath.ADD;
          case SUB -> IntMath.SUB;
          default -> IntMath.MUL;
        };
    Step.SingleShaper shaper = s -> Broadcast.shape(s[a], s[b]);
    Step.Runner runner =
        ctx.tensor(a).type() == DataType.INT32
            ? (buf, s, scratch) ->
                g.run((int[]) buf[a], s[a], (int[]) buf[b], s[b], (int[]) buf[y], shaper.shape(s))
            : (buf, s, scratch) ->
                g.run(
                    (long[]) buf[a], s[a], (long[]) buf[b], s[b], (long[]) buf[y], shaper.shape(s));
    return ConstantFolding.orStep(
        ctx, Step.single(ctx.name(), new int[] {a, b}, y, shaper, runner));
  }
}
