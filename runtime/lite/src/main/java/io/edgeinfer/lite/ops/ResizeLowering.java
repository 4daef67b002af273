package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.ResizeBilinear;
import io.edgeinfer.lite.kernels.ResizeNearestNeighbor;

/**
 * RESIZE_BILINEAR (float32, int8, uint8) and RESIZE_NEAREST_NEIGHBOR (any type) to a constant
 * [height, width], as TFLite Micro requires. Input and output share their quantization.
 */
final class ResizeLowering implements Lowering {
  private final BuiltinOperator which;

  ResizeLowering(BuiltinOperator which) {
    this.which = which;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int[] size = ctx.ints(ctx.constant(op, 1, "size"));
    int y = op.output(0);
    LiteTensor in = ctx.tensor(x);
    LiteTensor out = ctx.tensor(y);
    if (size.length != 2) {
      throw new Unsupported("expected a size of 2 values, found " + size.length);
    }
    if (in.shape().rank() != 4) {
      throw new Unsupported("expected a rank-4 input, found " + in);
    }
    if (in.type() != out.type()) {
      throw new Unsupported(in.type().label() + " to " + out.type().label());
    }
    if (OpContext.isQuantized8(in)) {
      OpContext.requireSameQuant(in, out);
    }
    if (which == BuiltinOperator.RESIZE_NEAREST_NEIGHBOR) {
      var o =
          op.options() instanceof OperatorOptions.None
              ? new OperatorOptions.ResizeNearestNeighbor(false, false)
              : ctx.options(op, OperatorOptions.ResizeNearestNeighbor.class);
      if (in.type() == DataType.COMPLEX64) {
        throw new Unsupported("complex64");
      }
      var kernel =
          new ResizeNearestNeighbor(size[0], size[1], o.alignCorners(), o.halfPixelCenters());
      return ctx.step(
          x, y, kernel::outputShape, (buf, s, scratch) -> kernel.run(buf[x], s[x], buf[y]));
    }
    var o =
        op.options() instanceof OperatorOptions.None
            ? new OperatorOptions.ResizeBilinear(false, false)
            : ctx.options(op, OperatorOptions.ResizeBilinear.class);
    if (o.alignCorners() && o.halfPixelCenters()) {
      throw new Unsupported("align_corners with half_pixel_centers");
    }
    var kernel = new ResizeBilinear(size[0], size[1], o.alignCorners(), o.halfPixelCenters());
    Step.Runner runner =
        switch (in.type()) {
          case FLOAT32 ->
              (buf, s, scratch) -> kernel.runFloat((float[]) buf[x], s[x], (float[]) buf[y]);
          case INT8 -> (buf, s, scratch) -> kernel.runInt8((byte[]) buf[x], s[x], (byte[]) buf[y]);
          case UINT8 ->
              (buf, s, scratch) -> kernel.runUint8((byte[]) buf[x], s[x], (byte[]) buf[y]);
          default -> throw new Unsupported(in.type().label());
        };
    return ctx.step(x, y, kernel::outputShape, runner);
  }
}
