package io.edgeinfer.lite;

import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteSubgraph;
import io.edgeinfer.lite.kernels.Shapes;

/**
 * Multiply-accumulates of one planned operator, from its weights' shape and its planned output
 * shape: what GMAC/s figures divide by. Operators without weights count 0.
 */
final class OpWork {
  private OpWork() {}

  /** The MACs of {@code program}'s step {@code s} under the plan's {@code shapes}. */
  static long macs(Program program, int s, int[][] shapes) {
    LiteSubgraph graph = program.graph;
    LiteOperator op = graph.operators().get(program.operatorOf[s]);
    String name = program.steps.get(s).op().split(" ", 2)[0]; // "CONV_2D v3": the builtin
    int[] out = shapes[op.output(0)];
    // Weights live in the kernels, not in the plan: their shape is the file's.
    int[] weights = op.input(1) == LiteOperator.OMITTED ? null : fileShape(graph, op.input(1));
    if (out == null || weights == null || weights.length == 0) {
      return 0;
    }
    long outputs = Shapes.size(out);
    return switch (name) {
      // Weights OHWI: every output sums KH x KW x I products.
      case "CONV_2D" -> outputs * weights[1] * weights[2] * weights[3];
      // Weights [1, KH, KW, C x M]: every output sums one window of one channel.
      case "DEPTHWISE_CONV_2D" -> outputs * weights[1] * weights[2];
      // Weights [O, I]: every output sums I products.
      case "FULLY_CONNECTED" -> outputs * weights[weights.length - 1];
      // TRANSPOSE_CONV's inputs are (output shape, weights OHWI, input): each input element
      // scatters KH x KW x O products.
      case "TRANSPOSE_CONV" -> transposeConv(op, weights, shapes);
      default -> 0;
    };
  }

  private static int[] fileShape(LiteSubgraph graph, int tensor) {
    return graph.tensor(tensor).shape().isUnknownRank()
        ? null
        : graph.tensor(tensor).shape().dims();
  }

  private static long transposeConv(LiteOperator op, int[] weights, int[][] shapes) {
    int[] input = op.input(2) == LiteOperator.OMITTED ? null : shapes[op.input(2)];
    if (input == null || weights.length != 4) {
      return 0;
    }
    return Shapes.size(input) * weights[0] * weights[1] * weights[2];
  }
}
