package io.edgeinfer.lite;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.Scratch;
import io.edgeinfer.lite.kernels.Shapes;
import io.edgeinfer.lite.ops.Buffers;
import io.edgeinfer.lite.ops.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A program's shapes and buffers for one set of input shapes: every tensor's shape resolved, and
 * arrays shared by tensors whose lifetimes do not overlap ({@link MemoryPlanner}), allocated here
 * and reused by every inference with the same input shapes. An array may be longer than the tensor
 * in it: kernels use the shape's size, never the array's length.
 */
final class Plan {
  final int[][] inputShapes;
  final int[][] shapes;
  final Object[] buffers;
  final Scratch scratch = new Scratch();
  final MemoryPlanner.Layout layout;

  /** The steps inferences run: the program's, less the shape arithmetic folded for this plan. */
  final List<Step> steps;

  /** For each of {@link #steps}, its index among the program's steps. */
  final int[] programIndex;

  private Plan(
      int[][] inputShapes,
      int[][] shapes,
      Object[] buffers,
      MemoryPlanner.Layout layout,
      List<Step> steps,
      int[] programIndex) {
    this.inputShapes = inputShapes;
    this.shapes = shapes;
    this.buffers = buffers;
    this.layout = layout;
    this.steps = List.copyOf(steps);
    this.programIndex = programIndex;
  }

  /**
   * Plans {@code program} for the shapes of its subgraph inputs, in the subgraph's input order.
   *
   * @throws ModelException naming the operator whose shapes do not work out
   */
  static Plan of(Program program, int[][] inputShapes) throws ModelException {
    return of(program, inputShapes, true);
  }

