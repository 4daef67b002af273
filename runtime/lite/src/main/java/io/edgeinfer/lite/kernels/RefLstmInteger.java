package io.edgeinfer.lite.kernels;

/**
 * The integer UNIDIRECTIONAL_SEQUENCE_LSTM as TensorFlow Lite Micro runs it: int8 activations and
 * weights, int32 biases, an int16 cell state. Each gate is two fully connected products (input and
 * hidden state) requantized to Q3.12 int16, summed with saturation, then the int16 sigmoid or tanh
 * ({@link Sigmoid16}) to Q0.15. The cell is {@code f * c + i * g} in the cell state's power-of-two
 * scale (clipped when asked), and the hidden state {@code o * tanh(c)} requantized to int8, which
 * is also the step's output. The states are the caller's arrays, kept between calls.
 */
public final class RefLstmInteger {
  private final Gate[] gates;
  private final int inputSize;
  private final int units;
  private final boolean cellTanh;
  private final Cell cell;
  private final LstmSequence sequence;

  /**
   * One gate's weights and requantization.
   *
   * @param inputWeights {@code [units, inputSize]}, int8
   * @param recurrentWeights {@code [units, units]}, int8
   * @param bias {@code [units]} int32, or null
   * @param inputScale the input product's multiplier to Q3.12, one per unit
   * @param recurrentScale the hidden state product's multiplier to Q3.12, one per unit
   */
  public record Gate(
      byte[] inputWeights,
      byte[] recurrentWeights,
      int[] bias,
      Quantization.Multiplier[] inputScale,
      Quantization.Multiplier[] recurrentScale) {}

  /**
   * The cell and hidden state arithmetic.
   *
   * @param inputOffset minus the input's zero point
   * @param hiddenOffset minus the hidden state's zero point
   * @param hiddenZeroPoint the hidden state's (and output's) zero point
   * @param cellScalePower log2 of the cell state's scale
   * @param clipped whether the cell state is clipped
   * @param cellClip the clip in cell state units
   * @param forgetTimesCell Q0.15 times the cell scale to the cell scale
   * @param inputTimesCellGate Q0.15 times Q0.15 to the cell scale
   * @param outputTimesTanh Q0.15 times Q0.15 to the hidden state's scale
   */
  public record Cell(
      int inputOffset,
      int hiddenOffset,
      int hiddenZeroPoint,
      int cellScalePower,
      boolean clipped,
      int cellClip,
      Quantization.Multiplier forgetTimesCell,
      Quantization.Multiplier inputTimesCellGate,
      Quantization.Multiplier outputTimesTanh) {}

  /**
   * @param gates in the order {@link RefLstmFloat#INPUT}, FORGET, CELL, OUTPUT
   * @param cellTanh whether the cell gate uses tanh (else sigmoid)
   */
  public RefLstmInteger(
      Gate[] gates, int inputSize, int units, boolean cellTanh, Cell cell, boolean timeMajor) {
    if (gates.length != 4) {
      throw new IllegalArgumentException("expected 4 gates, found " + gates.length);
    }
    for (Gate g : gates) {
      Shapes.checkEqual("input weights", units * inputSize, g.inputWeights().length);
      Shapes.checkEqual("recurrent weights", units * units, g.recurrentWeights().length);
      if (g.bias() != null) {
        Shapes.checkEqual("biases", units, g.bias().length);
      }
    }
    this.gates = gates.clone();
    this.inputSize = inputSize;
    this.units = units;
    this.cellTanh = cellTanh;
    this.cell = cell;
    this.sequence = new LstmSequence(inputSize, units, timeMajor);
  }

  /** The output shape: the input's with the last axis the state size. */
  public int[] outputShape(int[] inputShape) {
    return sequence.outputShape(inputShape);
  }

