package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;

/**
 * How one operator becomes a {@link Step}: it checks the operator's tensors and options, prepares
 * its kernel once (weights read or repacked here) and says how the output shapes follow from the
 * input shapes. TFLite Micro splits the same work into an op's {@code Init} and {@code Prepare}.
 */
@FunctionalInterface
public interface Lowering {
  /**
   * The step for {@code op}, or null when the operator was folded into a constant at load (a
   * DEQUANTIZE of float16 weights).
   *
   * @throws Unsupported naming what about this operator the engine cannot run
   */
  Step lower(OpContext ctx, LiteOperator op) throws Unsupported;
}
