package io.edgeinfer.lite.ops;

import io.edgeinfer.core.DataType;
import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.Quant;
import io.edgeinfer.lite.kernels.Quantization;
import io.edgeinfer.lite.kernels.RefLstmInteger;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM with int8 activations and weights and an int16 cell state, the
 * quantized form TensorFlow Lite's converter writes and TensorFlow Lite Micro runs. Every gate's
 * products are requantized to Q3.12 (scale 2^-12) for the int16 sigmoid and tanh, whose outputs are
 * Q0.15; the requantization multipliers are computed here once, as TFLite's kernel prepares them.
 */
final class IntegerLstm {
  private static final float GATE_INPUT_SCALE = 1f / 4096; // Q3.12
  private static final float GATE_OUTPUT_SCALE = 1f / 32768; // Q0.15
  private static final int[] INPUT_WEIGHTS = {1, 2, 3, 4};
  private static final int[] RECURRENT_WEIGHTS = {5, 6, 7, 8};
  private static final int[] BIASES = {12, 13, 14, 15};
  private static final int HIDDEN = 18;
  private static final int CELL = 19;

  private IntegerLstm() {}

  static Step lower(
      OpContext ctx, LiteOperator op, OperatorOptions.SequenceLstm o, boolean cellTanh)
      throws Unsupported {
    int x = ctx.operand(op, 0);
    LiteTensor in = ctx.tensor(x);
    if (in.type() != DataType.INT8) {
      throw new Unsupported(in.type().label() + " activations (int8 ones are run)");
    }
    int inputSize = in.shape().dims()[2];
    int units = ctx.constant(op, 2, "input-to-forget weights").shape().dims()[0];
    int hidden = state(ctx, op, HIDDEN, DataType.INT8, units);
    int cellState = state(ctx, op, CELL, DataType.INT16, units);
    int y = op.output(0);
    ctx.requireType(y, DataType.INT8);
    Quant qx = OpContext.quant(in);
    Quant qh = OpContext.quant(ctx.tensor(hidden));
    Quant qy = OpContext.quant(ctx.tensor(y));
    if (qy.scale() != qh.scale() || qy.zeroPoint() != qh.zeroPoint()) {
      throw new Unsupported("an output quantized unlike the hidden state it copies");
    }
    RefLstmInteger.Gate[] gates = new RefLstmInteger.Gate[4];
    for (int g = 0; g < 4; g++) {
      LiteTensor wx = weights(ctx, op, INPUT_WEIGHTS[g], units * inputSize);
      LiteTensor wh = weights(ctx, op, RECURRENT_WEIGHTS[g], units * units);
      gates[g] =
          new RefLstmInteger.Gate(
              bytes(ctx, wx),
              bytes(ctx, wh),
              ctx.intBias(op, BIASES[g], units),
              multipliers(qx.scale(), wx, units),
              multipliers(qh.scale(), wh, units));
    }
    float cellScale = Int16Operands.scale(ctx.tensor(cellState));
    double clip = Math.min(Math.max((double) o.cellClip() / (double) cellScale, -32768.0), 32767.0);
    RefLstmInteger.Cell cell =
        new RefLstmInteger.Cell(
            -qx.zeroPoint(),
            -qh.zeroPoint(),
            qh.zeroPoint(),
            Sigmoid16Lowering.roundedLog2(cellScale),
            o.cellClip() > 0,
            (int) clip,
            interGate(GATE_OUTPUT_SCALE, cellScale, cellScale),
            interGate(GATE_OUTPUT_SCALE, GATE_OUTPUT_SCALE, cellScale),
            interGate(GATE_OUTPUT_SCALE, GATE_OUTPUT_SCALE, qh.scale()));
    RefLstmInteger k;
    try {
      k = new RefLstmInteger(gates, inputSize, units, cellTanh, cell, o.timeMajor());
    } catch (IllegalArgumentException e) {
      throw new Unsupported(e.getMessage());
    }
    return SequenceLstmLowering.sequenceStep(
        ctx,
        new int[] {x, y, hidden, cellState},
        o.timeMajor(),
        k::outputShape,
        (buf, s, scratch) ->
            k.run(
                (byte[]) buf[x],
                s[x],
                (byte[]) buf[hidden],
                (short[]) buf[cellState],
                (byte[]) buf[y],
                scratch.ints(0, 4 * units)));
  }

  /** A fully connected product's multiplier to Q3.12: per tensor as TFLite's FC, or per unit. */
  private static Quantization.Multiplier[] multipliers(float inScale, LiteTensor w, int units)
      throws Unsupported {
    float[] scales = OpContext.weightScales(w);
    Quantization.Multiplier[] m = new Quantization.Multiplier[units];
    for (int u = 0; u < units; u++) {
      double real =
          scales.length == 1
              ? Quantization.fullyConnectedScale(inScale, scales[0], GATE_INPUT_SCALE)
              : Quantization.convolutionScale(inScale, scales[u], GATE_INPUT_SCALE);
      m[u] = Quantization.quantizeMultiplier(real);
    }
    return m;
  }

  /** An elementwise product's multiplier, in double as TFLite's LSTM prepares it. */
  private static Quantization.Multiplier interGate(float a, float b, float out) {
    return Quantization.quantizeMultiplier((double) a * (double) b / (double) out);
  }

  private static LiteTensor weights(OpContext ctx, LiteOperator op, int i, int size)
      throws Unsupported {
    LiteTensor w = ctx.constant(op, i, "weights " + i);
    if (w.type() != DataType.INT8 || w.shape().elementCount() != size) {
      throw new Unsupported("expected int8 weights of " + size + " at input " + i + ", found " + w);
    }
    return w;
  }

  private static byte[] bytes(OpContext ctx, LiteTensor w) {
    byte[] values = new byte[OpContext.elements(w)];
    ctx.weights8(w).duplicate().get(values);
    return values;
  }

  private static int state(OpContext ctx, LiteOperator op, int i, DataType type, int units)
      throws Unsupported {
    int t = op.input(i);
    if (t == LiteOperator.OMITTED || !ctx.tensor(t).variable() || ctx.tensor(t).type() != type) {
      throw new Unsupported("expected a " + type.label() + " variable state at input " + i);
    }
    if (ctx.tensor(t).shape().elementCount() % units != 0) {
      throw new Unsupported("state " + ctx.tensor(t) + " does not hold " + units + " units");
    }
    return t;
  }
}