  /**
   * Runs the sequence; {@code scratch} holds at least 4 x units ints.
   *
   * @param hidden {@code [batch, units]} int8, updated
   * @param cellState {@code [batch, units]} int16, updated
   */
  public void run(
      byte[] input,
      int[] inputShape,
      byte[] hidden,
      short[] cellState,
      byte[] output,
      int[] scratch) {
    sequence.forEachStep(
        inputShape, (x, state, y) -> step(input, x, hidden, cellState, state, output, y, scratch));
  }

  private void step(
      byte[] x, int xAt, byte[] h, short[] c, int stateAt, byte[] y, int yAt, int[] g) {
    int forget = RefLstmFloat.FORGET * units;
    int in = RefLstmFloat.INPUT * units;
    int cellGate = RefLstmFloat.CELL * units;
    int out = RefLstmFloat.OUTPUT * units;
    gate(RefLstmFloat.FORGET, x, xAt, h, stateAt, g, false);
    gate(RefLstmFloat.INPUT, x, xAt, h, stateAt, g, false);
    gate(RefLstmFloat.CELL, x, xAt, h, stateAt, g, cellTanh);
    for (int u = 0; u < units; u++) {
      int kept = mul16(g[forget + u], c[stateAt + u], cell.forgetTimesCell());
      int added = mul16(g[in + u], g[cellGate + u], cell.inputTimesCellGate());
      int next = saturate16(kept + added);
      if (cell.clipped()) {
        next = Math.max(-cell.cellClip(), Math.min(cell.cellClip(), next));
      }
      c[stateAt + u] = (short) next;
    }
    gate(RefLstmFloat.OUTPUT, x, xAt, h, stateAt, g, false);
    // The cell's tanh: its power-of-two scale moved to the table's Q3.12 (times 3/4) by a shift.
    int shift = 12 + cell.cellScalePower();
    int multiplier = 0;
    if (shift < 0) {
      shift = -shift;
      multiplier = 3;
    }
    for (int u = 0; u < units; u++) {
      int tanh = Sigmoid16.tanh(c[stateAt + u], multiplier, shift);
      int value =
          cell.hiddenZeroPoint()
              + Quantization.multiplyByQuantizedMultiplier(
                  tanh * g[out + u], cell.outputTimesTanh());
      byte hidden = (byte) Math.max(-128, Math.min(127, value));
      h[stateAt + u] = hidden;
      y[yAt + u] = hidden;
    }
  }

  /** One gate from the previous hidden state (the states change only after all four). */
  private void gate(int which, byte[] x, int xAt, byte[] h, int hAt, int[] out, boolean tanh) {
    Gate g = gates[which];
    byte[] wx = g.inputWeights();
    byte[] wh = g.recurrentWeights();
    int at = which * units;
    for (int u = 0; u < units; u++) {
      int fromInput = 0;
      for (int d = 0; d < inputSize; d++) {
        fromInput += wx[u * inputSize + d] * (x[xAt + d] + cell.inputOffset());
      }
      if (g.bias() != null) {
        fromInput += g.bias()[u];
      }
      int fromState = 0;
      for (int d = 0; d < units; d++) {
        fromState += wh[u * units + d] * (h[hAt + d] + cell.hiddenOffset());
      }
      int sum =
          saturate16(
              saturate16(Quantization.multiplyByQuantizedMultiplier(fromInput, g.inputScale()[u]))
                  + saturate16(
                      Quantization.multiplyByQuantizedMultiplier(
                          fromState, g.recurrentScale()[u])));
      // Both activations read Q3.12 with the table's 3/4 factor and no shift.
      out[at + u] = tanh ? Sigmoid16.tanh(sum, 0, 0) : Sigmoid16.logistic(sum, 0, 0);
    }
  }

  private static int mul16(int a, int b, Quantization.Multiplier m) {
    return saturate16(Quantization.multiplyByQuantizedMultiplier(a * b, m));
  }

  private static int saturate16(int v) {
    return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
  }
}
