package io.edgeinfer.quantize.quant;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Shape;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteBuffer;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteModelBuilder;
import io.edgeinfer.lite.format.OpVersions;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.quantize.convert.LiteGraph;
import io.edgeinfer.quantize.convert.Op;
import io.edgeinfer.quantize.convert.Value;
import io.edgeinfer.quantize.graph.Constant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link LiteGraph} as a TFLite model in one {@link Mode}: float32 as it is; float16 with
 * every float constant stored as halves behind a DEQUANTIZE; dynamic-int8 with int8 weights (per
 * output channel in convolutions, per tensor in FULLY_CONNECTED) in float ops; int8 with the same
 * weights, int32 biases and int8 activations, QUANTIZE and DEQUANTIZE at the edges unless the
 * caller wants int8 in and out. Operator versions follow TFLite's ({@link OpVersions}).
 */
public final class ModelEmitter {
  private final LiteGraph source;
  private final Mode mode;
  private final Map<Integer, QuantParams> activations;
  private final boolean int8Io;
  private final boolean perTensor;
  private final LiteModelBuilder builder;
  private final LiteModelBuilder.Graph graph;
  private final int[] tensors;
  private final Map<String, Integer> constants = new HashMap<>();
  private final java.util.Set<Integer> floatValues = new java.util.HashSet<>();
  private final Map<Integer, Integer> quantizedTwins = new HashMap<>();
  private final Map<Integer, WeightError> weightErrors = new LinkedHashMap<>();
  private final Map<Integer, QuantizedWeights> quantizedWeights = new HashMap<>();

  /** What quantizing one layer's weights cost, for the report. */
  public record WeightError(String layer, int count, float maxAbsError, float maxAbsWeight) {}

  private ModelEmitter(
      LiteGraph source,
      Mode mode,
      Map<Integer, QuantParams> activations,
      boolean int8Io,
      boolean perTensor) {
    this.source = source;
    this.mode = mode;
    this.activations = activations;
    this.int8Io = int8Io;
    this.perTensor = perTensor;
    this.builder = new LiteModelBuilder().description("edgeinfer quantize " + mode.label());
    this.graph = builder.graph("main");
    this.tensors = new int[source.values().size()];
    java.util.Arrays.fill(tensors, -1);
  }

  /** The model, and the weight errors it introduced. */
  public record Emitted(LiteModel model, List<WeightError> weightErrors) {}

  /**
   * @param activations int8 parameters of every activation (mode int8 only, else empty)
   */
  public static Emitted emit(
      LiteGraph source,
      Mode mode,
      Map<Integer, QuantParams> activations,
      boolean int8Io,
      boolean perTensor) {
    ModelEmitter emitter = new ModelEmitter(source, mode, activations, int8Io, perTensor);
    LiteModel model = emitter.build(false);
    return new Emitted(model, List.copyOf(emitter.weightErrors.values()));
  }

  /**
   * The float32 model with every activation also an output (named {@code v<id>}), for calibration:
   * outputs are never overwritten by the planner's buffer reuse.
   */
  public static LiteModel calibration(LiteGraph source) {
    return new ModelEmitter(source, Mode.FLOAT32, Map.of(), false, false).build(true);
  }

  /** The model in a mode with every activation also an output, to find where precision goes. */
  public static LiteModel exposed(
      LiteGraph source, Mode mode, Map<Integer, QuantParams> activations) {
    return new ModelEmitter(source, mode, activations, false, false).build(true);
  }

  /** The name an activation has in the calibration model. */
  public static String calibrationName(int value) {
    return "v" + value;
  }

  private LiteModel build(boolean exposeAll) {
    if (mode == Mode.INT8 && !int8Io) {
      findFloatPrefix();
    }
    for (Value value : source.values()) {
      if (!value.isConstant()) {
        tensors[value.id()] = activationTensor(value, value.name());
      }
    }
    Map<String, Integer> inputs = new LinkedHashMap<>();
    source.inputs().forEach((name, id) -> inputs.put(name, tensors[id]));
    for (Op op : source.ops()) {
      boolean floatOp = floatValues.contains(op.output());
      int[] in = new int[op.inputs().size()];
      for (int i = 0; i < in.length; i++) {
        int id = op.inputs().get(i);
        in[i] = id == Op.OMITTED ? -1 : tensorFor(op, i, id, floatOp);
      }
      graph.operator(op.op(), op.options(), in, tensors[op.output()]);
    }
    Map<String, Integer> outputs = new LinkedHashMap<>();
    if (exposeAll) {
      for (Value value : source.values()) {
        if (!value.isConstant() && value.isFloat()) {
          outputs.put(calibrationName(value.id()), tensors[value.id()]);
        }
      }
    } else {
      source.outputs().forEach((name, id) -> outputs.put(name, edgeOutput(name, id)));
    }
    graph.inputs(inputs.values().stream().mapToInt(Integer::intValue).toArray());
    graph.outputs(outputs.values().stream().mapToInt(Integer::intValue).toArray());
    builder.signature(source.signature(), graph, inputs, outputs);
    return OpVersions.apply(builder.build());
  }

