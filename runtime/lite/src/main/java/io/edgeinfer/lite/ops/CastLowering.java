package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.kernels.Casting;
import io.edgeinfer.lite.kernels.Shapes;
import java.util.EnumSet;
import java.util.Set;

/** CAST between float32, int8, uint8, int16, int32, int64 and bool. */
final class CastLowering implements Lowering {
  private static final Set<DataType> TYPES =
      EnumSet.of(
          DataType.FLOAT32,
          DataType.INT8,
          DataType.UINT8,
          DataType.INT16,
          DataType.INT32,
          DataType.INT64,
          DataType.BOOL);

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    int x = ctx.operand(op, 0);
    int y = op.output(0);
    DataType from = ctx.tensor(x).type();
    DataType to = ctx.tensor(y).type();
    if (!TYPES.contains(from) || !TYPES.contains(to)) {
      throw new Unsupported(from.label() + " to " + to.label());
    }
    return ConstantFolding.orStep(
        ctx,
        ctx.step(
            x,
            y,
            s -> s,
            (buf, s, scratch) -> Casting.run(buf[x], from, buf[y], to, Shapes.size(s[x]))));
  }
}
