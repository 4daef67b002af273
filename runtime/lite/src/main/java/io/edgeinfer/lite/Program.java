package io.edgeinfer.lite;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.UnsupportedModelException;
import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.HalfFloat;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteOpCode;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteSubgraph;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.kernels.BinaryOp;
import io.edgeinfer.lite.kernels.ConcatOp;
import io.edgeinfer.lite.kernels.ConvOptions;
import io.edgeinfer.lite.kernels.Kernels;
import io.edgeinfer.lite.kernels.PoolOptions;
import io.edgeinfer.lite.kernels.Quant;
import io.edgeinfer.lite.kernels.RowSplit;
import io.edgeinfer.lite.kernels.Shapes;
import io.edgeinfer.lite.kernels.UnaryOp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A subgraph compiled for the kernels: every operator mapped to a prepared kernel operation, once
 * at load. Immutable and shared by every predictor of a model; {@link Plan} holds the per-shape
 * buffers.
 */
final class Program {
  final LiteSubgraph graph;
  final List<Step> steps;

  /** Constant activation operands (e.g. the second operand of an ADD) as arrays; else null. */
  final Object[] constants;

  private Program(LiteSubgraph graph, List<Step> steps, Object[] constants) {
    this.graph = graph;
    this.steps = List.copyOf(steps);
    this.constants = constants;
  }

  /**
   * Compiles a subgraph.
   *
   * @throws UnsupportedModelException naming every operator the engine cannot run
   */
  static Program compile(LiteModel model, int subgraph, Kernels kernels)
      throws UnsupportedModelException {
    return compile(model, subgraph, kernels, null);
  }

  /**
   * Compiles a subgraph whose large convolutions split their output rows over {@code threads}
   * (null: one thread).
   */
  static Program compile(LiteModel model, int subgraph, Kernels kernels, RowThreads threads)
      throws UnsupportedModelException {
    Compiler compiler = new Compiler(model, model.subgraphs().get(subgraph), kernels, threads);
    compiler.compile();
    if (!compiler.unsupported.isEmpty()) {
      List<String> names = new ArrayList<>();
      compiler.unsupported.forEach(
          (name, count) -> names.add(count > 1 ? name + " (" + count + "x)" : name));
      throw new UnsupportedModelException("unsupported operators", names);
    }
    return new Program(compiler.graph, compiler.steps, compiler.constants);
  }

