package io.edgeinfer.quantize.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/**
 * Walks back from a signature's outputs to its inputs and writes down every node on the way as one
 * flat graph: calls to library functions ({@code StatefulPartitionedCall}, {@code PartitionedCall})
 * are replaced by their bodies under the call's name, identities are looked through, reads of
 * variables become constants, and the signature's input tensors become placeholders. Control
 * dependencies are dropped: only data flow matters to the converted model.
 */
final class Flattener {
  private static final Set<String> CALLS = Set.of("StatefulPartitionedCall", "PartitionedCall");
  private static final Set<String> IDENTITIES =
      Set.of("Identity", "IdentityN", "Snapshot", "StopGradient", "PreventGradient");

  /** The values of the model's variables, by the name of the outer node that holds them. */
  interface VariableSource {
    TensorProto value(String variableNode) throws ConversionException;
  }

  private final Map<String, FunctionDef> library = new HashMap<>();
  private final OutputArgs outputArgs = new OutputArgs();
  private final VariableSource variables;
  private final Map<TensorRef, TensorRef> cut;
  private final Map<String, NodeDef> out = new LinkedHashMap<>();
  private final Scope outer;

  /**
   * @param cut signature input tensors of the outer graph, each mapped to the placeholder that
   *     replaces it (already in {@code placeholders})
   */
  Flattener(
      GraphDef graph,
      VariableSource variables,
      Map<TensorRef, TensorRef> cut,
      List<NodeDef> placeholders) {
    for (FunctionDef function : graph.getLibrary().getFunctionList()) {
      library.put(function.getSignature().getName(), function);
    }
    this.variables = variables;
    this.cut = cut;
    placeholders.forEach(node -> out.put(node.getName(), node));
    Map<String, NodeDef> nodes = new HashMap<>();
    graph.getNodeList().forEach(node -> nodes.put(node.getName(), node));
    outer = new Scope("", nodes, null, Map.of(), false);
  }

  /** Resolves an outer-graph tensor name ({@code StatefulPartitionedCall_5:0}). */
  TensorRef resolveOuter(String tensorName) throws ConversionException {
    return resolve(outer, tensorName);
  }

  /** The nodes written so far, in an order where every input comes before its use. */
  Map<String, NodeDef> nodes() {
    return out;
  }

  private TensorRef resolve(Scope scope, String input) throws ConversionException {
    if (scope.function && !input.contains(":")) {
      String bound = scope.args.get(input);
      if (bound == null) {
        throw new ConversionException("function input " + input + " is not bound");
      }
      return resolve(scope.parent, bound);
    }
    String nodeName;
    int index;
    if (scope.function) {
      String[] parts = input.split(":");
      nodeName = parts[0];
      NodeDef node = scope.node(nodeName);
      index = functionOutputIndex(node, parts[1], Integer.parseInt(parts[2]));
    } else {
      TensorRef ref = TensorRef.parse(input);
      nodeName = ref.node();
      index = ref.index();
    }
    return visit(scope, nodeName, index);
  }

  private int functionOutputIndex(NodeDef node, String arg, int index) throws ConversionException {
    // A call op names its outputs by the op's own argument ("output"); a node whose op is a
    // function names them by the function's.
    FunctionDef called = CALLS.contains(node.getOp()) ? null : library.get(node.getOp());
    int flat =
        called != null
            ? OutputArgs.flatIndex(
                called.getSignature().getOutputArgList(), node.getAttrMap(), arg, index)
            : outputArgs.flatIndex(node, arg, index);
    if (flat < 0) {
      throw new ConversionException(
          "cannot resolve output " + arg + " of " + node.getName() + " (" + node.getOp() + ")");
    }
    return flat;
  }

  private FunctionDef calledFunction(NodeDef node) {
    if (CALLS.contains(node.getOp())) {
      AttrValue f = node.getAttrMap().get("f");
      return f == null ? null : library.get(f.getFunc().getName());
    }
    return library.get(node.getOp());
  }

