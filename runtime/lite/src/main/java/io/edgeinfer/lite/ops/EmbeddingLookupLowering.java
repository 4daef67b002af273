package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.Gather;

/**
 * EMBEDDING_LOOKUP: rows of a table (input 1) picked by int32 ids (input 0), a GATHER on axis 0.
 * Rows are copied in the table's type; a hybrid int8 table with a float32 output is dequantized by
 * its one scale, as TFLite Micro does.
 */
final class EmbeddingLookupLowering implements Lowering {
  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int ids = ctx.operand(op, 0);
    int table = ctx.operand(op, 1);
    int y = op.output(0);
    ctx.requireType(ids, DataType.INT32);
    LiteTensor t = ctx.tensor(table);
    LiteTensor out = ctx.tensor(y);
    if (ctx.tensor(ids).shape().rank() != 1 || t.shape().rank() < 2) {
      throw new Unsupported("expected 1-D ids and a table of rank 2 or more");
    }
    Gather kernel = new Gather(ctx.name(), 0, 0);
    Step.SingleShaper shaper = s -> kernel.outputShape(s[table], s[ids]);
    int[] in = {ids, table};
    if (t.type() == out.type()) {
      if (OpContext.isQuantized8(t)) {
        OpContext.requireSameQuant(t, out);
      }
      int width = Buffers.length(t.type(), 1);
      return Step.single(
          ctx.name(),
          in,
          y,
          shaper,
          (buf, s, scratch) -> kernel.run(buf[table], s[table], buf[ids], s[ids], buf[y], width));
    }
    if (t.type() == DataType.INT8 && OpContext.isFloat(out) && t.quantization().isQuantized()) {
      if (t.quantization().isPerAxis() || t.quantization().zeroPoint(0) != 0) {
        throw new Unsupported("hybrid table with more than one scale or a zero point");
      }
      float scale = t.quantization().scale(0);
      return Step.single(
          ctx.name(),
          in,
          y,
          shaper,
          (buf, s, scratch) -> {
            // the output's size from its shape: a planned array may be longer than the tensor
            int size = io.edgeinfer.lite.kernels.Shapes.size(shaper.shape(s));
            float[] values = (float[]) buf[y];
            byte[] rows = scratch.bytes(0, size);
            kernel.run(buf[table], s[table], buf[ids], s[ids], rows, 1);
            for (int i = 0; i < size; i++) {
              values[i] = rows[i] * scale;
            }
          });
    }
    throw new Unsupported(t.type().label() + " table to " + out.type().label());
  }
}