  /** Why one operator cannot be compiled; the message is what the error lists. */
  private static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String detail) {
      super(detail, null, false, false);
    }
  }

  private static final class Compiler {
    private final LiteModel model;
    private final LiteSubgraph graph;
    private final Kernels kernels;
    private final RowThreads threads;
    private final List<Step> steps = new ArrayList<>();
    private final Object[] constants;
    private final Map<String, Integer> unsupported = new LinkedHashMap<>();

    /** Constants computed at load (a DEQUANTIZE of float16 weights), by tensor; never in a file. */
    private final Map<LiteTensor, float[]> folded = new IdentityHashMap<>();

    Compiler(LiteModel model, LiteSubgraph graph, Kernels kernels, RowThreads threads) {
      this.model = model;
      this.graph = graph;
      this.kernels = kernels;
      this.threads = threads;
      this.constants = new Object[graph.tensors().size()];
    }

    void compile() {
      for (LiteTensor input : graph.inputs().stream().map(graph::tensor).toList()) {
        if (!isFloat(input) && !isInt8(input)) {
          unsupported.merge("input " + input + " (expected float32 or int8)", 1, Integer::sum);
        }
      }
      for (LiteOperator op : graph.operators()) {
        LiteOpCode code = model.opCode(op);
        try {
          Step step = compile(op, code);
          if (step != null) {
            steps.add(step);
          }
        } catch (Unsupported e) {
          String detail = e.getMessage();
          unsupported.merge(
              detail.isEmpty() ? code.displayName() : code.displayName() + " (" + detail + ")",
              1,
              Integer::sum);
        } catch (IllegalArgumentException e) {
          unsupported.merge(code.displayName() + " (" + e.getMessage() + ")", 1, Integer::sum);
        }
      }
    }

    /** The step for an operator, or null when it was folded into a constant at load. */
    private Step compile(LiteOperator op, LiteOpCode code) throws Unsupported {
      BuiltinOperator builtin = code.builtin().orElseThrow(() -> new Unsupported(""));
      if (code.isCustom()) {
        throw new Unsupported("");
      }
      String name = code.displayName();
      return switch (builtin) {
        case FULLY_CONNECTED -> fullyConnected(name, op);
        case CONV_2D, DEPTHWISE_CONV_2D -> conv(name, op, builtin == BuiltinOperator.CONV_2D);
        case AVERAGE_POOL_2D, MAX_POOL_2D -> pool(name, op, builtin == BuiltinOperator.MAX_POOL_2D);
        case ADD, SUB, MUL -> binary(name, op, builtin);
        case RELU, RELU6, LOGISTIC, TANH, LEAKY_RELU, SOFTMAX -> activation(name, op, builtin);
        case RESHAPE -> reshape(name, op);
        case SQUEEZE -> squeeze(name, op);
        case QUANTIZE -> quantize(name, op);
        case DEQUANTIZE -> dequantize(name, op);
        case MEAN -> mean(name, op);
        case CONCATENATION -> concatenation(name, op);
        case PAD -> pad(name, op);
        case ARG_MAX -> argMax(name, op);
        default -> throw new Unsupported("");
      };
    }

    // ---- layers with weights ------------------------------------------------------------------

    private Step fullyConnected(String name, LiteOperator op) throws Unsupported {
      OperatorOptions.FullyConnected options = options(op, OperatorOptions.FullyConnected.class);
      if (options.weightsFormat() != OperatorOptions.FullyConnected.WeightsFormat.DEFAULT) {
        throw new Unsupported("weights format " + options.weightsFormat());
      }
      io.edgeinfer.lite.kernels.Activation activation = activation(options.activation());
      int x = activationInput(op, 0);
      LiteTensor weights = constant(op, 1, "weights");
      if (weights.shape().rank() != 2) {
        throw new Unsupported("expected rank-2 weights, found " + weights.shape());
      }
      int outputs = weights.shape().dim(0);
      int inputs = weights.shape().dim(1);
      int y = op.output(0);
      LiteTensor in = graph.tensor(x);
      UnaryOp<?, ?> kernel;
      if (isFloat(in) && weights.type() == DataType.FLOAT32) {
        requireFloat(y);
        kernel =
            kernels.fullyConnected(
                floats(weights), outputs, inputs, floatBias(op, 2, outputs), activation);
      } else if (isInt8(in) && isInt8(weights)) {
        requireInt8(y);
        kernel =
            kernels.fullyConnected(
                model.data(weights),
                outputs,
                inputs,
                weightScales(weights),
                intBias(op, 2, outputs),
                quant(in),
                quant(graph.tensor(y)),
                activation);
      } else if (isFloat(in) && isInt8(weights)) {
        requireFloat(y);
        kernel =
            kernels.hybridFullyConnected(
                model.data(weights),
                outputs,
                inputs,
                hybridScales(weights, 0, outputs),
                floatBias(op, 2, outputs),
                activation);
      } else {
        throw new Unsupported(
            "input " + in.type().label() + " with weights " + weights.type().label());
      }
      boolean keepNumDims = options.keepNumDims();
      UnaryOp<?, ?> k = kernel;
      return unary(
          name,
          x,
          y,
          k,
          shape -> {
            int[] out = k.outputShape(shape);
            if (keepNumDims && shape.length > 0) {
              out = shape.clone();
              out[out.length - 1] = outputs;
            }
            return out;
          });
    }

    private Step conv(String name, LiteOperator op, boolean full) throws Unsupported {
      io.edgeinfer.lite.format.Padding padding;
      int strideW;
      int strideH;
      int dilationW;
      int dilationH;
      io.edgeinfer.lite.format.Activation fused;
      if (full) {
        OperatorOptions.Conv2D o = options(op, OperatorOptions.Conv2D.class);
        padding = o.padding();
        strideW = o.strideW();
        strideH = o.strideH();
        dilationW = o.dilationW();
        dilationH = o.dilationH();
        fused = o.activation();
      } else {
        OperatorOptions.DepthwiseConv2D o = options(op, OperatorOptions.DepthwiseConv2D.class);
        padding = o.padding();
        strideW = o.strideW();
        strideH = o.strideH();
        dilationW = o.dilationW();
        dilationH = o.dilationH();
        fused = o.activation();
      }
      ConvOptions conv =
          new ConvOptions(
              padding(padding), strideH, strideW, dilationH, dilationW, activation(fused));
      int x = activationInput(op, 0);
      LiteTensor filter = constant(op, 1, "filter");
      if (filter.shape().rank() != 4) {
        throw new Unsupported("expected a rank-4 filter, found " + filter.shape());
      }
      int[] filterShape = filter.shape().dims();
      int channels = full ? filterShape[0] : filterShape[3];
      int y = op.output(0);
      LiteTensor in = graph.tensor(x);
      UnaryOp<?, ?> kernel;
      if (isFloat(in) && filter.type() == DataType.FLOAT32) {
        requireFloat(y);
        float[] bias = floatBias(op, 2, channels);
        kernel =
            full
                ? kernels.conv2d(floats(filter), filterShape, bias, conv)
                : kernels.depthwiseConv2d(floats(filter), filterShape, bias, conv);
      } else if (isInt8(in) && isInt8(filter)) {
        requireInt8(y);
        int[] bias = intBias(op, 2, channels);
        Quant input = quant(in);
        Quant output = quant(graph.tensor(y));
        kernel =
            full
                ? kernels.conv2d(
                    model.data(filter),
                    filterShape,
                    weightScales(filter),
                    bias,
                    input,
                    output,
                    conv)
                : kernels.depthwiseConv2d(
                    model.data(filter),
                    filterShape,
                    weightScales(filter),
                    bias,
                    input,
                    output,
                    conv);
      } else if (isFloat(in) && isInt8(filter)) {
        requireFloat(y);
        float[] bias = floatBias(op, 2, channels);
        float[] scales = hybridScales(filter, full ? 0 : 3, channels);
        kernel =
            full
                ? kernels.hybridConv2d(model.data(filter), filterShape, scales, bias, conv)
                : kernels.hybridDepthwiseConv2d(
                    model.data(filter), filterShape, scales, bias, conv);
      } else {
        throw new Unsupported(
            "input " + in.type().label() + " with filter " + filter.type().label());
      }
      return unary(name, x, y, kernel, null);
    }

    // ---- pooling and reduction ----------------------------------------------------------------

    private Step pool(String name, LiteOperator op, boolean max) throws Unsupported {
      OperatorOptions.Pool2D o = options(op, OperatorOptions.Pool2D.class);
      PoolOptions pool =
          new PoolOptions(
              padding(o.padding()),
              o.filterHeight(),
              o.filterWidth(),
              o.strideH(),
              o.strideW(),
              activation(o.activation()));
      int x = activationInput(op, 0);
      int y = op.output(0);
      LiteTensor in = graph.tensor(x);
      UnaryOp<?, ?> kernel;
      if (isFloat(in)) {
        requireFloat(y);
        kernel = max ? kernels.maxPool(pool) : kernels.averagePool(pool);
      } else if (isInt8(in)) {
        requireInt8(y);
        requireSameQuant(in, graph.tensor(y));
        kernel = max ? kernels.maxPool(pool, quant(in)) : kernels.averagePool(pool, quant(in));
      } else {
        throw new Unsupported(in.type().label());
      }
      return unary(name, x, y, kernel, null);
    }

    private Step mean(String name, LiteOperator op) throws Unsupported {
      OperatorOptions.Reducer o = options(op, OperatorOptions.Reducer.class);
      int x = activationInput(op, 0);
      int[] axes = ints(constant(op, 1, "axes"));
      int y = op.output(0);
      LiteTensor in = graph.tensor(x);
      UnaryOp<?, ?> kernel;
      if (isFloat(in)) {
        requireFloat(y);
        kernel = kernels.mean(axes, o.keepDims());
      } else if (isInt8(in)) {
        requireInt8(y);
        kernel = kernels.mean(axes, o.keepDims(), quant(in), quant(graph.tensor(y)));
      } else {
        throw new Unsupported(in.type().label());
      }
      return unary(name, x, y, kernel, null);
    }

    private Step argMax(String name, LiteOperator op) throws Unsupported {
      int x = activationInput(op, 0);
      int[] axis = ints(constant(op, 1, "axis"));
      int y = op.output(0);
      LiteTensor in = graph.tensor(x);
      DataType outType = graph.tensor(y).type();
      if (!(isFloat(in) || isInt8(in))) {
        throw new Unsupported(in.type().label());
      }
      if (axis.length != 1 || (outType != DataType.INT32 && outType != DataType.INT64)) {
        throw new Unsupported("expected one axis and an int32 or int64 output");
      }
      io.edgeinfer.lite.kernels.ArgMax kernel = new io.edgeinfer.lite.kernels.ArgMax(axis[0]);
      return new Step(
          name,
          new int[] {x},
          y,
          shapes -> kernel.outputShape(shapes[x]),
          (buffers, shapes, scratch) -> kernel.run(buffers[x], shapes[x], buffers[y]));
    }

    // ---- elementwise --------------------------------------------------------------------------

    private Step binary(String name, LiteOperator op, BuiltinOperator which) throws Unsupported {
      io.edgeinfer.lite.format.Activation fused =
          switch (which) {
            case ADD -> options(op, OperatorOptions.Add.class).activation();
            case SUB -> options(op, OperatorOptions.Sub.class).activation();
            default -> options(op, OperatorOptions.Mul.class).activation();
          };
      io.edgeinfer.lite.kernels.Activation act = activation(fused);
      int a = operand(op, 0);
      int b = operand(op, 1);
      int y = op.output(0);
      LiteTensor ta = graph.tensor(a);
      LiteTensor tb = graph.tensor(b);
      int[] in = {a, b};
      if (isFloat(ta) && isFloat(tb)) {
        requireFloat(y);
        BinaryOp<float[]> k =
            switch (which) {
              case ADD -> kernels.add(act);
              case SUB -> kernels.sub(act);
              default -> kernels.mul(act);
            };
        return new Step(
            name,
            in,
            y,
            s -> k.outputShape(s[a], s[b]),
            (buf, s, scratch) ->
                k.run((float[]) buf[a], s[a], (float[]) buf[b], s[b], (float[]) buf[y]));
      }
      if (isInt8(ta) && isInt8(tb)) {
        requireInt8(y);
        Quant qa = quant(ta);
        Quant qb = quant(tb);
        Quant qy = quant(graph.tensor(y));
        BinaryOp<byte[]> k =
            switch (which) {
              case ADD -> kernels.add(qa, qb, qy, act);
              case SUB -> kernels.sub(qa, qb, qy, act);
              default -> kernels.mul(qa, qb, qy, act);
            };
        return new Step(
            name,
            in,
            y,
            s -> k.outputShape(s[a], s[b]),
            (buf, s, scratch) ->
                k.run((byte[]) buf[a], s[a], (byte[]) buf[b], s[b], (byte[]) buf[y]));
      }
      throw new Unsupported(ta.type().label() + " and " + tb.type().label());
    }

    private Step activation(String name, LiteOperator op, BuiltinOperator which)
        throws Unsupported {
      int x = activationInput(op, 0);
      int y = op.output(0);
      LiteTensor in = graph.tensor(x);
      UnaryOp<?, ?> kernel;
      if (isFloat(in)) {
        requireFloat(y);
        kernel =
            switch (which) {
              case RELU -> kernels.relu();
              case RELU6 -> kernels.relu6();
              case LOGISTIC -> kernels.logistic();
              case TANH -> kernels.tanh();
              case LEAKY_RELU ->
                  kernels.leakyRelu(options(op, OperatorOptions.LeakyRelu.class).alpha());
              default -> kernels.softmax(options(op, OperatorOptions.Softmax.class).beta());
            };
      } else if (isInt8(in)) {
        requireInt8(y);
        Quant qi = quant(in);
        Quant qo = quant(graph.tensor(y));
        kernel =
            switch (which) {
              case RELU -> kernels.relu(qi, qo);
              case RELU6 -> kernels.relu6(qi, qo);
              case LOGISTIC -> kernels.logistic(qi, qo);
              case TANH -> kernels.tanh(qi, qo);
              case LEAKY_RELU ->
                  kernels.leakyRelu(options(op, OperatorOptions.LeakyRelu.class).alpha(), qi, qo);
              default -> kernels.softmax(options(op, OperatorOptions.Softmax.class).beta(), qi, qo);
            };
      } else {
        throw new Unsupported(in.type().label());
      }
      return unary(name, x, y, kernel, null);
    }

    // ---- data movement and conversion ---------------------------------------------------------

    private Step reshape(String name, LiteOperator op) throws Unsupported {
      int x = activationInput(op, 0);
      int y = op.output(0);
      int[] target;
      int shapeInput = op.input(1);
      if (shapeInput != LiteOperator.OMITTED && model.isConstant(graph.tensor(shapeInput))) {
        target = ints(graph.tensor(shapeInput));
      } else if (op.options() instanceof OperatorOptions.Reshape r && !r.newShape().isEmpty()) {
        target = r.newShape().stream().mapToInt(Integer::intValue).toArray();
      } else {
        // The converter records the result's shape; its signature keeps -1 where sizes vary.
        target = graph.tensor(y).shapeSignature().dims();
      }
      return copy(name, x, y, shape -> reshaped(shape, target));
    }

    private Step squeeze(String name, LiteOperator op) throws Unsupported {
      OperatorOptions.Squeeze o = options(op, OperatorOptions.Squeeze.class);
      int x = activationInput(op, 0);
      int y = op.output(0);
      LiteTensor in = graph.tensor(x);
      int rank = in.shape().rank();
      boolean[] drop = new boolean[rank];
      if (o.squeezeDims().isEmpty()) {
        // Decided on the declared shape, so that a batch of 1 is not squeezed away.
        for (int axis = 0; axis < rank; axis++) {
          drop[axis] = in.shapeSignature().dim(axis) == 1;
        }
      } else {
        for (int d : o.squeezeDims()) {
          int axis = d < 0 ? d + rank : d;
          if (axis < 0 || axis >= rank) {
            throw new Unsupported("squeeze axis " + d + " of a rank-" + rank + " input");
          }
          drop[axis] = true;
        }
      }
      return copy(
          name,
          x,
          y,
          shape -> {
            int[] out = new int[shape.length];
            int n = 0;
            for (int axis = 0; axis < shape.length; axis++) {
              if (!drop[axis]) {
                out[n++] = shape[axis];
              } else if (shape[axis] != 1) {
                throw new IllegalArgumentException(
                    "SQUEEZE: expected size 1 on axis "
                        + axis
                        + ", found "
                        + Arrays.toString(shape));
              }
            }
            return Arrays.copyOf(out, n);
          });
    }

    private Step copy(String name, int x, int y, UnaryOperator<int[]> shaper) throws Unsupported {
      LiteTensor in = graph.tensor(x);
      LiteTensor out = graph.tensor(y);
      if (!(isFloat(in) || isInt8(in)) || in.type() != out.type()) {
        throw new Unsupported(in.type().label() + " to " + out.type().label());
      }
      boolean isFloat = isFloat(in);
      return new Step(
          name,
          new int[] {x},
          y,
          s -> shaper.apply(s[x]),
          (buf, s, scratch) -> {
            int size = Shapes.size(s[x]);
            if (isFloat) {
              System.arraycopy((float[]) buf[x], 0, (float[]) buf[y], 0, size);
            } else {
              System.arraycopy((byte[]) buf[x], 0, (byte[]) buf[y], 0, size);
            }
          });
    }

    private Step quantize(String name, LiteOperator op) throws Unsupported {
      int x = activationInput(op, 0);
      int y = op.output(0);
      LiteTensor in = graph.tensor(x);
      if (!isFloat(in)) {
        throw new Unsupported(in.type().label() + " input");
      }
      requireInt8(y);
      return unary(name, x, y, kernels.quantize(quant(graph.tensor(y))), null);
    }

    private Step dequantize(String name, LiteOperator op) throws Unsupported {
      int source = op.input(0);
      if (source != LiteOperator.OMITTED && graph.tensor(source).type() == DataType.FLOAT16) {
        foldHalfs(graph.tensor(source), op.output(0));
        return null;
      }
      int x = activationInput(op, 0);
      int y = op.output(0);
      LiteTensor in = graph.tensor(x);
      if (!isInt8(in)) {
        throw new Unsupported(in.type().label() + " input");
      }
      requireFloat(y);
      return unary(name, x, y, kernels.dequantize(quant(in)), null);
    }

    /**
     * How TFLite's converter writes float16 models: constant FLOAT16 weights, each behind a
     * DEQUANTIZE to float32. Converted once here, the consumer sees a float32 constant.
     */
    private void foldHalfs(LiteTensor half, int y) throws Unsupported {
      if (!model.isConstant(half)) {
        throw new Unsupported("float16 input " + half + " computed at run time");
      }
      LiteTensor out = graph.tensor(y);
      requireFloat(y);
      if (!Arrays.equals(half.shape().dims(), out.shape().dims())) {
        throw new Unsupported("expected the shape of " + half + ", found " + out);
      }
      ByteBuffer data = model.data(half);
      float[] values = new float[(int) half.shape().elementCount()];
      for (int i = 0; i < values.length; i++) {
        values[i] = HalfFloat.toFloat(data.getShort(2 * i));
      }
      folded.put(out, values);
    }

    private Step concatenation(String name, LiteOperator op) throws Unsupported {
      OperatorOptions.Concatenation o = options(op, OperatorOptions.Concatenation.class);
      if (o.activation() != io.edgeinfer.lite.format.Activation.NONE) {
        throw new Unsupported("fused " + o.activation());
      }
      int n = op.inputs().size();
      int[] in = new int[n];
      for (int i = 0; i < n; i++) {
        in[i] = operand(op, i);
      }
      int y = op.output(0);
      LiteTensor out = graph.tensor(y);
      Step.Shaper shaper;
      Step.Runner runner;
      if (isFloat(out)) {
        for (int t : in) {
          requireFloat(t);
        }
        ConcatOp<float[]> k = kernels.concatenation(o.axis());
        float[][] parts = new float[n][];
        shaper = s -> k.outputShape(gather(s, in));
        runner =
            (buf, s, scratch) -> {
              int[][] shapes = gather(s, in);
              for (int i = 0; i < n; i++) {
                parts[i] = (float[]) buf[in[i]];
              }
              k.run(parts, shapes, (float[]) buf[y]);
            };
      } else if (isInt8(out)) {
        for (int t : in) {
          requireInt8(t);
          requireSameQuant(graph.tensor(t), out);
        }
        ConcatOp<byte[]> k = kernels.concatenation(o.axis(), quant(out));
        byte[][] parts = new byte[n][];
        shaper = s -> k.outputShape(gather(s, in));
        runner =
            (buf, s, scratch) -> {
              int[][] shapes = gather(s, in);
              for (int i = 0; i < n; i++) {
                parts[i] = (byte[]) buf[in[i]];
              }
              k.run(parts, shapes, (byte[]) buf[y]);
            };
      } else {
        throw new Unsupported(out.type().label());
      }
      return new Step(name, in, y, shaper, runner);
    }

    private Step pad(String name, LiteOperator op) throws Unsupported {
      int x = activationInput(op, 0);
      int[] paddings = ints(constant(op, 1, "paddings"));
      int y = op.output(0);
      LiteTensor in = graph.tensor(x);
      UnaryOp<?, ?> kernel;
      if (isFloat(in)) {
        requireFloat(y);
        kernel = kernels.pad(paddings, 0f);
      } else if (isInt8(in)) {
        requireInt8(y);
        kernel = kernels.pad(paddings, (byte) quant(graph.tensor(y)).zeroPoint());
      } else {
        throw new Unsupported(in.type().label());
      }
      return unary(name, x, y, kernel, null);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** A step around a unary kernel; the casts follow the tensors' checked types. */
    private Step unary(
        String name, int x, int y, UnaryOp<?, ?> kernel, UnaryOperator<int[]> shaper) {
      boolean floatIn = isFloat(graph.tensor(x));
      boolean floatOut = isFloat(graph.tensor(y));
      Step.Shaper shapes = shaper != null ? s -> shaper.apply(s[x]) : s -> kernel.outputShape(s[x]);
      Step.Runner runner;
      if (threads != null && kernel instanceof RowSplit<?, ?> split) {
        runner = (buf, s, scratch) -> threads.run(split, buf[x], s[x], buf[y], scratch);
      } else if (floatIn && floatOut) {
        @SuppressWarnings("unchecked")
        UnaryOp<float[], float[]> k = (UnaryOp<float[], float[]>) kernel;
        runner = (buf, s, scratch) -> k.run((float[]) buf[x], s[x], (float[]) buf[y], scratch);
      } else if (floatIn) {
        @SuppressWarnings("unchecked")
        UnaryOp<float[], byte[]> k = (UnaryOp<float[], byte[]>) kernel;
        runner = (buf, s, scratch) -> k.run((float[]) buf[x], s[x], (byte[]) buf[y], scratch);
      } else if (floatOut) {
        @SuppressWarnings("unchecked")
        UnaryOp<byte[], float[]> k = (UnaryOp<byte[], float[]>) kernel;
        runner = (buf, s, scratch) -> k.run((byte[]) buf[x], s[x], (float[]) buf[y], scratch);
      } else {
        @SuppressWarnings("unchecked")
        UnaryOp<byte[], byte[]> k = (UnaryOp<byte[], byte[]>) kernel;
        runner = (buf, s, scratch) -> k.run((byte[]) buf[x], s[x], (byte[]) buf[y], scratch);
      }
      return new Step(name, new int[] {x}, y, shapes, runner);
    }

    private static int[][] gather(int[][] shapes, int[] indices) {
      int[][] out = new int[indices.length][];
      for (int i = 0; i < indices.length; i++) {
        out[i] = shapes[indices[i]];
      }
      return out;
    }

    private <T extends OperatorOptions> T options(LiteOperator op, Class<T> type)
        throws Unsupported {
      if (!type.isInstance(op.options())) {
        throw new Unsupported(
            "expected " + type.getSimpleName() + " options, found " + op.options());
      }
      return type.cast(op.options());
    }

    /** An input computed at run time (or a constant, materialized as an array). */
    private int activationInput(LiteOperator op, int i) throws Unsupported {
      return operand(op, i);
    }

    private int operand(LiteOperator op, int i) throws Unsupported {
      int t = op.input(i);
      if (t == LiteOperator.OMITTED) {
        throw new Unsupported("input " + i + " missing");
      }
      LiteTensor tensor = graph.tensor(t);
      if (!isFloat(tensor) && !isInt8(tensor)) {
        throw new Unsupported(tensor.type().label() + " input " + tensor);
      }
      if (folded.containsKey(tensor)) {
        constants[t] = folded.get(tensor);
      } else if (model.isConstant(tensor) && constants[t] == null) {
        ByteBuffer data = model.data(tensor).order(ByteOrder.LITTLE_ENDIAN);
        int size = (int) tensor.shape().elementCount();
        if (isFloat(tensor)) {
          float[] values = new float[size];
          data.asFloatBuffer().get(values);
          constants[t] = values;
        } else {
          byte[] values = new byte[size];
          data.duplicate().get(values);
          constants[t] = values;
        }
      }
      return t;
    }

    private LiteTensor constant(LiteOperator op, int i, String what) throws Unsupported {
      int t = op.input(i);
      if (t == LiteOperator.OMITTED || !isConstant(graph.tensor(t))) {
        throw new Unsupported("non-constant " + what);
      }
      return graph.tensor(t);
    }

    private boolean isConstant(LiteTensor tensor) {
      return model.isConstant(tensor) || folded.containsKey(tensor);
    }

    /** A float32 constant: a view of the mapped file, or the values folded at load. */
    private FloatBuffer floats(LiteTensor tensor) {
      float[] values = folded.get(tensor);
      if (values != null) {
        return FloatBuffer.wrap(values);
      }
      return model.data(tensor).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }

    private int[] ints(LiteTensor tensor) throws Unsupported {
      ByteBuffer data = model.data(tensor).order(ByteOrder.LITTLE_ENDIAN);
      int size = (int) tensor.shape().elementCount();
      int[] out = new int[size];
      if (tensor.type() == DataType.INT32) {
        data.asIntBuffer().get(out);
      } else if (tensor.type() == DataType.INT64) {
        for (int i = 0; i < size; i++) {
          out[i] = Math.toIntExact(data.getLong(data.position() + 8 * i));
        }
      } else {
        throw new Unsupported(tensor.type().label() + " " + tensor);
      }
      return out;
    }

    private float[] floatBias(LiteOperator op, int i, int size) throws Unsupported {
      int t = op.input(i);
      if (t == LiteOperator.OMITTED) {
        return null;
      }
      LiteTensor bias = constant(op, i, "bias");
      if (bias.type() != DataType.FLOAT32 || bias.shape().elementCount() != size) {
        throw new Unsupported("expected a float32 bias of " + size + ", found " + bias);
      }
      float[] values = new float[size];
      floats(bias).get(values);
      return values;
    }

    private int[] intBias(LiteOperator op, int i, int size) throws Unsupported {
      int t = op.input(i);
      if (t == LiteOperator.OMITTED) {
        return null;
      }
      LiteTensor bias = constant(op, i, "bias");
      if (bias.type() != DataType.INT32 || bias.shape().elementCount() != size) {
        throw new Unsupported("expected an int32 bias of " + size + ", found " + bias);
      }
      return ints(bias);
    }

    private static float[] weightScales(LiteTensor weights) throws Unsupported {
      QuantParams q = weights.quantization();
      for (long zp : q.zeroPoints()) {
        if (zp != 0) {
          throw new Unsupported("asymmetric int8 weights (zero point " + zp + ")");
        }
      }
      if (q.isPerAxis() && q.quantizedDimension() != 0 && q.quantizedDimension() != 3) {
        throw new Unsupported("weights quantized along axis " + q.quantizedDimension());
      }
      return q.scales();
    }

    /**
     * The scales of hybrid int8 weights: symmetric, one for the tensor or one per output channel
     * along {@code axis} (0 for FULLY_CONNECTED and CONV_2D, 3 for DEPTHWISE_CONV_2D).
     */
    private static float[] hybridScales(LiteTensor weights, int axis, int channels)
        throws Unsupported {
      QuantParams q = weights.quantization();
      for (long zp : q.zeroPoints()) {
        if (zp != 0) {
          throw new Unsupported("asymmetric int8 weights (zero point " + zp + ")");
        }
      }
      float[] scales = q.scales();
      if (q.isPerAxis() && (q.quantizedDimension() != axis || scales.length != channels)) {
        throw new Unsupported(
            "expected 1 or "
                + channels
                + " weight scales along axis "
                + axis
                + ", found "
                + scales.length
                + " along axis "
                + q.quantizedDimension());
      }
      for (float scale : scales) {
        if (!(scale > 0)) {
          throw new Unsupported("expected positive weight scales, found " + scale);
        }
      }
      return scales;
    }

    static Quant quant(LiteTensor tensor) throws Unsupported {
      QuantParams q = tensor.quantization();
      if (!q.isQuantized() || q.isPerAxis()) {
        throw new Unsupported("int8 tensor " + tensor + " without one scale and zero point");
      }
      try {
        return new Quant(q.scale(0), (int) q.zeroPoint(0));
      } catch (IllegalArgumentException e) {
        throw new Unsupported(tensor + ": " + e.getMessage());
      }
    }

    private static void requireSameQuant(LiteTensor a, LiteTensor b) throws Unsupported {
      if (!quant(a).equals(quant(b))) {
        throw new Unsupported("expected equal quantization of " + a + " and " + b);
      }
    }

    private void requireFloat(int t) throws Unsupported {
      if (!isFloat(graph.tensor(t))) {
        throw new Unsupported("expected float32 " + graph.tensor(t));
      }
    }

    private void requireInt8(int t) throws Unsupported {
      LiteTensor tensor = graph.tensor(t);
      if (!isInt8(tensor)) {
        throw new Unsupported("expected quantized int8 " + tensor);
      }
    }

    private static io.edgeinfer.lite.kernels.Activation activation(
        io.edgeinfer.lite.format.Activation fused) throws Unsupported {
      return switch (fused) {
        case NONE -> io.edgeinfer.lite.kernels.Activation.NONE;
        case RELU -> io.edgeinfer.lite.kernels.Activation.RELU;
        case RELU_N1_TO_1 -> io.edgeinfer.lite.kernels.Activation.RELU_N1_TO_1;
        case RELU6 -> io.edgeinfer.lite.kernels.Activation.RELU6;
        default -> throw new Unsupported("fused " + fused);
      };
    }

    private static io.edgeinfer.lite.kernels.Padding padding(
        io.edgeinfer.lite.format.Padding padding) {
      return padding == io.edgeinfer.lite.format.Padding.SAME
          ? io.edgeinfer.lite.kernels.Padding.SAME
          : io.edgeinfer.lite.kernels.Padding.VALID;
    }
  }

  static boolean isFloat(LiteTensor tensor) {
    return tensor.type() == DataType.FLOAT32;
  }

  static boolean isInt8(LiteTensor tensor) {
    return tensor.type() == DataType.INT8 && tensor.quantization().isQuantized();
  }

  /**
   * A reshape target for an input of {@code shape}: one {@code -1} takes what is left; when the
   * target's sizes are fixed but the batch changed, the first dimension follows the batch.
   */
  static int[] reshaped(int[] shape, int[] target) {
    int size = Shapes.size(shape);
    int[] out = target.clone();
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException(
              "RESHAPE: expected at most one -1 in " + Arrays.toString(target));
        }
        unknown = i;
      } else {
        known *= out[i];
      }
    }
    if (unknown >= 0) {
      if (known == 0 || size % known != 0) {
        throw new IllegalArgumentException(
            "RESHAPE: cannot reshape " + Arrays.toString(shape) + " to " + Arrays.toString(target));
      }
      out[unknown] = (int) (size / known);
    } else if (known != size && out.length > 0 && known > 0) {
      long rest = known / out[0];
      if (rest > 0 && size % rest == 0) {
        out[0] = (int) (size / rest);
      }
    }
    if (Shapes.size(out) != size) {
      throw new IllegalArgumentException(
          "RESHAPE: cannot reshape " + Arrays.toString(shape) + " to " + Arrays.toString(target));
    }
    return out;
  }
}
