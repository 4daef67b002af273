package io.edgeinfer.lite.format;

import io.edgeinfer.core.MalformedModelException;
import io.edgeinfer.core.UnsupportedModelException;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Counts a .tflite file may claim, checked from the tables' lengths before anything is built from
 * them. A flatbuffer can hold a million operators in a few megabytes (tables share their layout,
 * and offsets may all point at one table), and each one decoded becomes Java objects: a valid file
 * of 1,000,000 operators took 1.1 GB to predict, and the memory estimate itself ran out of memory.
 * Three checks, cheapest first:
 *
 * <ul>
 *   <li>absolute limits, far above what converters write (MobileNet: ~60 operators; large
 *       transformer files: a few thousand);
 *   <li>relative to the file: every writer gives each operator and each tensor a table of its own
 *       of at least {@value #MIN_TABLE_BYTES} bytes, so a file that claims more than its size holds
 *       points many entries at one table;
 *   <li>relative to this JVM's heap (which the launcher sets from the device profile's budget, e.g.
 *       128 MB on a Pi Zero 2 W): the loaded model's objects, at {@value #OPERATOR_HEAP_BYTES}
 *       bytes per operator and {@value #TENSOR_HEAP_BYTES} per tensor, must fit in half of it.
 * </ul>
 */
public final class ModelSizeLimits {
  static final int MAX_SUBGRAPHS = 1_000;
  static final int MAX_OPERATORS = 100_000;
  static final int MAX_TENSORS = 200_000;

  /** An operator's or tensor's table with its vectors: more in any file a writer made. */
  static final int MIN_TABLE_BYTES = 16;

  /**
   * Heap per operator and per tensor once loaded (decoded tables, kernels, plan): measured on Java
   * 17 at 338 bytes per operator and 214 more per tensor of its own (100,000 RELUs), raised by half
   * for what loading holds for a while.
   */
  static final long OPERATOR_HEAP_BYTES = 512;

  static final long TENSOR_HEAP_BYTES = 384;

  /** The heap the check measures against; tests put a smaller one in its place. */
  static LongSupplier heapBytes = () -> Runtime.getRuntime().maxMemory();

  private ModelSizeLimits() {}

  /** Checks the counts a model's table claims, summed over its subgraphs, in a file of a size. */
  static void check(FlatTable model, long fileBytes)
      throws MalformedModelException, UnsupportedModelException {
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
    long least = (operators + tensors) * MIN_TABLE_BYTES;
    if (least > fileBytes) {
      throw new MalformedModelException(
          "expected a file of at least "
              + least
              + " bytes for the "
              + operators
              + " operators and "
              + tensors
              + " tensors it claims (a table of "
              + MIN_TABLE_BYTES
              + "+ bytes each), found "
              + fileBytes
              + " bytes: its entries point at shared tables");
    }
    long heapNeed = heapNeed(operators, tensors);
    long room = heapBytes.getAsLong() / 2;
    if (heapNeed > room) {
      throw new UnsupportedModelException(
          "expected a model whose objects fit half of this JVM's heap ("
              + (room >> 20)
              + " MB), found one that needs about "
              + ((heapNeed + (1 << 20) - 1) >> 20)
              + " MB to load",
          List.of(operators + " operators and " + tensors + " tensors"));
    }
  }

  /** The heap a model of these counts takes once loaded, weights and activations aside. */
  public static long heapNeed(long operators, long tensors) {
    return operators * OPERATOR_HEAP_BYTES + tensors * TENSOR_HEAP_BYTES;
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
