package io.edgeinfer.lite;

import io.edgeinfer.core.BoundCall;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.lite.kernels.Shapes;
import io.edgeinfer.lite.ops.Step;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lite engine's {@link BoundCall}: a {@link Plan} of its own for the bound shapes, whose arrays
 * for float32 inputs and outputs are the caller's own (the steps read and write them directly);
 * quantized ones keep the plan's array and are converted at each run. Outputs left unbound (e.g. an
 * int64 class id beside the probabilities) are computed and not read. Names are looked up once,
 * when an array is bound; a run is a loop over the steps.
 */
final class LiteBoundCall implements BoundCall {
  private final LiteRuntimeModel model;
  private final Program program;
  private final Signature signature;
  private final int[] inputTensors;
  private final int[] outputTensors;
  private final TensorIo[] inputIo;
  private final TensorIo[] outputIo;
  private final Plan plan;

  /** The caller's arrays, by signature position (null until bound). */
  private final float[][] inputs;

  private final float[][] outputs;

  /** The plan's own array of each tensor, for the converted ones. */
  private final Object[] heldInputs;

  private final Object[] heldOutputs;

  /** The steps the bound outputs need (none before an output is bound). */
  private Step[] live = new Step[0];

  private boolean closed;

  LiteBoundCall(
      LiteRuntimeModel model,
      Program program,
      Signature signature,
      int[] inputTensors,
      int[] outputTensors,
      int[] inputPositions,
      TensorIo[] inputIo,
      TensorIo[] outputIo,
      Map<String, Shape> inputShapes)
      throws ModelException {
    this.model = model;
    this.program = program;
    this.signature = signature;
    this.inputTensors = inputTensors;
    this.outputTensors = outputTensors;
    this.inputIo = inputIo;
    this.outputIo = outputIo;
    this.plan = Plan.of(program, graphInputShapes(signature, inputPositions, inputShapes));
    this.inputs = new float[inputTensors.length][];
    this.outputs = new float[outputTensors.length][];
    this.heldInputs = new Object[inputTensors.length];
    this.heldOutputs = new Object[outputTensors.length];
    for (int i = 0; i < inputTensors.length; i++) {
      heldInputs[i] = plan.buffers[inputTensors[i]];
    }
    for (int i = 0; i < outputTensors.length; i++) {
      heldOutputs[i] = plan.buffers[outputTensors[i]];
    }
  }

  /** Every signature input's shape, checked, in the subgraph's input order. */
  private static int[][] graphInputShapes(
      Signature signature, int[] inputPositions, Map<String, Shape> given) {
    List<TensorSpec> specs = signature.inputs();
    Set<String> unknown = new HashSet<>(given.keySet());
    int[][] shapes = new int[inputPositions.length][];
    for (int i = 0; i < specs.size(); i++) {
      TensorSpec spec = specs.get(i);
      Shape shape = given.get(spec.name());
      unknown.remove(spec.name());
      if (shape == null || !shape.isFullyKnown() || !spec.shape().accepts(shape)) {
        throw new IllegalArgumentException(
            "input '"
                + spec.name()
                + "': expected a shape like "
                + spec.shape()
                + ", found "
                + shape);
      }
      shapes[inputPositions[i]] = shape.dims();
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "expected the inputs " + names(specs) + ", found also " + unknown);
    }
    return shapes;
  }

  private static void requireFloats(String what, TensorSpec spec, TensorIo io) {
    if (!io.floatsConvertible()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + spec.name()
              + "': expected a float32 or quantized tensor to bind to"
              + " floats, found "
              + spec.dataType().label());
    }
  }

  private static List<String> names(List<TensorSpec> specs) {
    return specs.stream().map(TensorSpec::name).toList();
  }

  @Override
  public BoundCall input(String name, float[] values) {
    int i = index("input", signature.inputs(), name);
    int t = inputTensors[i];
    requireFloats("input", signature.inputs().get(i), inputIo[i]);
    checkArray("input", name, t, values, inputs[i]);
    inputs[i] = values;
    if (inputIo[i].floatsInPlace()) {
      plan.buffers[t] = values;
    }
    return this;
  }

  @Override
  public BoundCall output(String name, float[] values) {
    int i = index("output", signature.outputs(), name);
    int t = outputTensors[i];
    requireFloats("output", signature.outputs().get(i), outputIo[i]);
    checkArray("output", name, t, values, outputs[i]);
    outputs[i] = values;
    if (outputIo[i].floatsInPlace()) {
      plan.buffers[t] = values;
    }
    live = LiveSteps.of(plan.steps, program.graph, boundOutputs());
    return this;
  }

  private int[] boundOutputs() {
    int[] bound = new int[outputs.length];
    int n = 0;
    for (int i = 0; i < outputs.length; i++) {
      if (outputs[i] != null) {
        bound[n++] = outputTensors[i];
      }
    }
    return Arrays.copyOf(bound, n);
  }

  @Override
  public Shape outputShape(String name) {
    return Shape.of(plan.shapes[outputTensors[index("output", signature.outputs(), name)]]);
  }

  private static int index(String what, List<TensorSpec> specs, String name) {
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "expected an " + what + " among " + names(specs) + ", found '" + name + "'");
  }

  /**
   * Exactly the tensor's element count, and no array bound to two tensors (a step never works in
   * place); binding the same one again to the same tensor is fine.
   */
  private void checkArray(String what, String name, int tensor, float[] values, float[] current) {
    int size = Shapes.size(plan.shapes[tensor]);
    if (values.length != size) {
      throw new IllegalArgumentException(
          what
              + " '"
              + name
              + "' of shape "
              + Arrays.toString(plan.shapes[tensor])
              + ": expected "
              + size
              + " floats, found "
              + values.length);
    }
    for (float[][] bound : new float[][][] {inputs, outputs}) {
      for (float[] other : bound) {
        if (other == values && other != current) {
          throw new IllegalArgumentException(
              what + " '" + name + "': expected an array of its own, found one already bound");
        }
      }
    }
  }

  @Override
  public void run() throws ModelException {
    if (closed) {
      throw new IllegalStateException("this bound call is closed");
    }
    model.checkOpen();
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] == null) {
        throw new IllegalStateException(
            "input '" + signature.inputs().get(i).name() + "' has no array: call input first");
      }
      if (!inputIo[i].floatsInPlace()) {
        inputIo[i].feedFloats(inputs[i], heldInputs[i]);
      }
    }
    plan.run(live);
    for (int i = 0; i < outputs.length; i++) {
      if (outputs[i] != null && !outputIo[i].floatsInPlace()) {
        outputIo[i].readFloats(heldOutputs[i], outputs[i]);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
