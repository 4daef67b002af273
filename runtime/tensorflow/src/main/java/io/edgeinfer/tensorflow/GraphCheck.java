package io.edgeinfer.tensorflow;

import io.edgeinfer.core.Signature;
import io.edgeinfer.core.TensorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;

/**
 * Checks each signature's tensors against the loaded graph (they exist, with the declared type), as
 * TF Java's loader does, but keeps the signatures that pass: one broken signature then costs only
 * itself, with the reason in {@code inspect}.
 */
final class GraphCheck {
  private GraphCheck() {}

  static SignatureReader.Result check(SignatureReader.Result read, Graph graph) {
    List<Signature> kept = new ArrayList<>();
    Map<String, SignatureReader.GraphNames> names = new TreeMap<>(read.graphNames());
    Map<String, String> skipped = new TreeMap<>(read.skipped());
    for (Signature signature : read.signatures()) {
      SignatureReader.GraphNames graphNames = read.graphNames().get(signature.name());
      List<String> problems = new ArrayList<>();
      check("input", signature.inputs(), graphNames.inputs(), graph, problems);
      check("output", signature.outputs(), graphNames.outputs(), graph, problems);
      if (problems.isEmpty()) {
        kept.add(signature);
      } else {
        skipped.put(signature.name(), String.join("; ", problems));
        names.remove(signature.name());
      }
    }
    return new SignatureReader.Result(kept, names, skipped);
  }

  private static void check(
      String direction,
      List<TensorSpec> specs,
      Map<String, String> tensorNames,
      Graph graph,
      List<String> problems) {
    for (TensorSpec spec : specs) {
      String tensor = tensorNames.get(spec.name());
      Optional<org.tensorflow.proto.DataType> actual = typeOf(graph, tensor);
      if (actual.isEmpty()) {
        problems.add(direction + " '" + spec.name() + "' names " + tensor + ", not in the graph");
        continue;
      }
      if (!TfDataTypes.fromProto(actual.get()).equals(Optional.of(spec.dataType()))) {
        problems.add(
            direction
                + " '"
                + spec.name()
                + "' declares "
                + TfDataTypes.label(spec.dataType())
                + ", the graph's tensor "
                + tensor
                + " is "
                + TfDataTypes.label(actual.get()));
      }
    }
  }

  /** The type of {@code op:index} in the graph, or empty when there is no such output. */
  private static Optional<org.tensorflow.proto.DataType> typeOf(Graph graph, String tensor) {
    int colon = tensor.lastIndexOf(':');
    String op = colon < 0 ? tensor : tensor.substring(0, colon);
    int index;
    try {
      index = colon < 0 ? 0 : Integer.parseInt(tensor.substring(colon + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    GraphOperation operation = graph.operation(op);
    if (operation == null || index < 0 || index >= operation.numOutputs()) {
      return Optional.empty();
    }
    return Optional.of(operation.output(index).dataType());
  }
}
