package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Concatenation;
import io.edgeinfer.lite.kernels.Conversions;
import io.edgeinfer.lite.kernels.Scratch;
import io.edgeinfer.lite.kernels.Shapes;
import io.edgeinfer.lite.kernels.UnaryOp;

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
    UnaryOp<?, ?>[] rescale = new UnaryOp<?, ?>[n];
    int rescaled = 0;
    for (int i = 0; i < n; i++) {
      LiteTensor t = ctx.tensor(in[i]);
      if (t.type() != out.type()) {
        throw new Unsupported("expected " + out.type().label() + " inputs, found " + t);
      }
      if (OpContext.isQuantized8(out) && !OpContext.quant(t).equals(OpContext.quant(out))) {
        if (out.type() != DataType.UINT8 || rescaled == Scratch.SLOTS) {
          throw new Unsupported("expected equal quantization of " + t + " and " + out);
        }
        rescale[i] = new Conversions.Uint8Rescale(OpContext.quant(t), OpContext.quant(out));
        rescaled++;
      }
    }
    Concatenation<Object> k = new Concatenation<>(o.axis());
    Object[] parts = new Object[n];
    boolean anyRescaled = rescaled > 0;
    return Step.single(
        ctx.name(),
        in,
        y,
        s -> k.outputShape(OpContext.gather(s, in)),
        (buf, s, scratch) -> {
          int[][] shapes = OpContext.gather(s, in);
          int slot = 0;
          for (int i = 0; i < n; i++) {
            parts[i] = buf[in[i]];
            if (anyRescaled && rescale[i] != null) {
              byte[] moved = scratch.bytes(slot++, Shapes.size(shapes[i]));
              @SuppressWarnings("unchecked")
              UnaryOp<byte[], byte[]> r = (UnaryOp<byte[], byte[]>) rescale[i];
              r.run((byte[]) buf[in[i]], shapes[i], moved, scratch);
              parts[i] = moved;
            }
          }
          k.run(parts, shapes, buf[y]);
        });
  }
}
