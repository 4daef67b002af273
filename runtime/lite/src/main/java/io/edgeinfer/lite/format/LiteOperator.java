package io.edgeinfer.lite.format;

import java.util.List;
import java.util.Objects;

/**
 * One operator of a subgraph, in execution order.
 *
 * @param opcodeIndex index into {@link LiteModel#operatorCodes()}
 * @param inputs tensor indices; {@code -1} marks an optional input left out (e.g. no bias)
 * @param outputs tensor indices
 * @param options the builtin options table
 */
public record LiteOperator(
    int opcodeIndex, List<Integer> inputs, List<Integer> outputs, OperatorOptions options) {

  /** The index that stands for "no tensor" in {@link #inputs()}. */
  public static final int OMITTED = -1;

  public LiteOperator {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    Objects.requireNonNull(options, "options");
    if (opcodeIndex < 0) {
      throw new IllegalArgumentException(
          "expected an opcode index >= 0, found " + Integer.toUnsignedString(opcodeIndex));
    }
  }

  /** The tensor index of input {@code i}, or {@link #OMITTED} when absent or left out. */
  public int input(int i) {
    return i < inputs.size() ? inputs.get(i) : OMITTED;
  }

  public int output(int i) {
    return outputs.get(i);
  }
}
