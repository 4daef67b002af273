package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Concatenation;
import io.edgeinfer.lite.kernels.Conversions;
import io.edgeinfer.lite.kernels.Shapes;

/**
 * CONCATENATION along one axis, any type but complex. Quantized inputs share the output's
 * quantization (TFLite requires it for int8); uint8 inputs that do not are rescaled first, as
 * TFLite's uint8 kernel does.
 */
final class ConcatenationLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    OperatorOptions.Concatenation o = ctx.options(op, OperatorOptions.Concatenation.class);
    if (o.activation() != io.edgeinfer.lite.format.Activation.NONE) {
      throw new Unsupported("fused " + o.activation());
    }
    int n = op.inputs().size();
    int[] in = new int[n];
    for (int i = 0; i < n; i++) {
      in[i] = ctx.operand(op, i);
    }
    int y = op.output(0);
    LiteTensor out = ctx.tensor(y);
    if (out.type() == DataType.COMPLEX64) {
      throw new Unsupported("complex64");
    }
    Conversions.Uint8Rescale[] rescale = new Conversions.Uint8Rescale[n];
    boolean anyRescaled = false;
    for (int i = 0; i < n; i++) {
      LiteTensor t = ctx.tensor(in[i]);
      if (t.type() != out.type()) {
        throw new Unsupported("expected " + out.type().label() + " inputs, found " + t);
      }
      if (OpContext.isQuantized8(out) && !OpContext.quant(t).equals(OpContext.quant(out))) {
        if (out.type() != DataType.UINT8) {
          throw new Unsupported("expected equal quantization of " + t + " and " + out);
        }
        rescale[i] = new Conversions.Uint8Rescale(OpContext.quant(t), OpContext.quant(out));
        anyRescaled = true;
      }
    }
    Concatenation<Object> k = new Concatenation<>(o.axis());
    Object[] parts = new Object[n];
    Step.Runner runner;
    if (anyRescaled) {
      runner = (buf, s, scratch) -> rescaling(in, rescale, buf, s, k, (byte[]) buf[y]);
    } else {
      runner =
          (buf, s, scratch) -> {
            for (int i = 0; i < n; i++) {
              parts[i] = buf[in[i]];
            }
            k.run(parts, OpContext.gather(s, in), buf[y]);
          };
    }
    return Step.single(ctx.name(), in, y, s -> k.outputShape(OpContext.gather(s, in)), runner);
  }

  /** Concatenates 8-bit blocks, rescaling those of inputs quantized unlike the output. */
  private static void rescaling(
      int[] in,
      Conversions.Uint8Rescale[] rescale,
      Object[] buf,
      int[][] s,
      Concatenation<Object> k,
      byte[] out) {
    int[][] shapes = OpContext.gather(s, in);
    int[] outShape = k.outputShape(shapes);
    int axis = k.axis(outShape.length);
    int outer = 1;
    for (int d = 0; d < axis; d++) {
      outer *= outShape[d];
    }
    int offset = 0;
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < in.length; i++) {
        byte[] src = (byte[]) buf[in[i]];
        int block = Shapes.size(shapes[i]) / outer;
        if (rescale[i] == null) {
          System.arraycopy(src, o * block, out, offset, block);
        } else {
          for (int j = 0; j < block; j++) {
            out[offset + j] = rescale[i].apply(src[o * block + j]);
          }
        }
        offset += block;
      }
    }
  }
}
