package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.BuiltinOperator;
import io.edgeinfer.lite.format.LiteOpCode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which {@link Lowering} runs each operator: builtins by code, custom ops by name. The one place
 * that lists what the lite engine supports; adding an op is one line here.
 */
public final class OpResolver {
  private final Map<BuiltinOperator, Lowering> builtins = new EnumMap<>(BuiltinOperator.class);
  private final Map<String, Lowering> customs = new HashMap<>();

  private OpResolver() {}

  /** Every operator the lite engine runs. */
  public static OpResolver standard() {
    OpResolver r = new OpResolver();
    r.add(BuiltinOperator.FULLY_CONNECTED, new FullyConnectedLowering());
    // CONV_2D, ADD, SUB, LEAKY_RELU, PAD, PADV2, QUANTIZE and DEQUANTIZE: below, with 16x8.
    r.add(BuiltinOperator.DEPTHWISE_CONV_2D, new ConvLowering(true));
    r.add(BuiltinOperator.AVERAGE_POOL_2D, new PoolLowering(false));
    r.add(BuiltinOperator.MAX_POOL_2D, new PoolLowering(true));
    r.add(BuiltinOperator.MEAN, new MeanLowering());
    r.add(BuiltinOperator.ARG_MAX, new ArgMaxLowering());
    r.add(BuiltinOperator.MUL, new BinaryLowering(BuiltinOperator.MUL));
    for (BuiltinOperator op :
        new BuiltinOperator[] {
          BuiltinOperator.RELU, BuiltinOperator.RELU6, BuiltinOperator.SOFTMAX
        }) {
      r.add(op, new ActivationLowering(op));
    }
    for (BuiltinOperator op :
        new BuiltinOperator[] {
          BuiltinOperator.RESHAPE, BuiltinOperator.SQUEEZE, BuiltinOperator.EXPAND_DIMS
        }) {
      r.add(op, new ReshapeLowering(op));
    }
    r.add(BuiltinOperator.CONCATENATION, new ConcatenationLowering());
    r.add(BuiltinOperator.TRANSPOSE, new TransposeLowering());
    r.addCustom(DetectionPostProcessLowering.NAME, new DetectionPostProcessLowering());
    for (BuiltinOperator op :
        new BuiltinOperator[] {
          BuiltinOperator.RFFT2D,
          BuiltinOperator.COMPLEX_ABS,
          BuiltinOperator.REAL,
          BuiltinOperator.IMAG
        }) {
      r.add(op, new FourierLowering(op));
    }
    // 16x8 and sequence ops
    r.add(BuiltinOperator.CONV_2D, new Conv16x8Lowering(new ConvLowering(false)));
    for (BuiltinOperator op : new BuiltinOperator[] {BuiltinOperator.ADD, BuiltinOperator.SUB}) {
      r.add(op, new AddSub16Lowering(op, new BinaryLowering(op)));
    }
    r.add(
        BuiltinOperator.LEAKY_RELU,
        new LeakyRelu16Lowering(new ActivationLowering(BuiltinOperator.LEAKY_RELU)));
    r.add(
        BuiltinOperator.LOGISTIC,
        new Sigmoid16Lowering(false, new ActivationLowering(BuiltinOperator.LOGISTIC)));
    r.add(
        BuiltinOperator.TANH,
        new Sigmoid16Lowering(true, new ActivationLowering(BuiltinOperator.TANH)));
    r.add(BuiltinOperator.PAD, new PadWideLowering(new PadLowering()));
    r.add(BuiltinOperator.PADV2, new PadWideLowering(new PadLowering()));
    r.add(BuiltinOperator.QUANTIZE, new Quantize16Lowering(false, new QuantizeLowering(false)));
    r.add(BuiltinOperator.DEQUANTIZE, new Quantize16Lowering(true, new QuantizeLowering(true)));
    r.add(BuiltinOperator.STRIDED_SLICE, new StridedSliceLowering());
    r.add(BuiltinOperator.TRANSPOSE_CONV, new TransposeConvLowering());
    r.add(BuiltinOperator.SVDF, new SvdfLowering());
    r.add(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, new SequenceLstmLowering());
    // shape, text, resize and elementwise ops
    r.add(BuiltinOperator.RESIZE_BILINEAR, new ResizeLowering(BuiltinOperator.RESIZE_BILINEAR));
    r.add(
        BuiltinOperator.RESIZE_NEAREST_NEIGHBOR,
        new ResizeLowering(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR));
    r.add(BuiltinOperator.GATHER, new GatherLowering());
    r.add(BuiltinOperator.GATHER_ND, new GatherNdLowering());
    r.add(BuiltinOperator.EMBEDDING_LOOKUP, new EmbeddingLookupLowering());
    r.add(BuiltinOperator.SHAPE, new ShapeLowering());
    r.add(BuiltinOperator.SLICE, new SliceLowering());
    r.add(BuiltinOperator.PACK, new PackLowering(BuiltinOperator.PACK));
    r.add(BuiltinOperator.UNPACK, new PackLowering(BuiltinOperator.UNPACK));
    r.add(BuiltinOperator.SPLIT, new SplitLowering(BuiltinOperator.SPLIT));
    r.add(BuiltinOperator.SPLIT_V, new SplitLowering(BuiltinOperator.SPLIT_V));
    r.add(
        BuiltinOperator.SPACE_TO_BATCH_ND,
        new SpaceBatchLowering(BuiltinOperator.SPACE_TO_BATCH_ND));
    r.add(
        BuiltinOperator.BATCH_TO_SPACE_ND,
        new SpaceBatchLowering(BuiltinOperator.BATCH_TO_SPACE_ND));
    r.add(BuiltinOperator.CAST, new CastLowering());
    r.add(BuiltinOperator.HARD_SWISH, new HardSwishLowering());
    for (BuiltinOperator op :
        new BuiltinOperator[] {
          BuiltinOperator.LOG, BuiltinOperator.SQRT, BuiltinOperator.RSQRT, BuiltinOperator.EXP
        }) {
      r.add(op, new MathLowering(op));
    }
    for (BuiltinOperator op :
        new BuiltinOperator[] {
          BuiltinOperator.DIV,
          BuiltinOperator.SQUARED_DIFFERENCE,
          BuiltinOperator.MAXIMUM,
          BuiltinOperator.MINIMUM,
          BuiltinOperator.POW,
          BuiltinOperator.FLOOR_MOD,
          BuiltinOperator.FLOOR_DIV
        }) {
      r.add(op, new ElementwiseLowering(op));
    }
    for (BuiltinOperator op :
        new BuiltinOperator[] {
          BuiltinOperator.LESS,
          BuiltinOperator.LESS_EQUAL,
          BuiltinOperator.GREATER,
          BuiltinOperator.GREATER_EQUAL,
          BuiltinOperator.EQUAL,
          BuiltinOperator.NOT_EQUAL
        }) {
      r.add(op, new ComparisonLowering(op));
    }
    r.add(BuiltinOperator.SELECT, new SelectLowering(BuiltinOperator.SELECT));
    r.add(BuiltinOperator.SELECT_V2, new SelectLowering(BuiltinOperator.SELECT_V2));
    r.add(BuiltinOperator.REDUCE_MAX, new ReduceLowering(BuiltinOperator.REDUCE_MAX));
    r.add(BuiltinOperator.SUM, new ReduceLowering(BuiltinOperator.SUM));
    r.add(BuiltinOperator.ARG_MIN, new ArgMinLowering());
    for (BuiltinOperator op :
        new BuiltinOperator[] {
          BuiltinOperator.PRELU, BuiltinOperator.L2_NORMALIZATION, BuiltinOperator.LOG_SOFTMAX
        }) {
      r.add(op, new NormalizationLowering(op));
    }
    return r;
  }

  private void add(BuiltinOperator op, Lowering lowering) {
    if (builtins.putIfAbsent(op, lowering) != null) {
      throw new IllegalStateException(op + " is bound twice");
    }
  }

  private void addCustom(String name, Lowering lowering) {
    if (customs.putIfAbsent(name, lowering) != null) {
      throw new IllegalStateException(name + " is bound twice");
    }
  }

  /** The lowering for an operator code, or empty when the engine does not run it. */
  public Optional<Lowering> find(LiteOpCode code) {
    if (code.isCustom()) {
      return Optional.ofNullable(customs.get(code.customCode()));
    }
    return code.builtin().map(builtins::get);
  }
}