  private int activationTensor(Value value, String name) {
    if (!value.isFloat()) {
      return graph.tensor(name, value.type(), value.shape());
    }
    if (mode != Mode.INT8 || floatValues.contains(value.id())) {
      return graph.tensor(name, DataType.FLOAT32, value.shape());
    }
    QuantParams params = activations.get(value.id());
    if (params == null) {
      throw new IllegalStateException("no calibrated range for " + value.name());
    }
    return graph.tensor(name, DataType.INT8, params, value.shape());
  }

  /**
   * The model's inputs and the element-wise ops on them with constants (the normalization a trained
   * model starts with) stay float: features of very different scales would lose their small ones to
   * one int8 scale. The first weighted layer reads a QUANTIZE of the result.
   */
  private void findFloatPrefix() {
    floatValues.addAll(source.inputs().values());
    for (Op op : source.ops()) {
      boolean elementwise =
          op.op() == BuiltinOperator.ADD
              || op.op() == BuiltinOperator.SUB
              || op.op() == BuiltinOperator.MUL;
      if (!elementwise || op.inputs().size() != 2) {
        continue;
      }
      int a = op.input(0);
      int b = op.input(1);
      boolean aFloat = floatValues.contains(a);
      boolean bFloat = floatValues.contains(b);
      boolean aConstant = source.value(a).isConstant();
      boolean bConstant = source.value(b).isConstant();
      if ((aFloat && bConstant) || (bFloat && aConstant)) {
        floatValues.add(op.output());
      }
    }
  }

  /** The int8 copy of a float value, quantized where an int8 op first needs it. */
  private int quantizedTwin(int id) {
    Integer known = quantizedTwins.get(id);
    if (known != null) {
      return known;
    }
    QuantParams params = activations.get(id);
    if (params == null) {
      throw new IllegalStateException("no calibrated range for " + source.value(id).name());
    }
    Value value = source.value(id);
    int twin = graph.tensor(value.name() + "/int8", DataType.INT8, params, value.shape());
    graph.operator(
        BuiltinOperator.QUANTIZE, new OperatorOptions.Quantize(), new int[] {tensors[id]}, twin);
    quantizedTwins.put(id, twin);
    return twin;
  }

  private int edgeOutput(String name, int id) {
    if (mode != Mode.INT8 || int8Io || !source.value(id).isFloat() || floatValues.contains(id)) {
      return tensors[id];
    }
    int floatOutput = graph.tensor(name, DataType.FLOAT32, source.value(id).shape());
    graph.operator(
        BuiltinOperator.DEQUANTIZE,
        new OperatorOptions.Dequantize(),
        new int[] {tensors[id]},
        floatOutput);
    return floatOutput;
  }

  private int tensorFor(Op op, int position, int id, boolean floatOp) {
    Value value = source.value(id);
    if (!value.isConstant()) {
      return floatValues.contains(id) && !floatOp && value.isFloat()
          ? quantizedTwin(id)
          : tensors[id];
    }
    Role role = Role.of(op, position);
    String key = id + "/" + role + (floatOp ? "/float" : "");
    Integer known = constants.get(key);
    if (known != null) {
      return known;
    }
    int tensor =
        floatOp
            ? graph.constant(
                value.name(),
                DataType.FLOAT32,
                Shape.of(value.shape()),
                LiteBuffer.ofFloats(value.constant().floats()))
            : constantTensor(op, role, value);
    constants.put(key, tensor);
    return tensor;
  }

  private int constantTensor(Op op, Role role, Value value) {
    Constant c = value.constant();
    Shape shape = Shape.of(c.shape());
    if (!c.isFloat()) {
      int[] ints = new int[c.size()];
      for (int i = 0; i < ints.length; i++) {
        ints[i] = Math.toIntExact(c.longs()[i]);
      }
      return graph.constant(value.name(), DataType.INT32, shape, LiteBuffer.ofInts(ints));
    }
    return switch (mode) {
      case FLOAT32 ->
          graph.constant(value.name(), DataType.FLOAT32, shape, LiteBuffer.ofFloats(c.floats()));
      case FLOAT16 -> half(value, shape);
      case DYNAMIC_INT8 ->
          role.isWeights()
              ? int8Weights(op, role, value, shape)
              : graph.constant(
                  value.name(), DataType.FLOAT32, shape, LiteBuffer.ofFloats(c.floats()));
      case INT8 ->
          switch (role) {
            case WEIGHTS, DEPTHWISE_WEIGHTS -> int8Weights(op, role, value, shape);
            case BIAS -> int32Bias(op, value, shape);
            case OTHER -> int8Operand(value, shape, sameParams(op));
          };
    };
  }

  private int half(Value value, Shape shape) {
    int halves =
        graph.constant(
            value.name() + "/fp16",
            DataType.FLOAT16,
            shape,
            LiteBuffer.ofHalfs(value.constant().floats()));
    int widened = graph.tensor(value.name(), DataType.FLOAT32, shape.dims());
    graph.operator(
        BuiltinOperator.DEQUANTIZE, new OperatorOptions.Dequantize(), new int[] {halves}, widened);
    return widened;
  }

