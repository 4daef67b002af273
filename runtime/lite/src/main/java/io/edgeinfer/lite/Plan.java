package io.edgeinfer.lite;

import io.edgeinfer.core.ModelException;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.Scratch;
import io.edgeinfer.lite.kernels.Shapes;
import io.edgeinfer.lite.ops.Buffers;
import io.edgeinfer.lite.ops.Step;
import java.util.Arrays;
import java.util.List;

/**
 * A program's shapes and buffers for one set of input shapes: every tensor's shape resolved, one
 * array per tensor allocated here and reused by every inference with the same input shapes.
 */
final class Plan {
  final int[][] inputShapes;
  final int[][] shapes;
  final Object[] buffers;
  final Scratch scratch = new Scratch();

  private Plan(int[][] inputShapes, int[][] shapes, Object[] buffers) {
    this.inputShapes = inputShapes;
    this.shapes = shapes;
    this.buffers = buffers;
  }

  /**
   * Plans {@code program} for the shapes of its subgraph inputs, in the subgraph's input order.
   *
   * @throws ModelException naming the operator whose shapes do not work out
   */
  static Plan of(Program program, int[][] inputShapes) throws ModelException {
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
    for (Step step : program.steps) {
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
        int[][] computed = step.shaper().shapes(shapes);
        for (int i = 0; i < outputs.length; i++) {
          shapes[outputs[i]] = computed[i];
        }
      } catch (IllegalArgumentException e) {
        throw new ModelException(
            step.op() + " -> " + tensors.get(outputs[0]) + ": " + e.getMessage(), e);
      }
    }
    for (int t = 0; t < tensors.size(); t++) {
      if (shapes[t] != null && buffers[t] == null) {
        int size = Shapes.size(shapes[t]);
        buffers[t] = Buffers.allocate(tensors.get(t).type(), size);
      }
    }
    for (int output : program.graph.outputs()) {
      if (shapes[output] == null) {
        throw new ModelException(
            "output " + tensors.get(output) + " is computed by no operator of the model");
      }
    }
    return new Plan(inputShapes, shapes, buffers);
  }

  boolean fits(int[][] shapesAsked) {
    return Arrays.deepEquals(inputShapes, shapesAsked);
  }

  /** Runs every step in order. */
  void run(Program program) throws ModelException {
    for (Step step : program.steps) {
      try {
        step.runner().run(buffers, shapes, scratch);
      } catch (RuntimeException e) {
        throw new ModelException(step.op() + " failed: " + e, e);
      }
    }
  }
}
