package io.edgeinfer.lite.format;

import io.edgeinfer.core.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The version TensorFlow Lite's own converter gives an operator for what it uses (its tensors'
 * types, per-channel weights, options), following TFLite's operator versioning rules. A runtime
 * picks its kernel by (operator, version): an int8 FULLY_CONNECTED marked version 1 is run as a
 * float/uint8 one by TensorFlow Lite 2.x, so writing the right version is what makes a file run the
 * same everywhere. Only the operators edgeinfer writes are covered; the rest stay at 1. A unit's
 * tests build models at version 1 and {@link #apply} sets them when a file is written.
 */
public final class OpVersions {
  private OpVersions() {}

  /**
   * The model with every builtin operator's code at the version its use calls for (never lower than
   * the one it has); one kind of operator used at different versions gets one code each, as the
   * converter writes them.
   */
  public static LiteModel apply(LiteModel model) {
    List<LiteOpCode> codes = new ArrayList<>();
    List<LiteSubgraph> subgraphs = new ArrayList<>();
    for (LiteSubgraph graph : model.subgraphs()) {
      List<LiteOperator> operators = new ArrayList<>();
      for (LiteOperator op : graph.operators()) {
        LiteOpCode code = versioned(model.opCode(op), graph, op);
        int index = codes.indexOf(code);
        if (index < 0) {
          codes.add(code);
          index = codes.size() - 1;
        }
        operators.add(new LiteOperator(index, op.inputs(), op.outputs(), op.options()));
      }
      subgraphs.add(
          new LiteSubgraph(
              graph.name(), graph.tensors(), graph.inputs(), graph.outputs(), operators));
    }
    return MinRuntimeVersion.attach(
        new LiteModel(
            model.version(),
            model.description(),
            codes,
            subgraphs,
            model.buffers(),
            model.metadata(),
            model.signatures()));
  }

  private static LiteOpCode versioned(LiteOpCode code, LiteSubgraph graph, LiteOperator op) {
    if (code.isCustom() || code.builtin().isEmpty()) {
      return code;
    }
    BuiltinOperator builtin = code.builtin().get();
    int version =
        of(builtin, op.options(), tensors(graph, op.inputs()), tensors(graph, op.outputs()));
    return LiteOpCode.of(builtin, Math.max(code.version(), version));
  }

  private static List<LiteTensor> tensors(LiteSubgraph graph, List<Integer> indices) {
    List<LiteTensor> out = new ArrayList<>();
    for (int index : indices) {
      out.add(index >= 0 ? graph.tensor(index) : null);
    }
    return out;
  }

  /**
   * @param inputs the operator's input tensors, {@code null} where an optional input is omitted
   * @param outputs its output tensors
   */
  public static int of(
      BuiltinOperator op,
      OperatorOptions options,
      List<LiteTensor> inputs,
      List<LiteTensor> outputs) {
    DataType in = type(inputs, 0);
    DataType second = type(inputs, 1);
    DataType out = type(outputs, 0);
    boolean int8 = in == DataType.INT8;
    boolean hybrid = in == DataType.FLOAT32 && second == DataType.INT8 && out == DataType.FLOAT32;
    boolean quantized = int8 && second == DataType.INT8 && out == DataType.INT8;
    return switch (op) {
      case FULLY_CONNECTED -> fullyConnected(options, inputs, quantized, hybrid);
      case CONV_2D -> quantized ? 3 : hybrid ? (perChannel(inputs.get(1)) ? 5 : 2) : 1;
      case DEPTHWISE_CONV_2D -> depthwise(options, inputs, quantized, hybrid);
      case MUL -> int8 ? (rescaleAtLeastOne(inputs, outputs) ? 3 : 2) : 1;
      case DEQUANTIZE -> in == DataType.FLOAT16 ? 3 : int8 ? 2 : 1;
      case ADD,
          SUB,
          AVERAGE_POOL_2D,
          MAX_POOL_2D,
          CONCATENATION,
          SOFTMAX,
          MEAN,
          SUM,
          REDUCE_MAX,
          REDUCE_MIN,
          RELU,
          RELU6,
          PAD,
          LOGISTIC,
          TANH,
          ARG_MAX,
          ARG_MIN,
          MAXIMUM,
          MINIMUM,
          TRANSPOSE,
          STRIDED_SLICE,
          SPLIT,
          RESIZE_BILINEAR,
          RESIZE_NEAREST_NEIGHBOR ->
          int8 ? 2 : 1;
      default -> 1;
    };
  }

  private static int fullyConnected(
      OperatorOptions options, List<LiteTensor> inputs, boolean quantized, boolean hybrid) {
    OperatorOptions.FullyConnected fc =
        options instanceof OperatorOptions.FullyConnected f
            ? f
            : new OperatorOptions.FullyConnected(Activation.NONE);
    if (hybrid && perChannel(inputs.get(1))) {
      return 12;
    }
    if (inputs.size() == 2) {
      return 6;
    }
    if (fc.keepNumDims()) {
      return 5;
    }
    if (quantized) {
      return 4;
    }
    if (hybrid) {
      return fc.asymmetricQuantizeInputs() ? 9 : 3;
    }
    return fc.weightsFormat() == OperatorOptions.FullyConnected.WeightsFormat.SHUFFLED4X16INT8
        ? 2
        : 1;
  }

  private static int depthwise(
      OperatorOptions options, List<LiteTensor> inputs, boolean quantized, boolean hybrid) {
    if (hybrid) {
      return perChannel(inputs.get(1)) ? 6 : 4;
    }
    if (quantized) {
      return 3;
    }
    boolean dilated =
        options instanceof OperatorOptions.DepthwiseConv2D d
            && (d.dilationW() != 1 || d.dilationH() != 1);
    return dilated ? 2 : 1;
  }

  /** TFLite's int8 MUL needs version 3 when input1 × input2 / output scale is 1 or more. */
  private static boolean rescaleAtLeastOne(List<LiteTensor> inputs, List<LiteTensor> outputs) {
    if (inputs.size() < 2 || inputs.get(1) == null || outputs.isEmpty()) {
      return false;
    }
    QuantParams a = inputs.get(0).quantization();
    QuantParams b = inputs.get(1).quantization();
    QuantParams o = outputs.get(0).quantization();
    if (!a.isQuantized() || !b.isQuantized() || !o.isQuantized()) {
      return false;
    }
    return (double) a.scale(0) * b.scale(0) / o.scale(0) >= 1.0;
  }

  private static boolean perChannel(LiteTensor weights) {
    return weights != null && weights.quantization().isPerAxis();
  }

  private static DataType type(List<LiteTensor> tensors, int index) {
    return index < tensors.size() && tensors.get(index) != null ? tensors.get(index).type() : null;
  }
}
