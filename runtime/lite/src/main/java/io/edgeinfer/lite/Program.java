package io.edgeinfer.lite;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.UnsupportedModelException;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteOpCode;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteSubgraph;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.Kernels;
import io.edgeinfer.lite.ops.Buffers;
import io.edgeinfer.lite.ops.Lowering;
import io.edgeinfer.lite.ops.OpContext;
import io.edgeinfer.lite.ops.OpResolver;
import io.edgeinfer.lite.ops.Step;
import io.edgeinfer.lite.ops.Unsupported;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A subgraph compiled for the kernels: every operator lowered to a prepared {@link Step} by the
 * {@link OpResolver}, once at load. Immutable and shared by every predictor of a model; {@link
 * Plan} holds the per-shape buffers.
 */
final class Program {
  private static final OpResolver RESOLVER = OpResolver.standard();

  final LiteSubgraph graph;
  final List<Step> steps;

  /** For each step, the index of the operator it came from in the graph (for per-op timing). */
  final int[] operatorOf;

  /** Constant operands (e.g. the second operand of an ADD) as arrays; else null. */
  final Object[] constants;

  private Program(LiteSubgraph graph, List<Step> steps, int[] operatorOf, Object[] constants) {
    this.graph = graph;
    this.steps = List.copyOf(steps);
    this.operatorOf = operatorOf;
    this.constants = constants;
  }

  /**
   * Compiles a subgraph.
   *
   * @throws UnsupportedModelException naming every operator the engine cannot run, each once
   */
  static Program compile(LiteModel model, int subgraph, Kernels kernels)
      throws UnsupportedModelException {
    return compile(model, subgraph, kernels, null);
  }

  /**
   * Compiles a subgraph whose large steps split their work over the gang of {@code threads} (null:
   * one thread).
   */
  static Program compile(LiteModel model, int subgraph, Kernels kernels, ThreadGang threads)
      throws UnsupportedModelException {
    LiteSubgraph graph = model.subgraphs().get(subgraph);
    OpContext ctx = new OpContext(model, graph, kernels, threads);
    Map<String, Integer> unsupported = new LinkedHashMap<>();
    for (int input : graph.inputs()) {
      LiteTensor tensor = graph.tensor(input);
      if (!Buffers.holds(tensor.type())) {
        unsupported.merge(
            "input " + tensor + " (" + tensor.type().label() + " tensors)", 1, Integer::sum);
      }
    }
    List<Step> steps = new ArrayList<>();
    List<Integer> operatorOf = new ArrayList<>();
    for (int index = 0; index < graph.operators().size(); index++) {
      LiteOperator op = graph.operators().get(index);
      LiteOpCode code = model.opCode(op);
      String name = code.displayName();
      Optional<Lowering> lowering = RESOLVER.find(code);
      if (lowering.isEmpty()) {
        unsupported.merge(name, 1, Integer::sum);
        continue;
      }
      try {
        Step step = ctx.lower(lowering.get(), op, name);
        if (step != null) {
          steps.add(step);
          operatorOf.add(index);
        }
      } catch (Unsupported e) {
        String detail = e.getMessage();
        unsupported.merge(detail.isEmpty() ? name : name + " (" + detail + ")", 1, Integer::sum);
      } catch (IllegalArgumentException e) {
        unsupported.merge(name + " (" + e.getMessage() + ")", 1, Integer::sum);
      }
    }
    if (!unsupported.isEmpty()) {
      List<String> names = new ArrayList<>();
      unsupported.forEach(
          (what, count) -> names.add(count > 1 ? what + " (" + count + "x)" : what));
      throw new UnsupportedModelException("unsupported operators", names);
    }
    return new Program(
        graph, steps, operatorOf.stream().mapToInt(Integer::intValue).toArray(), ctx.constants());
  }

  static boolean isFloat(LiteTensor tensor) {
    return tensor.type() == DataType.FLOAT32;
  }

  /** An int8 or uint8 tensor with a scale, presented as float32 unless raw values are asked. */
  static boolean isInt8(LiteTensor tensor) {
    return OpContext.isQuantized8(tensor);
  }
}
