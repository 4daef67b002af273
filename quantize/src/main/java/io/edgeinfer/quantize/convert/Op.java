package io.edgeinfer.quantize.convert;

import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.OperatorOptions;
import java.util.List;

/**
 * One TFLite operator of the converted graph.
 *
 * @param inputs value ids; {@link #OMITTED} for an optional input left out
 * @param layer the TensorFlow node it was made from, for the report
 */
public record Op(
    BuiltinOperator op, OperatorOptions options, List<Integer> inputs, int output, String layer) {
  public static final int OMITTED = -1;

  public Op {
    inputs = List.copyOf(inputs);
  }

  /** The input at position i, or {@link #OMITTED}. */
  public int input(int i) {
    return i < inputs.size() ? inputs.get(i) : OMITTED;
  }
}
