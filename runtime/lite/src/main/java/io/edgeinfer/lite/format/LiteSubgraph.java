package io.edgeinfer.lite.format;

import java.util.List;
import java.util.Objects;

/**
 * A graph of operators over tensors. Subgraph 0 is the model; others are called by control-flow
 * operators or serve further signatures.
 *
 * @param inputs indices of the tensors fed in at inference
 * @param outputs indices of the tensors read out
 * @param operators in execution order
 */
public record LiteSubgraph(
    String name,
    List<LiteTensor> tensors,
    List<Integer> inputs,
    List<Integer> outputs,
    List<LiteOperator> operators) {

  public LiteSubgraph {
    Objects.requireNonNull(name, "name");
    tensors = List.copyOf(tensors);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    operators = List.copyOf(operators);
    checkIndices("inputs", inputs, tensors.size(), false);
    checkIndices("outputs", outputs, tensors.size(), false);
    for (int i = 0; i < operators.size(); i++) {
      LiteOperator op = operators.get(i);
      checkIndices("operators[" + i + "].inputs", op.inputs(), tensors.size(), true);
      checkIndices("operators[" + i + "].outputs", op.outputs(), tensors.size(), true);
    }
  }

  private static void checkIndices(
      String what, List<Integer> indices, int count, boolean optional) {
    for (int i = 0; i < indices.size(); i++) {
      int index = indices.get(i);
      boolean ok = (index >= 0 && index < count) || (optional && index == LiteOperator.OMITTED);
      if (!ok) {
        throw new IllegalArgumentException(
            what
                + "["
                + i
                + "]: expected a tensor index in [0, "
                + count
                + ")"
                + (optional ? " or -1" : "")
                + ", found "
                + index);
      }
    }
  }

  public LiteTensor tensor(int index) {
    return tensors.get(index);
  }
}
