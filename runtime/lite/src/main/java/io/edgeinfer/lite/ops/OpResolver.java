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
    r.add(BuiltinOperator.CONV_2D, new ConvLowering(false));
    r.add(BuiltinOperator.DEPTHWISE_CONV_2D, new ConvLowering(true));
    r.add(BuiltinOperator.AVERAGE_POOL_2D, new PoolLowering(false));
    r.add(BuiltinOperator.MAX_POOL_2D, new PoolLowering(true));
    r.add(BuiltinOperator.MEAN, new MeanLowering());
    r.add(BuiltinOperator.ARG_MAX, new ArgMaxLowering());
    for (BuiltinOperator op :
        new BuiltinOperator[] {BuiltinOperator.ADD, BuiltinOperator.SUB, BuiltinOperator.MUL}) {
      r.add(op, new BinaryLowering(op));
    }
    for (BuiltinOperator op :
        new BuiltinOperator[] {
          BuiltinOperator.RELU,
          BuiltinOperator.RELU6,
          BuiltinOperator.LOGISTIC,
          BuiltinOperator.TANH,
          BuiltinOperator.LEAKY_RELU,
          BuiltinOperator.SOFTMAX
        }) {
      r.add(op, new ActivationLowering(op));
    }
    for (BuiltinOperator op :
        new BuiltinOperator[] {
          BuiltinOperator.RESHAPE, BuiltinOperator.SQUEEZE, BuiltinOperator.EXPAND_DIMS
        }) {
      r.add(op, new ReshapeLowering(op));
    }
    r.add(BuiltinOperator.QUANTIZE, new QuantizeLowering(false));
    r.add(BuiltinOperator.DEQUANTIZE, new QuantizeLowering(true));
    r.add(BuiltinOperator.CONCATENATION, new ConcatenationLowering());
    r.add(BuiltinOperator.PAD, new PadLowering());
    r.add(BuiltinOperator.PADV2, new PadLowering());
    r.add(BuiltinOperator.TRANSPOSE, new TransposeLowering());
    r.addCustom(DetectionPostProcessLowering.NAME, new DetectionPostProcessLowering());
    // shape, text, resize and elementwise ops
    r.add(BuiltinOperator.RESIZE_BILINEAR, new ResizeLowering(BuiltinOperator.RESIZE_BILINEAR));
    r.add(
        BuiltinOperator.RESIZE_NEAREST_NEIGHBOR,
        new ResizeLowering(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR));
    r.add(BuiltinOperator.GATHER, new GatherLowering());
    r.add(BuiltinOperator.EMBEDDING_LOOKUP, new EmbeddingLookupLowering());
    return r;
  }

  private void add(BuiltinOperator op, Lowering lowering) {
    builtins.put(op, lowering);
  }

  private void addCustom(String name, Lowering lowering) {
    customs.put(name, lowering);
  }

  /** The lowering for an operator code, or empty when the engine does not run it. */
  public Optional<Lowering> find(LiteOpCode code) {
    if (code.isCustom()) {
      return Optional.ofNullable(customs.get(code.customCode()));
    }
    return code.builtin().map(builtins::get);
  }
}
