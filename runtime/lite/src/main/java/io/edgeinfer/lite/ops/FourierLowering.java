package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.kernels.Rfft2d;
import io.edgeinfer.lite.kernels.Shapes;

/**
 * The complex64 ops of audio front ends: RFFT2D (float32 to complex64, constant FFT lengths),
 * COMPLEX_ABS, REAL and IMAG (complex64 to float32).
 */
final class FourierLowering implements Lowering {
  private final BuiltinOperator which;

  FourierLowering(BuiltinOperator which) {
    this.which = which;
  }

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int y = op.output(0);
    if (which == BuiltinOperator.RFFT2D) {
      ctx.requireFloat(x);
      ctx.requireType(y, DataType.COMPLEX64);
      int[] length = ctx.ints(ctx.constant(op, 1, "fft_length"));
      if (length.length != 2) {
        throw new Unsupported("expected 2 FFT lengths, found " + length.length);
      }
      Rfft2d kernel;
      try {
        kernel = new Rfft2d(length[0], length[1]);
      } catch (IllegalArgumentException e) {
        throw new Unsupported(e.getMessage());
      }
      return ctx.step(
          x,
          y,
          kernel::outputShape,
          (buf, s, scratch) -> kernel.run((float[]) buf[x], s[x], (float[]) buf[y]));
    }
    ctx.requireType(x, DataType.COMPLEX64);
    ctx.requireFloat(y);
    BuiltinOperator part = which;
    return ctx.step(
        x,
        y,
        int[]::clone,
        (buf, s, scratch) -> {
          float[] in = (float[]) buf[x];
          float[] out = (float[]) buf[y];
          int n = Shapes.size(s[x]);
          for (int i = 0; i < n; i++) {
            float re = in[2 * i];
            float im = in[2 * i + 1];
            out[i] =
                switch (part) {
                  case REAL -> re;
                  case IMAG -> im;
                  default -> (float) Math.hypot(re, im);
                };
          }
        });
  }
}
