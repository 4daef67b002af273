package io.edgeinfer.quantize.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.TensorFlow;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;

/**
 * Turns a function body's {@code node:output_arg:i} reference into the flat output index a GraphDef
 * uses ({@code node:k}), from the op's registered definition: an argument holding a list (a number
 * or a type-list attribute) takes as many slots as the node's attribute says.
 */
final class OutputArgs {
  private final Map<String, OpDef> ops = new HashMap<>();

  OutputArgs() {
    for (OpDef op : TensorFlow.registeredOpList().getOpList()) {
      ops.put(op.getName(), op);
    }
  }

  /** The flat index of output {@code arg}[{@code index}] of {@code node}, or -1 if unknown. */
  int flatIndex(NodeDef node, String arg, int index) {
    OpDef op = ops.get(node.getOp());
    if (op == null) {
      return -1;
    }
    return flatIndex(op.getOutputArgList(), node.getAttrMap(), arg, index);
  }

  /** The same for a list of argument definitions (a function's own outputs use it too). */
  static int flatIndex(
      List<OpDef.ArgDef> args, Map<String, AttrValue> attrs, String arg, int index) {
    int offset = 0;
    for (OpDef.ArgDef def : args) {
      if (def.getName().equals(arg)) {
        return offset + index;
      }
      offset += length(def, attrs);
    }
    return -1;
  }

  private static int length(OpDef.ArgDef def, Map<String, AttrValue> attrs) {
    if (!def.getNumberAttr().isEmpty()) {
      AttrValue value = attrs.get(def.getNumberAttr());
      return value == null ? 1 : (int) value.getI();
    }
    if (!def.getTypeListAttr().isEmpty()) {
      AttrValue value = attrs.get(def.getTypeListAttr());
      return value == null ? 1 : value.getList().getTypeCount();
    }
    return 1;
  }
}
