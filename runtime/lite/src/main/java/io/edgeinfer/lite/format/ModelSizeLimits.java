package io.edgeinfer.lite.format;

import io.edgeinfer.core.MalformedModelException;

/**
 * Counts a .tflite file may claim, checked before anything is built from them. A flatbuffer can
 * hold a million operators in a few megabytes (tables share their layout), and each one decoded
 * becomes Java objects of a hundred bytes or more: a valid file of 1,000,000 operators took 1.1 GB
 * to predict, and the memory estimate itself ran out of memory. The limits are far above what
 * converters write (MobileNet: ~60 operators; large transformer files: a few thousand).
 */
final class ModelSizeLimits {
  static final int MAX_SUBGRAPHS = 1_000;
  static final int MAX_OPERATORS = 100_000;
  static final int MAX_TENSORS = 200_000;

  private ModelSizeLimits() {}

  /** Checks the counts a model's table claims, summed over its subgraphs. */
  static void check(FlatTable model) throws MalformedModelException {
    int subgraphs = model.length(Schema.Model.SUBGRAPHS);
    require("subgraphs", subgraphs, MAX_SUBGRAPHS);
    long operators = 0;
    long tensors = 0;
    for (int i = 0; i < subgraphs; i++) {
      FlatTable subgraph = model.element(Schema.Model.SUBGRAPHS, i);
      operators += subgraph.length(Schema.SubGraph.OPERATORS);
      tensors += subgraph.length(Schema.SubGraph.TENSORS);
    }
    require("operators", operators, MAX_OPERATORS);
    require("tensors", tensors, MAX_TENSORS);
  }

  private static void require(String what, long found, int limit) throws MalformedModelException {
    if (found > limit) {
      throw new MalformedModelException(
          "expected at most "
              + limit
              + " "
              + what
              + " in a model (edgeinfer's limit, far above what converters write), found "
              + found);
    }
  }
}
