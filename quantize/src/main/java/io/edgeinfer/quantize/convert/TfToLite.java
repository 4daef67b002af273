package io.edgeinfer.quantize.convert;

import io.edgeinfer.lite.format.Activation;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.Padding;
import io.edgeinfer.quantize.graph.Constant;
import io.edgeinfer.quantize.graph.ConversionException;
import io.edgeinfer.quantize.graph.FrozenGraph;
import io.edgeinfer.quantize.graph.TensorRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * Maps a frozen TensorFlow graph to TFLite builtin operators, node by node in graph order. A matrix
 * multiplication or convolution takes the bias add, batch normalization and ReLU that follow it
 * when nothing else reads the tensors between them. Every op without a mapping is collected, so one
 * error names them all.
 */
public final class TfToLite {
  private final FrozenGraph graph;
  private final LiteGraph out;
  private final Map<String, Integer> values = new HashMap<>();
  private final Map<String, List<NodeDef>> consumers = new HashMap<>();
  private final Set<String> signatureOutputs = new HashSet<>();
  private final Set<String> absorbed = new HashSet<>();
  private final Map<String, List<String>> unsupported = new LinkedHashMap<>();

  /** Shapes worked out here where TensorFlow's inference left more than one dimension unknown. */
  private final Map<String, int[]> resolvedShapes = new HashMap<>();

  private TfToLite(FrozenGraph graph) {
    this.graph = graph;
    this.out = new LiteGraph(graph.signature());
    for (NodeDef node : graph.nodes().values()) {
      for (String input : node.getInputList()) {
        consumers.computeIfAbsent(canonical(input), k -> new ArrayList<>()).add(node);
      }
    }
    graph.outputs().values().forEach(ref -> signatureOutputs.add(ref.toString()));
  }

  /**
   * @throws ConversionException naming every TensorFlow op (and its nodes) that has no mapping
   */
  public static LiteGraph convert(FrozenGraph graph) throws ConversionException {
    return new TfToLite(graph).run();
  }

  private LiteGraph run() throws ConversionException {
    graph
        .inputs()
        .forEach(
            (name, ref) -> {
              int id = out.activation(name, shape(ref.toString()));
              values.put(ref.toString(), id);
              out.input(name, id);
            });
    for (NodeDef node : graph.nodes().values()) {
      if (node.getOp().equals("Reshape") && constant(node.getInput(1)) == null) {
        resolveFlatten(node);
      }
    }
    for (NodeDef node : graph.nodes().values()) {
      if (!absorbed.contains(node.getName())
          && !node.getOp().equals("Const")
          && !node.getOp().equals("Placeholder")) {
        map(node);
      }
    }
    if (!unsupported.isEmpty()) {
      List<String> parts = new ArrayList<>();
      unsupported.forEach((op, nodes) -> parts.add(op + " (" + String.join(", ", nodes) + ")"));
      throw new ConversionException(
          "cannot convert signature "
              + graph.signature()
              + ": no TFLite mapping for the TensorFlow ops "
              + String.join("; ", parts));
    }
    for (Map.Entry<String, TensorRef> output : graph.outputs().entrySet()) {
      Integer id = values.get(output.getValue().toString());
      if (id == null) {
        id = operand(output.getValue().toString());
      }
      out.output(output.getKey(), id);
    }
    return out;
  }

