package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.ThreadGang;
import io.edgeinfer.lite.format.HalfFloat;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteSubgraph;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.kernels.Activation;
import io.edgeinfer.lite.kernels.Kernels;
import io.edgeinfer.lite.kernels.Padding;
import io.edgeinfer.lite.kernels.Quant;
import io.edgeinfer.lite.kernels.Scratch;
import io.edgeinfer.lite.kernels.SplitOp;
import io.edgeinfer.lite.kernels.UnaryOp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a {@link Lowering} sees of the subgraph being compiled, and the checks and conversions that
 * every lowering shares: operands, constants, quantization, fused activations.
 *
 * <p>Types at run time ({@link Buffers}): uint8 tensors are held as int8 ({@code q - 128}) with
 * their zero point moved by the same 128, so that {@code q - zeroPoint} and therefore every int8
 * kernel's arithmetic is unchanged. {@link #quant} gives that moved zero point.
 */
public final class OpContext {
  private final LiteModel model;
  private final LiteSubgraph graph;
  private final Kernels kernels;
  private final ThreadGang threads;
  private final Object[] constants;

  /** Constants computed at load (a DEQUANTIZE of float16 weights), by tensor; never in a file. */
  private final Map<LiteTensor, Object> folded = new IdentityHashMap<>();

  private String name = "";

  public OpContext(LiteModel model, LiteSubgraph graph, Kernels kernels, ThreadGang threads) {
    this.model = model;
    this.graph = graph;
    this.kernels = kernels;
    this.threads = threads;
    this.constants = new Object[graph.tensors().size()];
  }

  public LiteModel model() {
    return model;
  }

  public LiteSubgraph graph() {
    return graph;
  }

  public Kernels kernels() {
    return kernels;
  }

  /** Constant operands materialized as arrays, by tensor index (null for the rest). */
  public Object[] constants() {
    return constants;
  }

  /** The display name of the operator being lowered, for steps and messages. */
  public String name() {
    return name;
  }

  /** Lowers one operator, named {@code displayName} in its step and messages. */
  public Step lower(Lowering lowering, LiteOperator op, String displayName) throws Unsupported {
    this.name = displayName;
    return lowering.lower(this, op);
  }

  public LiteTensor tensor(int index) {
    return graph.tensor(index);
  }

  // ---- options --------------------------------------------------------------------------------

  public <T extends OperatorOptions> T options(LiteOperator op, Class<T> type) throws Unsupported {
    if (!type.isInstance(op.options())) {
      throw new Unsupported("expected " + type.getSimpleName() + " options, found " + op.options());
    }
    return type.cast(op.options());
  }

  public static Activation activation(io.edgeinfer.lite.format.Activation fused)
      throws Unsupported {
    return switch (fused) {
      case NONE -> Activation.NONE;
      case RELU -> Activation.RELU;
      case RELU_N1_TO_1 -> Activation.RELU_N1_TO_1;
      case RELU6 -> Activation.RELU6;
      default -> throw new Unsupported("fused " + fused);
    };
  }

  public static Padding padding(io.edgeinfer.lite.format.Padding padding) {
    return padding == io.edgeinfer.lite.format.Padding.SAME ? Padding.SAME : Padding.VALID;
  }

  // ---- operands -------------------------------------------------------------------------------

  /**
   * Input {@code i} as a tensor index: computed at run time, or a constant materialized once as the
   * array {@link Buffers} gives its type.
   */
  public int operand(LiteOperator op, int i) throws Unsupported {
    int t = op.input(i);
    if (t == LiteOperator.OMITTED) {
      throw new Unsupported("input " + i + " missing");
    }
    LiteTensor tensor = graph.tensor(t);
    if (!Buffers.holds(tensor.type())) {
      throw new Unsupported(tensor.type().label() + " input " + tensor);
    }
    if (folded.containsKey(tensor)) {
      constants[t] = folded.get(tensor);
    } else if (model.isConstant(tensor) && constants[t] == null) {
      constants[t] = Buffers.read(tensor.type(), model.data(tensor), elements(tensor));
    }
    return t;
  }

  /** Whether input {@code i} is present (optional inputs may be left out). */
  public static boolean has(LiteOperator op, int i) {
    return op.input(i) != LiteOperator.OMITTED;
  }

  /** Input {@code i}, which must hold constant values (weights, axes, shapes). */
  public LiteTensor constant(LiteOperator op, int i, String what) throws Unsupported {
    int t = op.input(i);
    if (t == LiteOperator.OMITTED || !isConstant(graph.tensor(t))) {
      throw new Unsupported("non-constant " + what);
    }
    return graph.tensor(t);
  }

  public boolean isConstant(LiteTensor tensor) {
    return model.isConstant(tensor) || folded.containsKey(tensor);
  }

