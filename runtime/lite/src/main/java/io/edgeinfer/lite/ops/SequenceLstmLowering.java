package io.edgeinfer.lite.ops;

import io.edgeinfer.lite.format.LiteOperator;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.OperatorOptions;
import io.edgeinfer.lite.kernels.RefLstmFloat;
import java.util.function.UnaryOperator;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM, float32, in the form TensorFlow Lite Micro runs: every gate present
 * (no CIFG), no peepholes, projection or layer norm. The hidden and cell states (inputs 18 and 19,
 * variable tensors) are this step's second and third outputs: the plan keeps them, zeroed when
 * planned, so a predictor's inferences continue one sequence. int8 ones go to {@link IntegerLstm}.
 */
final class SequenceLstmLowering implements Lowering {
  private static final int[] INPUT_WEIGHTS = {1, 2, 3, 4};
  private static final int[] RECURRENT_WEIGHTS = {5, 6, 7, 8};
  private static final int[] BIASES = {12, 13, 14, 15};
  private static final int[] UNSUPPORTED = {9, 10, 11, 16, 17, 20, 21, 22, 23};

  @Override
  public Step lower(OpContext ctx, LiteOperator op) throws Unsupported {
    OperatorOptions.SequenceLstm o = ctx.options(op, OperatorOptions.SequenceLstm.class);
    int x = ctx.operand(op, 0);
    LiteTensor in = ctx.tensor(x);
    for (int i : UNSUPPORTED) {
      if (op.inputs().size() > i && OpContext.has(op, i)) {
        throw new Unsupported("peephole, projection or layer-norm input " + i);
      }
    }
    if (in.shape().rank() != 3) {
      throw new Unsupported("expected a rank-3 input, found " + in.shape());
    }
    boolean cellTanh =
        switch (o.activation()) {
          case TANH -> true;
          default -> throw new Unsupported("cell activation " + o.activation());
        };
    if (!OpContext.isFloat(in)) {
      return IntegerLstm.lower(ctx, op, o, cellTanh);
    }
    int inputSize = in.shape().dims()[2];
    LiteTensor forget = ctx.constant(op, 2, "input-to-forget weights");
    int units = forget.shape().dims()[0];
    float[][] wx = new float[4][];
    float[][] wh = new float[4][];
    float[][] bias = new float[4][];
    for (int g = 0; g < 4; g++) {
      wx[g] = weights(ctx, op, INPUT_WEIGHTS[g], units * inputSize);
      wh[g] = weights(ctx, op, RECURRENT_WEIGHTS[g], units * units);
      bias[g] = ctx.floatBias(op, BIASES[g], units);
    }
    int hidden = state(ctx, op, 18, units);
    int cell = state(ctx, op, 19, units);
    int y = op.output(0);
    ctx.requireFloat(y);
    RefLstmFloat k;
    try {
      k = new RefLstmFloat(wx, wh, bias, inputSize, units, cellTanh, o.cellClip(), o.timeMajor());
    } catch (IllegalArgumentException e) {
      throw new Unsupported(e.getMessage());
    }
    return sequenceStep(
        ctx,
        new int[] {x, y, hidden, cell},
        o.timeMajor(),
        k::outputShape,
        (buf, s, scratch) ->
            k.run(
                (float[]) buf[x],
                s[x],
                (float[]) buf[hidden],
                (float[]) buf[cell],
                (float[]) buf[y],
                scratch.floats(0, 4 * units)));
  }

  /**
   * The step of a sequence LSTM: the output and both states written, the batch fixed by the model's
   * own input.
   *
   * @param tensors the input, output, hidden state and cell state
   */
  static Step sequenceStep(
      OpContext ctx,
      int[] tensors,
      boolean timeMajor,
      UnaryOperator<int[]> outputShape,
      Step.Runner runner) {
    int x = tensors[0];
    int[] hiddenShape = ctx.tensor(tensors[2]).shape().dims();
    int[] cellShape = ctx.tensor(tensors[3]).shape().dims();
    int batchAxis = timeMajor ? 1 : 0;
    int batch = ctx.tensor(x).shape().dims()[batchAxis];
    Step.Shaper shaper =
        s -> {
          int[] out = outputShape.apply(s[x]);
          if (s[x][batchAxis] != batch) {
            throw new IllegalArgumentException("expected a batch of " + batch);
          }
          return new int[][] {out, hiddenShape.clone(), cellShape.clone()};
        };
    return new Step(
        ctx.name(), new int[] {x}, new int[] {tensors[1], tensors[2], tensors[3]}, shaper, runner);
  }

  private static float[] weights(OpContext ctx, LiteOperator op, int i, int size)
      throws Unsupported {
    LiteTensor w = ctx.constant(op, i, "weights " + i);
    if (!OpContext.isFloat(w) || w.shape().elementCount() != size) {
      throw new Unsupported(
          "expected float32 weights of " + size + " at input " + i + ", found " + w);
    }
    float[] values = new float[size];
    ctx.floats(w).get(values);
    return values;
  }

  private static int state(OpContext ctx, LiteOperator op, int i, int units) throws Unsupported {
    int t = op.input(i);
    if (t == LiteOperator.OMITTED
        || !ctx.tensor(t).variable()
        || !OpContext.isFloat(ctx.tensor(t))) {
      throw new Unsupported("expected a float32 variable state at input " + i);
    }
    if (ctx.tensor(t).shape().elementCount() % units != 0) {
      throw new Unsupported("state " + ctx.tensor(t) + " does not hold " + units + " units");
    }
    return t;
  }
}