  private void map(NodeDef node) {
    if (!isFloat(node)) {
      unsupported(node, node.getOp() + "[" + type(node) + "]");
      return;
    }
    switch (node.getOp()) {
      case "MatMul" -> matMul(node);
      case "Conv2D" -> conv2d(node);
      case "DepthwiseConv2dNative" -> depthwise(node);
      case "BiasAdd", "Add", "AddV2" -> binary(node, BuiltinOperator.ADD);
      case "Sub" -> binary(node, BuiltinOperator.SUB);
      case "Mul" -> binary(node, BuiltinOperator.MUL);
      case "RealDiv", "Div" -> divide(node);
      case "Maximum" -> compare(node, BuiltinOperator.MAXIMUM);
      case "Minimum" -> compare(node, BuiltinOperator.MINIMUM);
      case "Relu" -> unary(node, BuiltinOperator.RELU, new OperatorOptions.None());
      case "Relu6" -> unary(node, BuiltinOperator.RELU6, new OperatorOptions.None());
      case "Sigmoid" -> unary(node, BuiltinOperator.LOGISTIC, new OperatorOptions.None());
      case "Tanh" -> unary(node, BuiltinOperator.TANH, new OperatorOptions.None());
      case "Softmax" -> unary(node, BuiltinOperator.SOFTMAX, new OperatorOptions.Softmax(1f));
      case "LeakyRelu" ->
          unary(
              node,
              BuiltinOperator.LEAKY_RELU,
              new OperatorOptions.LeakyRelu(attr(node, "alpha").getF()));
      case "MaxPool", "MaxPoolV2" -> pool(node, BuiltinOperator.MAX_POOL_2D);
      case "AvgPool" -> pool(node, BuiltinOperator.AVERAGE_POOL_2D);
      case "Mean" -> reduce(node, BuiltinOperator.MEAN);
      case "Max" -> reduce(node, BuiltinOperator.REDUCE_MAX);
      case "Reshape", "Squeeze", "ExpandDims" -> reshape(node);
      case "ConcatV2" -> concat(node);
      case "Pad", "PadV2" -> pad(node);
      case "FusedBatchNorm", "FusedBatchNormV2", "FusedBatchNormV3" -> batchNorm(node);
      case "ArgMax" -> argMax(node);
      case "ResizeBilinear" -> resize(node, BuiltinOperator.RESIZE_BILINEAR);
      case "ResizeNearestNeighbor" -> resize(node, BuiltinOperator.RESIZE_NEAREST_NEIGHBOR);
      default -> unsupported(node, node.getOp());
    }
  }

  // Fully-connected and convolutions, with what follows them folded in.

  private void matMul(NodeDef node) {
    Constant weights = constant(node.getInput(1));
    if (!available(node.getInput(0)) && weights != null) {
      return; // after an op without a mapping: that op is named, not this one
    }
    if (attr(node, "transpose_a").getB() || weights == null || !available(node.getInput(0))) {
      unsupported(node, "MatMul (of two computed tensors or a transposed input)");
      return;
    }
    boolean transposed = attr(node, "transpose_b").getB();
    int rows = weights.shape()[0];
    int cols = weights.shape()[1];
    int outputs = transposed ? rows : cols;
    int inputs = transposed ? cols : rows;
    float[] w = new float[outputs * inputs];
    for (int i = 0; i < inputs; i++) {
      for (int o = 0; o < outputs; o++) {
        w[o * inputs + i] =
            transposed ? weights.floats()[o * inputs + i] : weights.floats()[i * outputs + o];
      }
    }
    Layer layer = new Layer(node, new int[] {outputs, inputs}, w, outputs, 0);
    layer.finish(
        BuiltinOperator.FULLY_CONNECTED,
        activation -> new OperatorOptions.FullyConnected(activation));
  }

