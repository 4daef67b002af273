package io.edgeinfer.quantize;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteSubgraph;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of a model for TensorFlow Lite Micro, which has ARG_MAX only with an int32 output: each
 * int64 ARG_MAX (edgeinfer's {@code class_id}) made int32. The ids are the same numbers.
 */
final class Int32ArgMax {
  private Int32ArgMax() {}

  /** The model with every int64 ARG_MAX made int32 (the same ids); itself when it has none. */
  static LiteModel copy(LiteModel model) {
    LiteSubgraph graph = model.mainSubgraph();
    List<LiteTensor> tensors = new ArrayList<>(graph.tensors());
    List<LiteOperator> operators = new ArrayList<>();
    boolean changed = false;
    for (LiteOperator op : graph.operators()) {
      if (op.options() instanceof OperatorOptions.ArgMax argMax
          && argMax.outputType() == DataType.INT64) {
        int out = op.outputs().get(0);
        LiteTensor t = tensors.get(out);
        tensors.set(
            out,
            new LiteTensor(
                t.name(),
                DataType.INT32,
                t.shape(),
                t.shapeSignature(),
                t.buffer(),
                t.quantization(),
                t.variable()));
        operators.add(
            new LiteOperator(
                op.opcodeIndex(),
                op.inputs(),
                op.outputs(),
                new OperatorOptions.ArgMax(DataType.INT32),
                op.customOptions()));
        changed = true;
      } else {
        operators.add(op);
      }
    }
    if (!changed) {
      return model;
    }
    List<LiteSubgraph> subgraphs = new ArrayList<>(model.subgraphs());
    subgraphs.set(
        0, new LiteSubgraph(graph.name(), tensors, graph.inputs(), graph.outputs(), operators));
    return new LiteModel(
        model.version(),
        model.description(),
        model.operatorCodes(),
        subgraphs,
        model.buffers(),
        model.metadata(),
        model.signatures());
  }
}
