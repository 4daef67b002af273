package io.edgeinfer.quantize.graph;

/** One output of a node: {@code name:index} in a GraphDef. */
public record TensorRef(String node, int index) {

  /** Parses {@code name} or {@code name:3} (an outer GraphDef's input syntax). */
  public static TensorRef parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon > 0 && text.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      return new TensorRef(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }
    return new TensorRef(text, 0);
  }

  @Override
  public String toString() {
    return node + ":" + index;
  }
}
