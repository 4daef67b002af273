package io.edgeinfer.quantize.graph;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorProto;

/**
 * Reads variable values through the loaded SavedModel's session: a {@code VariableV2} node's output
 * is its value; a resource variable ({@code VarHandleOp}) is read by a {@code ReadVariableOp} added
 * to the loaded graph for the purpose.
 */
final class VariableReader implements Flattener.VariableSource {
  private final SavedModelBundle bundle;
  private final Map<String, TensorProto> values = new HashMap<>();
  private int reads;

  VariableReader(SavedModelBundle bundle) {
    this.bundle = bundle;
  }

  @Override
  public TensorProto value(String variableNode) throws ConversionException {
    TensorProto known = values.get(variableNode);
    if (known != null) {
      return known;
    }
    GraphOperation variable = bundle.graph().operation(variableNode);
    if (variable == null) {
      throw new ConversionException("variable " + variableNode + " is not in the loaded graph");
    }
    org.tensorflow.Operation fetched = variable;
    if (variable.type().equals("VarHandleOp")) {
      DataType type = variable.attributes().getAttrType("dtype");
      Scope scope = Ops.create(bundle.graph()).scope();
      fetched =
          bundle
              .graph()
              .opBuilder("ReadVariableOp", "edgeinfer_freeze_read_" + reads++, scope)
              .addInput(variable.output(0))
              .setAttr("dtype", type)
              .build();
    }
    try (Result result = bundle.session().runner().fetch(fetched.output(0)).run()) {
      Tensor tensor = result.get(0);
      TensorProto value = TensorProtos.of(tensor);
      values.put(variableNode, value);
      return value;
    } catch (RuntimeException e) {
      throw new ConversionException(
          "cannot read variable " + variableNode + ": " + e.getMessage(), e);
    }
  }
}
