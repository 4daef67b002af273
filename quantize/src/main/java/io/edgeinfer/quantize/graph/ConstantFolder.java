package io.edgeinfer.quantize.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorProto;

/**
 * Evaluates, with TensorFlow itself, every part of the flat graph that does not depend on the
 * signature's inputs (shape arithmetic, weight transformations TF2 graphs carry), replaces it by
 * its value, and reads TensorFlow's inferred shape of every remaining tensor.
 */
final class ConstantFolder {
  private ConstantFolder() {}

  static FrozenGraph fold(
      String signature,
      Map<String, NodeDef> nodes,
      Map<String, TensorRef> inputs,
      Map<String, TensorRef> outputs)
      throws ConversionException {
    Set<String> live = live(nodes, inputs);
    Map<String, NodeDef> folded = new LinkedHashMap<>();
    Map<String, TensorProto> values = evaluateBoundary(nodes, live, outputs);
    for (NodeDef node : nodes.values()) {
      if (live.contains(node.getName()) || node.getOp().equals("Const")) {
        folded.put(node.getName(), node);
      }
    }
    // A boundary tensor becomes a Const node of its own, named after the tensor.
    Map<String, String> renamed = new HashMap<>();
    Map<String, NodeDef> result = new LinkedHashMap<>();
    values.forEach(
        (tensor, value) -> {
          TensorRef ref = TensorRef.parse(tensor);
          String name = ref.index() == 0 ? ref.node() : ref.node() + "_" + ref.index();
          renamed.put(tensor, name + ":0");
          result.put(name, TensorProtos.constantNode(name, value));
        });
    for (NodeDef node : folded.values()) {
      if (result.containsKey(node.getName())) {
        continue;
      }
      NodeDef.Builder copy = node.toBuilder().clearInput();
      for (String input : node.getInputList()) {
        copy.addInput(renamed.getOrDefault(input, input));
      }
      result.put(node.getName(), copy.build());
    }
    Map<String, NodeDef> kept = new LinkedHashMap<>();
    Set<String> used = usedBy(result, outputs, inputs);
    result.forEach(
        (name, node) -> {
          if (used.contains(name)) {
            kept.put(name, node);
          }
        });
    Map<String, Constant> constants = new HashMap<>();
    for (NodeDef node : kept.values()) {
      if (node.getOp().equals("Const")) {
        constants.put(
            node.getName(), TensorProtos.decode(node.getAttrMap().get("value").getTensor()));
      }
    }
    Map<String, TensorRef> finalOutputs = new LinkedHashMap<>();
    outputs.forEach(
        (key, ref) ->
            finalOutputs.put(
                key, TensorRef.parse(renamed.getOrDefault(ref.toString(), ref.toString()))));
    return new FrozenGraph(
        signature, kept, inputs, finalOutputs, constants, shapes(kept, constants.keySet()));
  }

  /** The nodes whose value depends on an input. */
  private static Set<String> live(Map<String, NodeDef> nodes, Map<String, TensorRef> inputs) {
    Set<String> live = new HashSet<>();
    inputs.values().forEach(ref -> live.add(ref.node()));
    for (NodeDef node : nodes.values()) {
      for (String input : node.getInputList()) {
        if (live.contains(TensorRef.parse(input).node())) {
          live.add(node.getName());
          break;
        }
      }
    }
    return live;
  }

  /**
   * The values of the tensors that cross from the constant part into the live part (or are outputs
   * themselves), other than Const nodes, computed in one session run.
   */
  private static Map<String, TensorProto> evaluateBoundary(
      Map<String, NodeDef> nodes, Set<String> live, Map<String, TensorRef> outputs)
      throws ConversionException {
    List<String> boundary = new ArrayList<>();
    for (NodeDef node : nodes.values()) {
      if (!live.contains(node.getName())) {
        continue;
      }
      for (String input : node.getInputList()) {
        addIfComputedConstant(nodes, live, TensorRef.parse(input), boundary);
      }
    }
    outputs.values().forEach(ref -> addIfComputedConstant(nodes, live, ref, boundary));
    Map<String, TensorProto> values = new LinkedHashMap<>();
    if (boundary.isEmpty()) {
      return values;
    }
    try (Graph graph = imported(constantPart(nodes, live));
        Session session = new Session(graph)) {
      Session.Runner runner = session.runner();
      for (String tensor : boundary) {
        TensorRef ref = TensorRef.parse(tensor);
        runner.fetch(ref.node(), ref.index());
      }
      try (Result result = runner.run()) {
        for (int i = 0; i < boundary.size(); i++) {
          values.put(boundary.get(i), TensorProtos.of(result.get(i)));
        }
      }
    } catch (RuntimeException e) {
      throw new ConversionException(
          "cannot evaluate the constant part of the graph: " + e.getMessage(), e);
    }
    return values;
  }

  private static void addIfComputedConstant(
      Map<String, NodeDef> nodes, Set<String> live, TensorRef ref, List<String> boundary) {
    NodeDef source = nodes.get(ref.node());
    if (!live.contains(ref.node())
        && !source.getOp().equals("Const")
        && !boundary.contains(ref.toString())) {
      boundary.add(ref.toString());
    }
  }

  private static Map<String, NodeDef> constantPart(Map<String, NodeDef> nodes, Set<String> live) {
    Map<String, NodeDef> part = new LinkedHashMap<>();
    nodes.forEach(
        (name, node) -> {
          if (!live.contains(name)) {
            part.put(name, node);
          }
        });
    return part;
  }

  private static Set<String> usedBy(
      Map<String, NodeDef> nodes, Map<String, TensorRef> outputs, Map<String, TensorRef> inputs) {
    Set<String> seen = new HashSet<>();
    inputs.values().forEach(ref -> seen.add(ref.node()));
    List<String> stack = new ArrayList<>();
    outputs.values().forEach(ref -> stack.add(ref.node()));
    while (!stack.isEmpty()) {
      String name = stack.remove(stack.size() - 1);
      NodeDef node = nodes.get(name);
      if (node != null && seen.add(name)) {
        node.getInputList().forEach(input -> stack.add(TensorRef.parse(input).node()));
      }
    }
    return seen;
  }

  static Graph imported(Map<String, NodeDef> nodes) throws ConversionException {
    Graph graph = new Graph();
    try {
      graph.importGraphDef(GraphDef.newBuilder().addAllNode(nodes.values()).build());
      return graph;
    } catch (RuntimeException e) {
      graph.close();
      throw new ConversionException("TensorFlow rejects the flattened graph: " + e.getMessage(), e);
    }
  }

  /** TensorFlow's static shape of every output of every non-constant node. */
  private static Map<TensorRef, int[]> shapes(Map<String, NodeDef> nodes, Set<String> constants)
      throws ConversionException {
    Map<TensorRef, int[]> shapes = new HashMap<>();
    try (Graph graph = imported(nodes)) {
      for (String name : nodes.keySet()) {
        if (constants.contains(name)) {
          continue;
        }
        GraphOperation op = graph.operation(name);
        for (int i = 0; i < op.numOutputs(); i++) {
          long[] dims = op.output(i).shape().asArray();
          if (dims == null) {
            continue;
          }
          int[] shape = new int[dims.length];
          for (int d = 0; d < dims.length; d++) {
            shape[d] = (int) dims[d];
          }
          shapes.put(new TensorRef(name, i), shape);
        }
      }
    }
    return shapes;
  }
}