  /** Records values computed at load for a tensor no operator will write. */
  public void fold(LiteTensor tensor, Object values) {
    folded.put(tensor, values);
  }

  /** A float32 constant: a view of the mapped file, or the values folded at load. */
  public FloatBuffer floats(LiteTensor tensor) {
    Object values = folded.get(tensor);
    if (values instanceof float[] f) {
      return FloatBuffer.wrap(f);
    }
    return model.data(tensor).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
  }

  /** A float16 constant widened to float32. */
  public float[] halfs(LiteTensor half) {
    ByteBuffer data = model.data(half);
    float[] values = new float[elements(half)];
    for (int i = 0; i < values.length; i++) {
      values[i] = HalfFloat.toFloat(data.getShort(2 * i));
    }
    return values;
  }

  /** An int32 or int64 constant as ints (axes, shapes, paddings). */
  public int[] ints(LiteTensor tensor) throws Unsupported {
    Object values = folded.get(tensor);
    if (values instanceof int[] i) {
      return i.clone();
    }
    ByteBuffer data = model.data(tensor).order(ByteOrder.LITTLE_ENDIAN);
    int size = elements(tensor);
    int[] out = new int[size];
    if (tensor.type() == DataType.INT32) {
      data.asIntBuffer().get(out);
    } else if (tensor.type() == DataType.INT64) {
      for (int i = 0; i < size; i++) {
        long v = data.getLong(data.position() + 8 * i);
        if (v != (int) v) {
          throw new Unsupported("int64 value " + v + " of " + tensor + " out of int range");
        }
        out[i] = (int) v;
      }
    } else {
      throw new Unsupported("expected int32 or int64 values, found " + tensor);
    }
    return out;
  }

  public static int elements(LiteTensor tensor) {
    return (int) tensor.shape().elementCount();
  }