  /** The weights in int8, quantized once (the bias of their layer needs their scales too). */
  private QuantizedWeights quantized(Op op, Role role, Value value) {
    QuantizedWeights known = quantizedWeights.get(value.id());
    if (known != null) {
      return known;
    }
    int axis = role == Role.DEPTHWISE_WEIGHTS ? 3 : 0;
    float[] weights = value.constant().floats();
    QuantizedWeights q =
        QuantizedWeights.of(weights, value.shape(), axis, perTensor || perTensorBySpec(op));
    float maxWeight = 0;
    for (float w : weights) {
      maxWeight = Math.max(maxWeight, Math.abs(w));
    }
    weightErrors.put(
        value.id(),
        new WeightError(op.layer(), weights.length, q.maxError(weights, value.shape()), maxWeight));
    quantizedWeights.put(value.id(), q);
    return q;
  }

  /**
   * TFLite's quantization spec gives FULLY_CONNECTED one weight scale per tensor (int8 version 4,
   * hybrid version 3); per-channel ones came later (hybrid version 12) and TFLite 2.6 reads only
   * the first scale of them, so they are written per tensor for every runtime to agree.
   */
  private static boolean perTensorBySpec(Op op) {
    return op.op() == BuiltinOperator.FULLY_CONNECTED;
  }

  private int int8Weights(Op op, Role role, Value value, Shape shape) {
    QuantizedWeights q = quantized(op, role, value);
    long[] zeros = new long[q.scales().length];
    QuantParams params = QuantParams.perAxis(q.scales(), zeros, q.axis());
    return graph.constant(value.name(), DataType.INT8, shape, LiteBuffer.of(q.values()), params);
  }

  /** int32 with scale input scale x weight scale per channel, zero point 0. */
  private int int32Bias(Op op, Value value, Shape shape) {
    QuantParams input = activations.get(op.input(0));
    QuantizedWeights q = quantized(op, Role.of(op, 1), source.value(op.input(1)));
    float[] bias = value.constant().floats();
    float[] scales = new float[bias.length];
    int[] ints = new int[bias.length];
    for (int c = 0; c < bias.length; c++) {
      float weightScale = q.scales().length == 1 ? q.scales()[0] : q.scales()[c];
      scales[c] = input.scale(0) * weightScale;
      ints[c] =
          (int)
              Math.max(
                  Integer.MIN_VALUE,
                  Math.min(Integer.MAX_VALUE, Math.round((double) bias[c] / scales[c])));
    }
    QuantParams params =
        scales.length == 1 || q.scales().length == 1
            ? QuantParams.perTensor(scales[0], 0)
            : QuantParams.perAxis(scales, new long[scales.length], 0);
    return graph.constant(value.name(), DataType.INT32, shape, LiteBuffer.ofInts(ints), params);
  }

  /** A float constant operand of an element-wise op: asymmetric int8 over its own range. */
  /**
   * The parameters a constant operand must share with the op's output (MAXIMUM, MINIMUM compare raw
   * int8 values, so TFLite requires one quantization for all); null where it may have its own.
   */
  private QuantParams sameParams(Op op) {
    return op.op() == BuiltinOperator.MAXIMUM || op.op() == BuiltinOperator.MINIMUM
        ? activations.get(op.output())
        : null;
  }

  private int int8Operand(Value value, Shape shape, QuantParams shared) {
    float[] floats = value.constant().floats();
    float min = 0;
    float max = 0;
    for (float f : floats) {
      min = Math.min(min, f);
      max = Math.max(max, f);
    }
    float[] p =
        shared == null
            ? new Range(min, max).int8Params()
            : new float[] {shared.scale(0), shared.zeroPoint(0)};
    byte[] q = new byte[floats.length];
    for (int i = 0; i < floats.length; i++) {
      q[i] = (byte) Math.max(-128, Math.min(127, Math.round(floats[i] / p[0] + p[1])));
    }
    return graph.constant(
        value.name(),
        DataType.INT8,
        shape,
        LiteBuffer.of(q),
        QuantParams.perTensor(p[0], (long) p[1]));
  }

  /** What a constant is to the op that reads it. */
  enum Role {
    WEIGHTS,
    DEPTHWISE_WEIGHTS,
    BIAS,
    OTHER;

    static Role of(Op op, int position) {
      boolean weighted =
          op.op() == BuiltinOperator.FULLY_CONNECTED
              || op.op() == BuiltinOperator.CONV_2D
              || op.op() == BuiltinOperator.DEPTHWISE_CONV_2D;
      if (!weighted || position == 0) {
        return OTHER;
      }
      if (position == 2) {
        return BIAS;
      }
      return op.op() == BuiltinOperator.DEPTHWISE_CONV_2D ? DEPTHWISE_WEIGHTS : WEIGHTS;
    }

    boolean isWeights() {
      return this == WEIGHTS || this == DEPTHWISE_WEIGHTS;
    }
  }
}