  /** The same, with one array per tensor when not {@code shared} (for tests to compare with). */
  static Plan of(Program program, int[][] inputShapes, boolean shared) throws ModelException {
    List<LiteTensor> tensors = program.graph.tensors();
    int[][] shapes = new int[tensors.size()][];
    Object[] buffers = new Object[tensors.size()];
    for (int t = 0; t < tensors.size(); t++) {
      if (program.constants[t] != null) {
        shapes[t] = tensors.get(t).shape().dims();
        buffers[t] = program.constants[t];
      }
    }
    List<Integer> inputs = program.graph.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      shapes[inputs.get(i)] = inputShapes[i].clone();
    }
    Object[] known = buffers.clone();
    List<Step> live = new ArrayList<>();
    int[] programIndex = new int[program.steps.size()];
    for (int index = 0; index < program.steps.size(); index++) {
      Step step = program.steps.get(index);
      for (int in : step.inputs()) {
        if (shapes[in] == null) {
          throw new ModelException(
              step.op()
                  + ": input "
                  + tensors.get(in)
                  + " is neither a model input, a constant nor computed before");
        }
      }
      int[] outputs = step.outputs();
      try {
        int[][] computed = step.shaper().shapes(shapes, known);
        for (int i = 0; i < outputs.length; i++) {
          shapes[outputs[i]] = computed[i];
        }
        if (!PlanFolding.tryFold(step, tensors, program.graph.outputs(), shapes, known)) {
          programIndex[live.size()] = index;
          live.add(step);
        }
      } catch (IllegalArgumentException e) {
        throw new ModelException(
            step.op() + " -> " + tensors.get(outputs[0]) + ": " + e.getMessage(), e);
      }
    }
    System.arraycopy(known, 0, buffers, 0, known.length);
    List<MemoryPlanner.Need> needs = needs(program, live, shapes, known);
    MemoryPlanner.Layout layout =
        shared ? MemoryPlanner.plan(needs) : MemoryPlanner.unshared(needs);
    Object[] arrays = new Object[layout.slots().size()];
    for (int s = 0; s < arrays.length; s++) {
      MemoryPlanner.Slot slot = layout.slots().get(s);
      arrays[s] = slot.kind().allocate(Math.toIntExact(slot.elements()));
    }
    for (int i = 0; i < layout.needs().size(); i++) {
      buffers[layout.needs().get(i).tensor()] = arrays[layout.slotOf()[i]];
    }
    startStates(tensors, buffers);
    for (int output : program.graph.outputs()) {
      if (shapes[output] == null) {
        throw new ModelException(
            "output " + tensors.get(output) + " is computed by no operator of the model");
      }
    }
    return new Plan(
        inputShapes, shapes, buffers, layout, live, Arrays.copyOf(programIndex, live.size()));
  }

  /**
   * State starts as TensorFlow Lite Micro starts it: an int8 variable tensor (an LSTM's hidden
   * state) at its zero point, the real value 0; others at 0.
   */
  private static void startStates(List<LiteTensor> tensors, Object[] buffers) {
    for (int t = 0; t < tensors.size(); t++) {
      LiteTensor tensor = tensors.get(t);
      if (tensor.variable()
          && tensor.type() == DataType.INT8
          && tensor.quantization().isQuantized()
          && buffers[t] instanceof byte[] state) {
        Arrays.fill(state, (byte) tensor.quantization().zeroPoint(0));
      }
    }
  }

  /**
   * Every tensor that needs an array (shape known, not a constant) with its lifetime: graph inputs
   * from before the first step, graph outputs until after the last (the predictor reads them back),
   * the rest from the step that writes them to the last step that reads them.
   */
  private static List<MemoryPlanner.Need> needs(
      Program program, List<Step> steps, int[][] shapes, Object[] known) {
    List<LiteTensor> tensors = program.graph.tensors();
    int end = steps.size();
    int[] first = new int[tensors.size()];
    int[] last = new int[tensors.size()];
    Arrays.fill(first, Integer.MAX_VALUE);
    Arrays.fill(last, Integer.MIN_VALUE);
    for (int input : program.graph.inputs()) {
      first[input] = -1;
      last[input] = Math.max(last[input], -1);
    }
    for (int s = 0; s < end; s++) {
      Step step = steps.get(s);
      for (int in : step.inputs()) {
        last[in] = Math.max(last[in], s);
      }
      for (int out : step.outputs()) {
        first[out] = Math.min(first[out], s);
        last[out] = Math.max(last[out], s);
      }
    }
    for (int output : program.graph.outputs()) {
      last[output] = end;
    }
    for (int t = 0; t < tensors.size(); t++) {
      if (tensors.get(t).variable() && first[t] != Integer.MAX_VALUE) {
        // State (an LSTM's cell) outlives the inference: it shares its array with nothing.
        first[t] = -1;
        last[t] = end;
      }
    }
    List<MemoryPlanner.Need> needs = new ArrayList<>();
    for (int t = 0; t < tensors.size(); t++) {
      if (shapes[t] != null && known[t] == null && first[t] != Integer.MAX_VALUE) {
        needs.add(
            new MemoryPlanner.Need(
                t,
                MemoryPlanner.ArrayKind.of(tensors.get(t).type()),
                Buffers.length(tensors.get(t).type(), Shapes.size(shapes[t])),
                first[t],
                last[t]));
      }
    }
    return needs;
  }

  /** The bytes of the planned arrays (constants and scratch aside). */
  long arenaBytes() {
    return layout.arenaBytes();
  }

  boolean fits(int[][] shapesAsked) {
    return Arrays.deepEquals(inputShapes, shapesAsked);
  }

  /** Runs every step in order (indexed: no iterator per call). */
  void run(Program program) throws ModelException {
    for (int s = 0; s < steps.size(); s++) {
      runStep(steps.get(s));
    }
  }

  /** Runs {@code live} (some of this plan's steps, in order): a bound call's live steps. */
  void run(Step[] live) throws ModelException {
    for (Step step : live) {
      runStep(step);
    }
  }

  /** Runs every step in order, adding each step's nanoseconds to {@code nanos[step]}. */
  void run(long[] nanos) throws ModelException {
    for (int s = 0; s < steps.size(); s++) {
      long start = System.nanoTime();
      runStep(steps.get(s));
      nanos[s] += System.nanoTime() - start;
    }
  }

  private void runStep(Step step) throws ModelException {
    scratch.nextStep();
    try {
      step.runner().run(buffers, shapes, scratch);
    } catch (RuntimeException e) {
      throw new ModelException(step.op() + " failed: " + e, e);
    }
  }
}