  public float[] floatBias(LiteOperator op, int i, int size) throws Unsupported {
    if (!has(op, i)) {
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

  public int[] intBias(LiteOperator op, int i, int size) throws Unsupported {
    if (!has(op, i)) {
      return null;
    }
    LiteTensor bias = constant(op, i, "bias");
    if (bias.type() != DataType.INT32 || bias.shape().elementCount() != size) {
      throw new Unsupported("expected an int32 bias of " + size + ", found " + bias);
    }
    return ints(bias);
  }

  // ---- types and quantization -----------------------------------------------------------------

  public static boolean isFloat(LiteTensor tensor) {
    return tensor.type() == DataType.FLOAT32;
  }

  /** An int8 or uint8 tensor with a scale: both run on the int8 kernels. */
  public static boolean isQuantized8(LiteTensor tensor) {
    return (tensor.type() == DataType.INT8 || tensor.type() == DataType.UINT8)
        && tensor.quantization().isQuantized();
  }

  /** The per-tensor quantization as the int8 kernels see it (uint8 zero points moved by -128). */
  public static Quant quant(LiteTensor tensor) throws Unsupported {
    QuantParams q = tensor.quantization();
    if (!q.isQuantized() || q.isPerAxis()) {
      throw new Unsupported(
          tensor.type().label() + " tensor " + tensor + " without one scale and zero point");
    }
    long zeroPoint = q.zeroPoint(0) - (tensor.type() == DataType.UINT8 ? 128 : 0);
    try {
      return new Quant(q.scale(0), (int) zeroPoint);
    } catch (IllegalArgumentException e) {
      throw new Unsupported(tensor + ": " + e.getMessage());
    }
  }

  /**
   * The bytes of 8-bit weights as int8: int8 ones as mapped; uint8 ones moved by -128 into a copy
   * made once at load.
   */
  public ByteBuffer weights8(LiteTensor weights) {
    ByteBuffer data = model.data(weights);
    if (weights.type() != DataType.UINT8) {
      return data;
    }
    byte[] moved = new byte[elements(weights)];
    for (int i = 0; i < moved.length; i++) {
      moved[i] = (byte) (data.get(data.position() + i) ^ 0x80);
    }
    return ByteBuffer.wrap(moved).order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * The zero point of 8-bit weights as the int8 kernels see them: 0 for TFLite's symmetric int8
   * weights, the moved zero point of classic uint8 (asymmetric, per tensor) ones.
   */
  public static int weightZeroPoint(LiteTensor weights) throws Unsupported {
    QuantParams q = weights.quantization();
    if (weights.type() == DataType.UINT8) {
      if (q.isPerAxis()) {
        throw new Unsupported("uint8 weights with " + q.scale().size() + " scales");
      }
      return (int) q.zeroPoint(0) - 128;
    }
    for (long zp : q.zeroPoints()) {
      if (zp != 0) {
        throw new Unsupported("asymmetric int8 weights (zero point " + zp + ")");
      }
    }
    return 0;
  }

  /** The scales of int8 or uint8 weights: one for the tensor, or one per output channel. */
  public static float[] weightScales(LiteTensor weights) throws Unsupported {
    QuantParams q = weights.quantization();
    weightZeroPoint(weights);
    if (q.isPerAxis() && q.quantizedDimension() != 0 && q.quantizedDimension() != 3) {
      throw new Unsupported("weights quantized along axis " + q.quantizedDimension());
    }
    return q.scales();
  }

  /**
   * The scales of hybrid int8 weights: symmetric, one for the tensor or one per output channel
   * along {@code axis} (0 for FULLY_CONNECTED and CONV_2D, 3 for DEPTHWISE_CONV_2D).
   */
  public static float[] hybridScales(LiteTensor weights, int axis, int channels)
      throws Unsupported {
    QuantParams q = weights.quantization();
    if (weightZeroPoint(weights) != 0 || weights.type() != DataType.INT8) {
      throw new Unsupported("hybrid weights must be symmetric int8, found " + weights);
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

  public static void requireSameQuant(LiteTensor a, LiteTensor b) throws Unsupported {
    if (!quant(a).equals(quant(b)) || a.type() != b.type()) {
      throw new Unsupported("expected equal quantization of " + a + " and " + b);
    }
  }

  public void requireFloat(int t) throws Unsupported {
    if (!isFloat(graph.tensor(t))) {
      throw new Unsupported("expected float32 " + graph.tensor(t));
    }
  }

  /** The output of a quantized op: 8-bit with a scale, of the input's type. */
  public void requireQuantized8(int t, LiteTensor like) throws Unsupported {
    LiteTensor tensor = graph.tensor(t);
    if (!isQuantized8(tensor) || tensor.type() != like.type()) {
      throw new Unsupported("expected quantized " + like.type().label() + " " + tensor);
    }
  }

  public void requireType(int t, DataType type) throws Unsupported {
    if (graph.tensor(t).type() != type) {
      throw new Unsupported("expected " + type.label() + " " + graph.tensor(t));
    }
  }

  // ---- steps ----------------------------------------------------------------------------------

  /** A step around a unary kernel; the casts follow the tensors' checked types. */
  public Step unary(int x, int y, UnaryOp<?, ?> kernel, UnaryOperator<int[]> shaper) {
    boolean floatIn = isFloat(graph.tensor(x));
    boolean floatOut = isFloat(graph.tensor(y));
    Step.SingleShaper shapes =
        shaper != null ? s -> shaper.apply(s[x]) : s -> kernel.outputShape(s[x]);
    Step.Runner runner;
    if (threaded() && kernel instanceof SplitOp<?, ?> split) {
      runner = split(unarySplit(x, y, split));
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
    return Step.single(name, new int[] {x}, y, shapes, runner);
  }

  /** True when the model has a gang of threads to share large steps ({@link #split}). */
  public boolean threaded() {
    return threads != null;
  }

  /**
   * The runner of a step whose units can be computed apart: shared by the gang's threads when the
   * model has them, else run whole.
   */
  public Step.Runner split(SplitRunner runner) {
    ThreadGang gang = threads;
    if (gang == null) {
      return runner;
    }
    return (buf, s, scratch) -> gang.run(runner, buf, s, scratch);
  }

  /**
   * The runner of a kernel whose arrays the step passes as they are (any element type): split over
   * the model's threads when it has them.
   */
  @SuppressWarnings("unchecked")
  public Step.Runner splitUnary(int x, int y, SplitOp<?, ?> kernel) {
    if (threaded()) {
      return split(unarySplit(x, y, kernel));
    }
    SplitOp<Object, Object> k = (SplitOp<Object, Object>) kernel;
    return (buf, s, scratch) -> k.run(buf[x], s[x], buf[y], scratch);
  }

  @SuppressWarnings("unchecked")
  private static SplitRunner unarySplit(int x, int y, SplitOp<?, ?> split) {
    SplitOp<Object, Object> k = (SplitOp<Object, Object>) split;
    return new SplitRunner() {
      @Override
      public int units(int[][] shapes) {
        return k.units(shapes[x]);
      }

      @Override
      public long work(int[][] shapes) {
        return k.work(shapes[x]);
      }

      @Override
      public void runUnits(Object[] buf, int[][] shapes, Scratch scratch, int from, int to) {
        k.runUnits(buf[x], shapes[x], buf[y], scratch, from, to);
      }
    };
  }

  /** A step of one input and one output whose shape one function of the input's gives. */
  public Step step(int x, int y, UnaryOperator<int[]> shaper, Step.Runner runner) {
    return Step.single(name, new int[] {x}, y, s -> shaper.apply(s[x]), runner);
  }

  /** The shapes of {@code indices}, in order. */
  public static int[][] gather(int[][] shapes, int[] indices) {
    int[][] out = new int[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      out[i] = shapes[indices[i]];
    }
    return out;
  }
}
