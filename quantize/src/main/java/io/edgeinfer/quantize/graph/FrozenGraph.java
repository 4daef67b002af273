package io.edgeinfer.quantize.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.NodeDef;

/**
 * One signature as a flat graph with no variables and no function calls, ready to be mapped to
 * TFLite operators.
 *
 * @param signature the signature's key
 * @param nodes every node the outputs need, inputs before their uses; placeholders for the inputs
 * @param inputs the signature's input names, each with its placeholder's tensor
 * @param outputs the signature's output names, each with the tensor that computes it
 * @param constants the value of every {@code Const} node, by node name
 * @param shapes the inferred shape of every tensor computed from the inputs ({@code -1}: unknown)
 */
public record FrozenGraph(
    String signature,
    Map<String, NodeDef> nodes,
    Map<String, TensorRef> inputs,
    Map<String, TensorRef> outputs,
    Map<String, Constant> constants,
    Map<TensorRef, int[]> shapes) {

  public NodeDef node(String name) {
    return nodes.get(name);
  }

  /** The nodes that read a tensor. */
  public List<NodeDef> consumers(TensorRef tensor) {
    List<NodeDef> found = new ArrayList<>();
    String name = tensor.toString();
    for (NodeDef node : nodes.values()) {
      for (String input : node.getInputList()) {
        if (input.equals(name)) {
          found.add(node);
          break;
        }
      }
    }
    return found;
  }
}
