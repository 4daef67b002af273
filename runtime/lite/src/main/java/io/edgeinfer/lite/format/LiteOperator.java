package io.edgeinfer.lite.format;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * One operator of a subgraph, in execution order.
 *
 * @param opcodeIndex index into {@link LiteModel#operatorCodes()}
 * @param inputs tensor indices; {@code -1} marks an optional input left out (e.g. no bias)
 * @param outputs tensor indices
 * @param options the builtin options table
 * @param customOptions a custom op's options as stored (a FlexBuffer map for TFLite's own custom
 *     ops); empty for builtins
 */
public record LiteOperator(
    int opcodeIndex,
    List<Integer> inputs,
    List<Integer> outputs,
    OperatorOptions options,
    ByteBuffer customOptions) {

  /** The index that stands for "no tensor" in {@link #inputs()}. */
  public static final int OMITTED = -1;

  public LiteOperator {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    Objects.requireNonNull(options, "options");
    customOptions = customOptions.asReadOnlyBuffer();
    if (opcodeIndex < 0) {
      throw new IllegalArgumentException(
          "expected an opcode index >= 0, found " + Integer.toUnsignedString(opcodeIndex));
    }
  }

  /** A builtin operator (no custom options). */
  public LiteOperator(
      int opcodeIndex, List<Integer> inputs, List<Integer> outputs, OperatorOptions options) {
    this(opcodeIndex, inputs, outputs, options, ByteBuffer.allocate(0));
  }

  /** The tensor index of input {@code i}, or {@link #OMITTED} when absent or left out. */
  public int input(int i) {
    return i < inputs.size() ? inputs.get(i) : OMITTED;
  }

  /**
   * The tensor index of output {@code i}.
   *
   * @throws IllegalArgumentException when the operator has fewer outputs (a damaged file)
   */
  public int output(int i) {
    if (i >= outputs.size()) {
      throw new IllegalArgumentException(
          "expected an output " + i + ", found " + outputs.size() + " outputs");
    }
    return outputs.get(i);
  }
}
