package io.edgeinfer.lite;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.FixedBatch;
import io.edgeinfer.core.InputValidator;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.kernels.Quant;
import io.edgeinfer.lite.kernels.Shapes;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one signature. Keeps a {@link Plan} for the last input shapes and re-plans only when they
 * change, so that repeated calls allocate nothing but the output tensors. Calls are serialized.
 * Int8 outputs are dequantized, or copied as int8 tensors when the model was loaded with {@link
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

  /** The quantization of each int8 input and output, else null. */
  private final Quant[] inputQuant;

  private final Quant[] outputQuant;
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
    this.inputQuant = new Quant[inputTensors.length];
    for (int i = 0; i < inputTensors.length; i++) {
      inputPositions[i] = graphInputs.indexOf(inputTensors[i]);
      inputQuant[i] = quantOf(program.graph.tensor(inputTensors[i]));
    }
    this.outputQuant = new Quant[outputTensors.length];
    for (int i = 0; i < outputTensors.length; i++) {
      // Raw int8 outputs: no quantization to undo, the bytes are copied as they are.
      outputQuant[i] =
          options.rawOutputs() ? null : quantOf(program.graph.tensor(outputTensors[i]));
    }
    this.asked = new int[graphInputs.size()][];
  }

  private static Quant quantOf(LiteTensor tensor) throws ModelException {
    if (!Program.isInt8(tensor)) {
      return null;
    }
    try {
      return new Quant(tensor.quantization().scale(0), (int) tensor.quantization().zeroPoint(0));
    } catch (IllegalArgumentException e) {
      throw new ModelException(tensor + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Signature signature() {
    return signature;
  }

  @Override
  public Map<String, Tensor> predict(Map<String, Tensor> inputs) throws ModelException {
    return FixedBatch.predict(signature, inputs, this::run);
  }

  private synchronized Map<String, Tensor> run(Map<String, Tensor> inputs) throws ModelException {
    InputValidator.validate(signature, inputs);
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
      feed(inputs.get(specs.get(i).name()), inputTensors[i], inputQuant[i]);
    }
    plan.run(program);
    Map<String, Tensor> outputs = new LinkedHashMap<>();
    List<TensorSpec> outSpecs = signature.outputs();
    for (int i = 0; i < outSpecs.size(); i++) {
      outputs.put(outSpecs.get(i).name(), read(outputTensors[i], outputQuant[i]));
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

  private void feed(Tensor tensor, int t, Quant quant) {
    ByteBuffer data = tensor.data();
    int size = tensor.size();
    Object buffer = plan.buffers[t];
    if (quant != null) {
      byte[] bytes = (byte[]) buffer;
      for (int k = 0; k < size; k++) {
        bytes[k] = quant.quantize(data.getFloat(4 * k));
      }
    } else {
      // One bulk copy: the tensor's bytes are little-endian, as the view reads them.
      data.asFloatBuffer().get((float[]) buffer, 0, size);
    }
  }

  private Tensor read(int t, Quant quant) {
    int[] shape = plan.shapes[t];
    int size = Shapes.size(shape);
    Object buffer = plan.buffers[t];
    if (buffer instanceof int[] ints) {
      return Tensor.ofInts(Arrays.copyOf(ints, size), shape);
    }
    if (buffer instanceof long[] longs) {
      return Tensor.ofLongs(Arrays.copyOf(longs, size), shape);
    }
    float[] values;
    if (quant != null) {
      byte[] bytes = (byte[]) buffer;
      values = new float[size];
      for (int k = 0; k < size; k++) {
        values[k] = quant.dequantize(bytes[k]);
      }
    } else if (buffer instanceof byte[] bytes) {
      return Tensor.ofBytes(DataType.INT8, Arrays.copyOf(bytes, size), shape);
    } else {
      values = Arrays.copyOf((float[]) buffer, size);
    }
    return Tensor.ofFloats(values, shape);
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
