package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteTensor;

/**
 * What GATHER and GATHER_ND ask of their operands: int32 or int64 indices, and an output of the
 * params' type and quantization, since values are copied, never computed.
 */
final class IndexedCopy {
  private IndexedCopy() {}

  /** Checks the operands; returns the array elements per tensor element (2 for complex64). */
  static int check(OpContext ctx, int params, int indices, int y) throws Unsupported {
    LiteTensor p = ctx.tensor(params);
    DataType indexType = ctx.tensor(indices).type();
    if (indexType != DataType.INT32 && indexType != DataType.INT64) {
      throw new Unsupported("expected int32 or int64 indices, found " + indexType.label());
    }
    if (p.type() != ctx.tensor(y).type()) {
      throw new Unsupported(p.type().label() + " to " + ctx.tensor(y).type().label());
    }
    if (OpContext.isQuantized8(p)) {
      OpContext.requireSameQuant(p, ctx.tensor(y));
    }
    return Buffers.length(p.type(), 1);
  }
}