  private TensorRef visit(Scope scope, String nodeName, int index) throws ConversionException {
    if (!scope.function) {
      TensorRef replaced = cut.get(new TensorRef(nodeName, index));
      if (replaced != null) {
        return replaced;
      }
    }
    NodeDef node = scope.node(nodeName);
    FunctionDef called = calledFunction(node);
    if (called != null) {
      Scope body = scope.callScope(node, called);
      String argName = called.getSignature().getOutputArg(index).getName();
      String ret = called.getRetMap().get(argName);
      if (ret == null) {
        throw new ConversionException(
            "function " + called.getSignature().getName() + " returns nothing for " + argName);
      }
      return resolve(body, ret);
    }
    if (IDENTITIES.contains(node.getOp())) {
      return resolve(scope, dataInputs(node).get(node.getOp().equals("IdentityN") ? index : 0));
    }
    if (node.getOp().equals("PlaceholderWithDefault")) {
      return resolve(scope, dataInputs(node).get(0));
    }
    String flatName = scope.prefix + nodeName;
    if (!out.containsKey(flatName)) {
      out.put(flatName, flatten(scope, node, flatName));
    }
    return new TensorRef(flatName, index);
  }

  private NodeDef flatten(Scope scope, NodeDef node, String flatName) throws ConversionException {
    switch (node.getOp()) {
      case "VariableV2", "Variable" -> {
        return TensorProtos.constantNode(flatName, variables.value(scope.prefix + node.getName()));
      }
      case "ReadVariableOp" -> {
        TensorRef handle = resolve(scope, dataInputs(node).get(0));
        return TensorProtos.constantNode(flatName, variables.value(handle.node()));
      }
      case "Placeholder" ->
          throw new ConversionException(
              "the signature's outputs depend on placeholder "
                  + flatName
                  + ", which is not one of the signature's inputs");
      default -> {
        NodeDef.Builder copy = NodeDef.newBuilder().setName(flatName).setOp(node.getOp());
        for (String input : dataInputs(node)) {
          copy.addInput(resolve(scope, input).toString());
        }
        node.getAttrMap()
            .forEach(
                (key, value) -> {
                  if (!key.startsWith("_")) {
                    copy.putAttr(key, value);
                  }
                });
        return copy.build();
      }
    }
  }

  private static List<String> dataInputs(NodeDef node) {
    List<String> inputs = new ArrayList<>();
    for (String input : node.getInputList()) {
      if (!input.startsWith("^")) {
        inputs.add(input);
      }
    }
    return inputs;
  }

  /** The names visible at one level: the outer graph, or one inlined call. */
  private static final class Scope {
    final String prefix;
    final Map<String, NodeDef> nodes;
    final Scope parent;
    final Map<String, String> args;
    final boolean function;
    final Map<String, Scope> calls = new HashMap<>();

    /**
     * @param args each function input's name bound to the call's input, in the parent's syntax
     */
    Scope(
        String prefix,
        Map<String, NodeDef> nodes,
        Scope parent,
        Map<String, String> args,
        boolean function) {
      this.prefix = prefix;
      this.nodes = nodes;
      this.parent = parent;
      this.args = args;
      this.function = function;
    }

    NodeDef node(String name) throws ConversionException {
      NodeDef node = nodes.get(name);
      if (node == null) {
        throw new ConversionException(
            "the graph refers to node " + prefix + name + ", which does not exist");
      }
      return node;
    }

    Scope callScope(NodeDef call, FunctionDef called) {
      Scope known = calls.get(call.getName());
      if (known != null) {
        return known;
      }
      List<String> inputs = dataInputs(call);
      Map<String, String> bound = new HashMap<>();
      for (int i = 0; i < called.getSignature().getInputArgCount(); i++) {
        bound.put(called.getSignature().getInputArg(i).getName(), inputs.get(i));
      }
      Map<String, NodeDef> body = new HashMap<>();
      called.getNodeDefList().forEach(node -> body.put(node.getName(), node));
      Scope scope = new Scope(prefix + call.getName() + "/", body, this, bound, true);
      calls.put(call.getName(), scope);
      return scope;
    }
  }
}