  private void conv2d(NodeDef node) {
    Constant filter = constant(node.getInput(1));
    if (!available(node.getInput(0)) && filter != null) {
      return; // after an op without a mapping: that op is named, not this one
    }
    if (filter == null || !nhwc(node) || padding(node) == null || !available(node.getInput(0))) {
      unsupported(node, "Conv2D (with a computed filter, NCHW or explicit padding)");
      return;
    }
    int kh = filter.shape()[0];
    int kw = filter.shape()[1];
    int in = filter.shape()[2];
    int outChannels = filter.shape()[3];
    float[] w = new float[outChannels * kh * kw * in];
    float[] f = filter.floats();
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int i = 0; i < in; i++) {
          for (int o = 0; o < outChannels; o++) {
            w[((o * kh + y) * kw + x) * in + i] = f[((y * kw + x) * in + i) * outChannels + o];
          }
        }
      }
    }
    int[] strides = ints(node, "strides");
    int[] dilations = dilations(node);
    Padding padding = padding(node);
    Layer layer = new Layer(node, new int[] {outChannels, kh, kw, in}, w, outChannels, 0);
    layer.finish(
        BuiltinOperator.CONV_2D,
        activation ->
            new OperatorOptions.Conv2D(
                padding, strides[2], strides[1], dilations[2], dilations[1], activation));
  }

  private void depthwise(NodeDef node) {
    Constant filter = constant(node.getInput(1));
    if (!available(node.getInput(0)) && filter != null) {
      return; // after an op without a mapping: that op is named, not this one
    }
    if (filter == null || !nhwc(node) || padding(node) == null || !available(node.getInput(0))) {
      unsupported(node, "DepthwiseConv2dNative (with a computed filter, NCHW or explicit padding)");
      return;
    }
    int kh = filter.shape()[0];
    int kw = filter.shape()[1];
    int in = filter.shape()[2];
    int multiplier = filter.shape()[3];
    // [kh, kw, in, multiplier] and TFLite's [1, kh, kw, in * multiplier] share one memory order.
    int[] strides = ints(node, "strides");
    int[] dilations = dilations(node);
    Padding padding = padding(node);
    Layer layer =
        new Layer(
            node,
            new int[] {1, kh, kw, in * multiplier},
            filter.floats().clone(),
            in * multiplier,
            3);
    layer.finish(
        BuiltinOperator.DEPTHWISE_CONV_2D,
        activation ->
            new OperatorOptions.DepthwiseConv2D(
                padding,
                strides[2],
                strides[1],
                multiplier,
                dilations[2],
                dilations[1],
                activation));
  }

  /** A weighted layer being assembled: its weights, bias, and the tensor it ends at. */
  private final class Layer {
    private final NodeDef node;
    private final int[] weightShape;
    private final float[] weights;
    private final float[] bias;
    private final int channelAxis;
    private String end;

    Layer(NodeDef node, int[] weightShape, float[] weights, int channels, int channelAxis) {
      this.node = node;
      this.weightShape = weightShape;
      this.weights = weights;
      this.bias = new float[channels];
      this.channelAxis = channelAxis;
      this.end = node.getName() + ":0";
    }

    void finish(
        BuiltinOperator op, java.util.function.Function<Activation, OperatorOptions> options) {
      absorbBiasAndNorm();
      Activation activation = absorbActivation();
      int w = out.constant(node.getName() + "/weights", Constant.ofFloats(weightShape, weights));
      int b =
          out.constant(node.getName() + "/bias", Constant.ofFloats(new int[] {bias.length}, bias));
      int x = values.get(canonical(node.getInput(0)));
      int y = out.activation(TensorRef.parse(end).node(), shape(end));
      out.add(new Op(op, options.apply(activation), List.of(x, w, b), y, node.getName()));
      values.put(end, y);
    }

    private void absorbBiasAndNorm() {
      while (true) {
        NodeDef next = soleConsumer(end);
        if (next == null) {
          return;
        }
        String op = next.getOp();
        if (op.equals("BiasAdd") || op.equals("Add") || op.equals("AddV2")) {
          String other = otherInput(next, end);
          Constant c = other == null ? null : constant(other);
          if (c == null || !c.isFloat() || c.size() != bias.length || !trailingChannels(c)) {
            return;
          }
          for (int o = 0; o < bias.length; o++) {
            bias[o] += c.floats()[o];
          }
        } else if (op.startsWith("FusedBatchNorm") && !attr(next, "is_training").getB()) {
          Constant scale = constant(next.getInput(1));
          Constant offset = constant(next.getInput(2));
          Constant mean = constant(next.getInput(3));
          Constant variance = constant(next.getInput(4));
          if (scale == null || offset == null || mean == null || variance == null) {
            return;
          }
          float epsilon = attr(next, "epsilon").getF();
          int channels = bias.length;
          int stride = channelAxis == 0 ? weights.length / channels : 1;
          for (int o = 0; o < channels; o++) {
            float s = scale.floats()[o] / (float) Math.sqrt(variance.floats()[o] + epsilon);
            bias[o] = (bias[o] - mean.floats()[o]) * s + offset.floats()[o];
            if (channelAxis == 0) {
              for (int k = 0; k < stride; k++) {
                weights[o * stride + k] *= s;
              }
            } else {
              for (int k = o; k < weights.length; k += channels) {
                weights[k] *= s;
              }
            }
          }
        } else {
          return;
        }
        absorbed.add(next.getName());
        end = next.getName() + ":0";
      }
    }

    private Activation absorbActivation() {
      NodeDef next = soleConsumer(end);
      Activation activation = next == null ? null : fusable(next);
      if (activation == null) {
        return Activation.NONE;
      }
      absorbed.add(next.getName());
      end = next.getName() + ":0";
      return activation;
    }
  }

  private static Activation fusable(NodeDef node) {
    return switch (node.getOp()) {
      case "Relu" -> Activation.RELU;
      case "Relu6" -> Activation.RELU6;
      default -> null;
    };
  }

  /** The one node reading a tensor, if exactly one does and the tensor is no signature output. */
  private NodeDef soleConsumer(String tensor) {
    List<NodeDef> readers = consumers.getOrDefault(tensor, List.of());
    if (readers.size() != 1 || signatureOutputs.contains(tensor)) {
      return null;
    }
    return readers.get(0);
  }

  private static String otherInput(NodeDef node, String tensor) {
    if (canonical(node.getInput(0)).equals(tensor)) {
      return node.getInput(1);
    }
    return canonical(node.getInput(1)).equals(tensor) ? node.getInput(0) : null;
  }

  /** A per-channel constant: every dimension but the last is 1. */
  private static boolean trailingChannels(Constant c) {
    for (int i = 0; i < c.shape().length - 1; i++) {
      if (c.shape()[i] != 1) {
        return false;
      }
    }
    return true;
  }

  // Element-wise and simple ops.

  private void binary(NodeDef node, BuiltinOperator op) {
    if (!available(node.getInput(0)) || !available(node.getInput(1))) {
      return;
    }
    elementwise(node, op, operand(node.getInput(0)), operand(node.getInput(1)));
  }

  /** An element-wise op of two values, taking the ReLU or ReLU6 that alone reads its result. */
  private void elementwise(NodeDef node, BuiltinOperator op, int a, int b) {
    String end = node.getName() + ":0";
    NodeDef next = soleConsumer(end);
    Activation activation = next == null ? null : fusable(next);
    if (activation != null) {
      absorbed.add(next.getName());
      end = next.getName() + ":0";
    } else {
      activation = Activation.NONE;
    }
    OperatorOptions options =
        switch (op) {
          case ADD -> new OperatorOptions.Add(activation);
          case SUB -> new OperatorOptions.Sub(activation);
          case DIV -> new OperatorOptions.Div(activation);
          default -> new OperatorOptions.Mul(activation);
        };
    emit(node, op, options, List.of(a, b), end);
  }

  /**
   * Division by a constant becomes MUL by its reciprocal (TFLite 2.6.2 and TFLite Micro have no
   * int8 DIV; in float the two differ by at most a rounding); by a computed tensor, DIV.
   */
  private void divide(NodeDef node) {
    Constant divisor = constant(node.getInput(1));
    if (divisor == null || !divisor.isFloat()) {
      binary(node, BuiltinOperator.DIV);
      return;
    }
    if (!available(node.getInput(0))) {
      return;
    }
    float[] reciprocal = new float[divisor.size()];
    for (int i = 0; i < reciprocal.length; i++) {
      reciprocal[i] = 1f / divisor.floats()[i];
    }
    int factor =
        out.constant(
            node.getName() + "/reciprocal", Constant.ofFloats(divisor.shape(), reciprocal));
    elementwise(node, BuiltinOperator.MUL, operand(node.getInput(0)), factor);
  }

  /** Maximum, Minimum (clip_by_value, a ReLU with a cap other than 6): no fused activation. */
  private void compare(NodeDef node, BuiltinOperator op) {
    if (available(node.getInput(0)) && available(node.getInput(1))) {
      emit(
          node,
          op,
          new OperatorOptions.None(),
          List.of(operand(node.getInput(0)), operand(node.getInput(1))),
          node.getName() + ":0");
    }
  }

  private void unary(NodeDef node, BuiltinOperator op, OperatorOptions options) {
    if (available(node.getInput(0))) {
      emit(node, op, options, List.of(operand(node.getInput(0))), node.getName() + ":0");
    }
  }

  private void pool(NodeDef node, BuiltinOperator op) {
    if (!nhwc(node) || padding(node) == null) {
      unsupported(node, node.getOp() + " (NCHW or explicit padding)");
      return;
    }
    if (!available(node.getInput(0))) {
      return;
    }
    int[] k = ints(node, "ksize");
    int[] s = ints(node, "strides");
    if (node.getOp().equals("MaxPoolV2")) {
      Constant ksize = constant(node.getInput(1));
      Constant strides = constant(node.getInput(2));
      if (ksize == null || strides == null) {
        unsupported(node, "MaxPoolV2 (with a computed window)");
        return;
      }
      k = ksize.ints();
      s = strides.ints();
    }
    emit(
        node,
        op,
        new OperatorOptions.Pool2D(padding(node), s[2], s[1], k[2], k[1], Activation.NONE),
        List.of(operand(node.getInput(0))),
        node.getName() + ":0");
  }

  /** Mean and Max over constant axes (global average and max pooling). */
  private void reduce(NodeDef node, BuiltinOperator op) {
    Constant axes = constant(node.getInput(1));
    if (axes == null) {
      unsupported(node, node.getOp() + " (over computed axes)");
      return;
    }
    if (!available(node.getInput(0))) {
      return;
    }
    int rank = shape(canonical(node.getInput(0))).length;
    long[] normalized = new long[axes.size()];
    for (int i = 0; i < normalized.length; i++) {
      long axis = axes.longs()[i];
      normalized[i] = axis < 0 ? axis + rank : axis;
    }
    int axesValue =
        out.constant(
            node.getName() + "/axes", Constant.ofLongs(new int[] {normalized.length}, normalized));
    emit(
        node,
        op,
        new OperatorOptions.Reducer(attr(node, "keep_dims").getB()),
        List.of(operand(node.getInput(0)), axesValue),
        node.getName() + ":0");
  }

  private void reshape(NodeDef node) {
    if (!available(node.getInput(0))) {
      return;
    }
    int[] target = shape(node.getName() + ":0");
    int unknown = 0;
    for (int d : target) {
      unknown += d < 0 ? 1 : 0;
    }
    if (unknown > 1) {
      unsupported(node, node.getOp() + " (to a shape with more than one unknown dimension)");
      return;
    }
    long[] dims = new long[target.length];
    List<Integer> newShape = new ArrayList<>();
    for (int i = 0; i < target.length; i++) {
      dims[i] = target[i];
      newShape.add(target[i]);
    }
    int shapeValue =
        out.constant(node.getName() + "/shape", Constant.ofLongs(new int[] {dims.length}, dims));
    emit(
        node,
        BuiltinOperator.RESHAPE,
        new OperatorOptions.Reshape(newShape),
        List.of(operand(node.getInput(0)), shapeValue),
        node.getName() + ":0");
  }

  /**
   * Keras Flatten of a tensor whose batch is unknown: {@code Reshape(x, Pack(StridedSlice(Shape(x),
   * [i], [i + 1]), ..., -1))}. Its target shape follows from x's own: each slice is x's dimension i
   * (unknown only for the batch), and the -1 takes the rest. The shape arithmetic is then absorbed
   * (the RESHAPE gets a constant shape), as TFLite's converter folds it.
   */
  private void resolveFlatten(NodeDef reshape) {
    NodeDef pack = graph.node(TensorRef.parse(reshape.getInput(1)).node());
    String data = canonical(reshape.getInput(0));
    int[] in = shape(data);
    if (pack == null || !pack.getOp().equals("Pack") || in.length == 0) {
      return;
    }
    List<NodeDef> feeders = new ArrayList<>(List.of(pack));
    int[] target = new int[pack.getInputCount()];
    int inferred = -1;
    int unknownFromInput = -1;
    for (int i = 0; i < target.length; i++) {
      Constant c = constant(pack.getInput(i));
      if (c != null && c.size() == 1 && !c.isFloat()) {
        target[i] = (int) c.longs()[0];
        if (target[i] == -1) {
          if (inferred >= 0) {
            return;
          }
          inferred = i;
        }
        continue;
      }
      NodeDef slice = graph.node(TensorRef.parse(pack.getInput(i)).node());
      NodeDef shapeOf =
          slice == null || !slice.getOp().equals("StridedSlice")
              ? null
              : graph.node(TensorRef.parse(slice.getInput(0)).node());
      Constant begin = slice == null ? null : constant(slice.getInput(1));
      Constant end = slice == null ? null : constant(slice.getInput(2));
      if (shapeOf == null
          || !shapeOf.getOp().equals("Shape")
          || !canonical(shapeOf.getInput(0)).equals(data)
          || begin == null
          || end == null
          || begin.size() != 1
          || end.longs()[0] != begin.longs()[0] + 1
          || attr(slice, "shrink_axis_mask").getI() != 1) {
        return;
      }
      int axis = (int) begin.longs()[0];
      if (axis < 0 || axis >= in.length) {
        return;
      }
      target[i] = in[axis];
      if (in[axis] < 0) {
        if (unknownFromInput >= 0) {
          return;
        }
        unknownFromInput = axis;
      }
      feeders.add(slice);
      feeders.add(shapeOf);
    }
    if (inferred >= 0) {
      long known = 1;
      for (int axis = 0; axis < in.length; axis++) {
        if (axis != unknownFromInput) {
          if (in[axis] < 0) {
            return;
          }
          known *= in[axis];
        }
      }
      long others = 1;
      for (int i = 0; i < target.length; i++) {
        others *= i == inferred || target[i] < 0 ? 1 : target[i];
      }
      if (others == 0 || known % others != 0) {
        return;
      }
      target[inferred] = (int) (known / others);
    }
    Set<String> names = new HashSet<>();
    feeders.forEach(n -> names.add(n.getName()));
    names.add(reshape.getName());
    for (NodeDef feeder : feeders) {
      for (NodeDef reader : consumers.getOrDefault(feeder.getName() + ":0", List.of())) {
        if (!names.contains(reader.getName())) {
          return; // the shape arithmetic is used elsewhere too: leave it to be named
        }
      }
    }
    feeders.forEach(n -> absorbed.add(n.getName()));
    resolvedShapes.put(reshape.getName() + ":0", target);
  }

  private void concat(NodeDef node) {
    int n = (int) attr(node, "N").getI();
    Constant axis = constant(node.getInput(n));
    if (axis == null) {
      unsupported(node, "ConcatV2 (along a computed axis)");
      return;
    }
    List<Integer> inputs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!available(node.getInput(i))) {
        return;
      }
      inputs.add(operand(node.getInput(i)));
    }
    int rank = shape(node.getName() + ":0").length;
    int a = (int) axis.longs()[0];
    emit(
        node,
        BuiltinOperator.CONCATENATION,
        new OperatorOptions.Concatenation(a < 0 ? a + rank : a, Activation.NONE),
        inputs,
        node.getName() + ":0");
  }

  private void pad(NodeDef node) {
    Constant paddings = constant(node.getInput(1));
    if (paddings == null || (node.getOp().equals("PadV2") && !isZero(constant(node.getInput(2))))) {
      unsupported(node, node.getOp() + " (computed paddings or a non-zero value)");
      return;
    }
    if (!available(node.getInput(0))) {
      return;
    }
    int p = out.constant(node.getName() + "/paddings", paddings);
    emit(
        node,
        BuiltinOperator.PAD,
        new OperatorOptions.Pad(),
        List.of(operand(node.getInput(0)), p),
        node.getName() + ":0");
  }

  /** Keras UpSampling2D and image resizes: a constant output size [height, width]. */
  private void resize(NodeDef node, BuiltinOperator op) {
    Constant size = constant(node.getInput(1));
    if (size == null || size.size() != 2) {
      unsupported(node, node.getOp() + " (to a computed size)");
      return;
    }
    if (!available(node.getInput(0))) {
      return;
    }
    boolean align = attr(node, "align_corners").getB();
    boolean halfPixel = attr(node, "half_pixel_centers").getB();
    OperatorOptions options =
        op == BuiltinOperator.RESIZE_BILINEAR
            ? new OperatorOptions.ResizeBilinear(align, halfPixel)
            : new OperatorOptions.ResizeNearestNeighbor(align, halfPixel);
    int sizeValue = out.constant(node.getName() + "/size", size);
    emit(node, op, options, List.of(operand(node.getInput(0)), sizeValue), node.getName() + ":0");
  }

  private void argMax(NodeDef node) {
    Constant axis = constant(node.getInput(1));
    DataType type = attr(node, "output_type").getType();
    if (axis == null
        || axis.size() != 1
        || (type != DataType.DT_INT64 && type != DataType.DT_INT32)) {
      unsupported(node, "ArgMax (over a computed axis, or to another index type)");
      return;
    }
    if (!available(node.getInput(0))) {
      return;
    }
    int rank = shape(canonical(node.getInput(0))).length;
    long a = axis.longs()[0];
    int axisValue =
        out.constant(
            node.getName() + "/axis",
            Constant.ofLongs(new int[] {1}, new long[] {a < 0 ? a + rank : a}));
    io.edgeinfer.core.DataType index =
        type == DataType.DT_INT64
            ? io.edgeinfer.core.DataType.INT64
            : io.edgeinfer.core.DataType.INT32;
    String end = node.getName() + ":0";
    int y = out.activation(node.getName(), shape(end), index);
    out.add(
        new Op(
            BuiltinOperator.ARG_MAX,
            new OperatorOptions.ArgMax(index),
            List.of(operand(node.getInput(0)), axisValue),
            y,
            node.getName()));
    values.put(end, y);
  }

  /** Batch normalization with no convolution before it: x * s + (offset - mean * s). */
  private void batchNorm(NodeDef node) {
    Constant scale = constant(node.getInput(1));
    Constant offset = constant(node.getInput(2));
    Constant mean = constant(node.getInput(3));
    Constant variance = constant(node.getInput(4));
    if (attr(node, "is_training").getB()
        || scale == null
        || offset == null
        || mean == null
        || variance == null
        || !nhwc(node)) {
      unsupported(node, node.getOp() + " (in training mode, NCHW, or with computed statistics)");
      return;
    }
    if (!available(node.getInput(0))) {
      return;
    }
    int channels = scale.size();
    float epsilon = attr(node, "epsilon").getF();
    float[] s = new float[channels];
    float[] shift = new float[channels];
    for (int c = 0; c < channels; c++) {
      s[c] = scale.floats()[c] / (float) Math.sqrt(variance.floats()[c] + epsilon);
      shift[c] = offset.floats()[c] - mean.floats()[c] * s[c];
    }
    int sValue =
        out.constant(node.getName() + "/scale", Constant.ofFloats(new int[] {channels}, s));
    int shiftValue =
        out.constant(node.getName() + "/shift", Constant.ofFloats(new int[] {channels}, shift));
    String result = node.getName() + ":0";
    int scaled = out.activation(node.getName() + "/scaled", shape(result));
    out.add(
        new Op(
            BuiltinOperator.MUL,
            new OperatorOptions.Mul(Activation.NONE),
            List.of(operand(node.getInput(0)), sValue),
            scaled,
            node.getName()));
    int y = out.activation(node.getName(), shape(result));
    out.add(
        new Op(
            BuiltinOperator.ADD,
            new OperatorOptions.Add(Activation.NONE),
            List.of(scaled, shiftValue),
            y,
            node.getName()));
    values.put(result, y);
  }

  private void emit(
      NodeDef node, BuiltinOperator op, OperatorOptions options, List<Integer> inputs, String end) {
    int y = out.activation(TensorRef.parse(end).node(), shape(end));
    out.add(new Op(op, options, inputs, y, node.getName()));
    values.put(end, y);
  }

  // Operands, constants, attributes.

  /** Whether an input has a value (a constant, an input, or a mapped op's output). */
  private boolean available(String input) {
    return constant(input) != null || values.containsKey(canonical(input));
  }

  /** The value id of an input, making a constant value on first use. */
  private int operand(String input) {
    String key = canonical(input);
    Integer id = values.get(key);
    if (id != null) {
      return id;
    }
    Constant c = constant(input);
    if (c == null) {
      throw new IllegalStateException("no value for " + input);
    }
    id = out.constant(TensorRef.parse(key).node(), c);
    values.put(key, id);
    return id;
  }

  private Constant constant(String input) {
    TensorRef ref = TensorRef.parse(input);
    NodeDef node = graph.node(ref.node());
    return node != null && node.getOp().equals("Const") ? graph.constants().get(ref.node()) : null;
  }

  private int[] shape(String tensor) {
    int[] resolved = resolvedShapes.get(canonical(tensor));
    if (resolved != null) {
      return resolved;
    }
    int[] shape = graph.shapes().get(TensorRef.parse(tensor));
    return shape == null ? new int[0] : shape;
  }

  private static String canonical(String input) {
    return TensorRef.parse(input).toString();
  }

  private static AttrValue attr(NodeDef node, String name) {
    return node.getAttrMap().getOrDefault(name, AttrValue.getDefaultInstance());
  }

  private static int[] ints(NodeDef node, String name) {
    return attr(node, name).getList().getIList().stream().mapToInt(Long::intValue).toArray();
  }

  private static int[] dilations(NodeDef node) {
    int[] d = ints(node, "dilations");
    return d.length == 4 ? d : new int[] {1, 1, 1, 1};
  }

  private static boolean nhwc(NodeDef node) {
    String format = attr(node, "data_format").getS().toStringUtf8();
    return format.isEmpty() || format.equals("NHWC");
  }

  private static Padding padding(NodeDef node) {
    return switch (attr(node, "padding").getS().toStringUtf8()) {
      case "SAME" -> Padding.SAME;
      case "VALID" -> Padding.VALID;
      default -> null;
    };
  }

  private static boolean isZero(Constant c) {
    return c != null && c.size() == 1 && c.floatAt(0) == 0f;
  }

  private static boolean isFloat(NodeDef node) {
    AttrValue t = node.getAttrMap().get("T");
    return t == null || t.getType() == DataType.DT_FLOAT;
  }

  private static String type(NodeDef node) {
    return node.getAttrMap()
        .get("T")
        .getType()
        .name()
        .substring(3)
        .toLowerCase(java.util.Locale.ROOT);
  }

  private void unsupported(NodeDef node, String what) {
    unsupported.computeIfAbsent(what, k -> new ArrayList<>()).add(node.getName());
  }
}
