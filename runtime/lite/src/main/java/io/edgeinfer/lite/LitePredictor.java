package io.edgeinfer.lite;

import io.edgeinfer.core.BoundCall;
import io.edgeinfer.core.DataType;
import io.edgeinfer.core.FixedBatch;
import io.edgeinfer.core.InputValidator;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.OpTime;
import io.edgeinfer.core.OpTimer;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.lite.format.LiteTensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one signature. Keeps a {@link Plan} for the last input shapes and re-plans only when they
 * change, so that repeated calls allocate nothing but the output tensors. Calls are serialized.
 * Quantized inputs and outputs are float32 for the caller ({@link TensorIo}); inputs given in the
 * model's own type are fed raw, and outputs come back raw when the model was loaded with {@link
 * LoadOptions#rawOutputs()}.
 */
final class LitePredictor implements Predictor {
  private final LiteRuntimeModel model;
  private final Signature signature;
  private final Program program;
  private final int[] inputTensors;
  private final int[] outputTensors;

  /** For each signature input, its position among the subgraph's inputs. */
  private final int[] inputPositions;

  /** The quantization of each quantized input and output, else null (fed and read as is). */
  private final TensorIo[] inputIo;

  private final TensorIo[] outputIo;

  /** The signature with each quantized input typed as it is held, for raw inputs. */
  private final Signature rawInputs;

  private final int[][] asked;
  private Plan plan;

  LitePredictor(
      LiteRuntimeModel model,
      Signature signature,
      LiteRuntimeModel.Entry entry,
      LoadOptions options)
      throws ModelException {
    this.model = model;
    this.signature = signature;
    this.program = entry.program();
    this.inputTensors = entry.inputTensors();
    this.outputTensors = entry.outputTensors();
    List<Integer> graphInputs = program.graph.inputs();
    this.inputPositions = new int[inputTensors.length];
    this.inputIo = new TensorIo[inputTensors.length];
    List<TensorSpec> rawSpecs = new ArrayList<>();
    for (int i = 0; i < inputTensors.length; i++) {
      inputPositions[i] = graphInputs.indexOf(inputTensors[i]);
      LiteTensor tensor = program.graph.tensor(inputTensors[i]);
      inputIo[i] = TensorIo.of(tensor, false);
      TensorSpec spec = signature.inputs().get(i);
      rawSpecs.add(new TensorSpec(spec.name(), tensor.type(), spec.shape()));
    }
    this.rawInputs = new Signature(signature.name(), rawSpecs, signature.outputs());
    this.outputIo = new TensorIo[outputTensors.length];
    for (int i = 0; i < outputTensors.length; i++) {
      outputIo[i] = TensorIo.of(program.graph.tensor(outputTensors[i]), options.rawOutputs());
    }
    this.asked = new int[graphInputs.size()][];
  }

  @Override
  public Signature signature() {
    return signature;
  }

  @Override
  public Map<String, DataType> rawInputTypes() {
    Map<String, DataType> raw = new LinkedHashMap<>();
    for (int i = 0; i < inputIo.length; i++) {
      if (inputIo[i].quantized()) {
        raw.put(rawInputs.inputs().get(i).name(), rawInputs.inputs().get(i).dataType());
      }
    }
    return raw;
  }

  @Override
  public Map<String, Tensor> predict(Map<String, Tensor> inputs) throws ModelException {
    return FixedBatch.predict(signature, inputs, this::run);
  }

  private synchronized Map<String, Tensor> run(Map<String, Tensor> inputs) throws ModelException {
    model.wakeThreads();
    prepare(inputs);
    plan.run(program);
    return outputs();
  }

  @Override
  public Optional<OpTimer> opTimer() {
    return Optional.of(this::runTimed);
  }

  /** One prediction with a clock around each step (for {@code bench --per-op}). */
  private synchronized List<OpTime> runTimed(Map<String, Tensor> inputs) throws ModelException {
    model.wakeThreads();
    prepare(inputs);
    long[] nanos = new long[plan.steps.size()];
    plan.run(nanos);
    List<OpTime> times = new ArrayList<>(nanos.length);
    for (int s = 0; s < nanos.length; s++) {
      int step = plan.programIndex[s];
      int[] out = plan.shapes[plan.steps.get(s).outputs()[0]];
      times.add(
          new OpTime(
              program.operatorOf[step],
              plan.steps.get(s).op(),
              Shape.of(out),
              OpWork.macs(program, step, plan.shapes),
              nanos[s]));
    }
    return times;
  }

  @Override
  public BoundCall bind(Map<String, Shape> inputShapes) throws ModelException {
    model.checkOpen();
    return new LiteBoundCall(
        model,
        program,
        signature,
        inputTensors,
        outputTensors,
        inputPositions,
        inputIo,
        outputIo,
        inputShapes);
  }

  /** Checks the inputs, re-plans when their shapes changed, and feeds them to the plan. */
  private void prepare(Map<String, Tensor> inputs) throws ModelException {
    InputValidator.validate(typedAsGiven(inputs), inputs);
    model.checkOpen();
    List<TensorSpec> specs = signature.inputs();
    boolean replan = plan == null;
    for (int i = 0; i < specs.size(); i++) {
      Shape shape = inputs.get(specs.get(i).name()).shape();
      int[] previous = asked[inputPositions[i]];
      if (!sameShape(previous, shape)) {
        asked[inputPositions[i]] = shape.dims();
        replan = true;
      }
    }
    if (replan) {
      plan = null;
      int[][] shapes = new int[asked.length][];
      for (int i = 0; i < asked.length; i++) {
        shapes[i] = asked[i].clone();
      }
      plan = Plan.of(program, shapes);
    }
    for (int i = 0; i < specs.size(); i++) {
      inputIo[i].feed(inputs.get(specs.get(i).name()), plan.buffers[inputTensors[i]]);
    }
  }

  private Map<String, Tensor> outputs() {
    Map<String, Tensor> outputs = new LinkedHashMap<>();
    List<TensorSpec> outSpecs = signature.outputs();
    for (int i = 0; i < outSpecs.size(); i++) {
      int t = outputTensors[i];
      outputs.put(outSpecs.get(i).name(), outputIo[i].read(plan.buffers[t], plan.shapes[t]));
    }
    return outputs;
  }

  private static boolean sameShape(int[] dims, Shape shape) {
    if (dims == null || dims.length != shape.rank()) {
      return false;
    }
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] != shape.dim(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The signature to check inputs against: quantized inputs are float32, or raw when the caller
   * gives them in the type the model holds (e.g. uint8 pixels, int8 from an NPY file).
   */
  private Signature typedAsGiven(Map<String, Tensor> inputs) {
    List<TensorSpec> specs = signature.inputs();
    for (int i = 0; i < specs.size(); i++) {
      Tensor given = inputs.get(specs.get(i).name());
      if (inputIo[i].quantized()
          && given != null
          && given.dataType() == rawInputs.inputs().get(i).dataType()) {
        return rawInputs;
      }
    }
    return signature;
  }

  /** The current plan, for tests of re-planning. */
  synchronized Plan plan() {
    return plan;
  }

  @Override
  public void close() {
    plan = null;
  }
}
