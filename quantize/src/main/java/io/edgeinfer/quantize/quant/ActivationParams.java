package io.edgeinfer.quantize.quant;

import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.quantize.convert.LiteGraph;
import io.edgeinfer.quantize.convert.Op;
import io.edgeinfer.quantize.convert.Value;
import java.util.HashMap;
import java.util.Map;

/**
 * The int8 parameters of every activation: from its calibrated range, except where TFLite's int8
 * kernels fix them (softmax and logistic outputs 1/256 with zero point -128, tanh 1/128 with 0) or
 * require them equal to the input's (pooling, reshape, pad, resize, reduce max) or shared by all
 * inputs and the output (concatenation).
 */
public final class ActivationParams {
  private ActivationParams() {}

  public static Map<Integer, QuantParams> of(LiteGraph graph, Map<Integer, Range> ranges) {
    Map<Integer, Range> effective = new HashMap<>(ranges);
    for (Op op : graph.ops()) {
      if (op.op() == io.edgeinfer.lite.format.BuiltinOperator.CONCATENATION
          || op.op() == io.edgeinfer.lite.format.BuiltinOperator.MAXIMUM
          || op.op() == io.edgeinfer.lite.format.BuiltinOperator.MINIMUM) {
        Range union = effective.get(op.output());
        for (int input : op.inputs()) {
          Range r = effective.get(input);
          if (r != null) {
            union = union == null ? r : union.union(r);
          }
        }
        effective.put(op.output(), union);
        for (int input : op.inputs()) {
          if (!graph.value(input).isConstant()) {
            effective.put(input, union);
          }
        }
      }
    }
    Map<Integer, QuantParams> params = new HashMap<>();
    for (Value value : graph.values()) {
      Range range = effective.get(value.id());
      if (!value.isConstant() && range != null) {
        float[] p = range.int8Params();
        params.put(
            value.id(),
            QuantParams.perTensor(p[0], (long) p[1])
                .withRange(new float[] {range.min()}, new float[] {range.max()}));
      }
    }
    for (Op op : graph.ops()) {
      switch (op.op()) {
        case SOFTMAX, LOGISTIC -> params.put(op.output(), QuantParams.perTensor(1f / 256f, -128));
        case TANH -> params.put(op.output(), QuantParams.perTensor(1f / 128f, 0));
        case MAX_POOL_2D,
            AVERAGE_POOL_2D,
            RESHAPE,
            SQUEEZE,
            PAD,
            RESIZE_BILINEAR,
            RESIZE_NEAREST_NEIGHBOR,
            REDUCE_MAX -> {
          QuantParams in = params.get(op.input(0));
          if (in != null) {
            params.put(op.output(), in);
          }
        }
        default -> {}
      }
    }
    return params;
  }
}
