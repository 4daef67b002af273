package io.edgeinfer.lite.kernels;

/**
 * The reference float32 UNIDIRECTIONAL_SEQUENCE_LSTM, as TensorFlow Lite Micro runs it: no
 * peepholes, projection or layer norm; per time step the forget, input and cell gates ({@code W_x x
 * + b + W_h h}, sigmoid; the cell gate's own activation, tanh), the cell {@code f * c + i * g}
 * (clipped when asked), the output gate, and the hidden state {@code o * tanh(c)}, which is also
 * the step's output. The hidden and cell states are the caller's arrays, kept between calls.
 */
public final class RefLstmFloat {
  /** Gate order in the arrays below. */
  public static final int INPUT = 0;

  public static final int FORGET = 1;
  public static final int CELL = 2;
  public static final int OUTPUT = 3;

  private final float[][] inputWeights;
  private final float[][] recurrentWeights;
  private final float[][] biases;
  private final int inputSize;
  private final int units;
  private final boolean cellTanh;
  private final float cellClip;
  private final LstmSequence sequence;

  /**
   * @param inputWeights per gate, {@code [units, inputSize]} row-major
   * @param recurrentWeights per gate, {@code [units, units]}
   * @param biases per gate, {@code [units]} (null: zeros)
   * @param cellTanh whether the cell gate uses tanh (else sigmoid)
   */
  public RefLstmFloat(
      float[][] inputWeights,
      float[][] recurrentWeights,
      float[][] biases,
      int inputSize,
      int units,
      boolean cellTanh,
      float cellClip,
      boolean timeMajor) {
    this.inputWeights = inputWeights.clone();
    this.recurrentWeights = recurrentWeights.clone();
    this.biases = new float[4][];
    for (int g = 0; g < 4; g++) {
      Shapes.checkEqual("input weights", units * inputSize, inputWeights[g].length);
      Shapes.checkEqual("recurrent weights", units * units, recurrentWeights[g].length);
      this.biases[g] = biases[g] == null ? new float[units] : biases[g].clone();
      Shapes.checkEqual("biases", units, this.biases[g].length);
    }
    this.inputSize = inputSize;
    this.units = units;
    this.cellTanh = cellTanh;
    this.cellClip = cellClip;
    this.sequence = new LstmSequence(inputSize, units, timeMajor);
  }

  /** The output shape: the input's with the last axis the state size. */
  public int[] outputShape(int[] inputShape) {
    return sequence.outputShape(inputShape);
  }

  /**
   * Runs the sequence; {@code gates} is scratch of 5 x units floats.
   *
   * @param hidden {@code [batch, units]}, updated
   * @param cell {@code [batch, units]}, updated
   */
  public void run(
      float[] input,
      int[] inputShape,
      float[] hidden,
      float[] cell,
      float[] output,
      float[] gates) {
    sequence.forEachStep(
        inputShape, (x, state, y) -> step(input, x, hidden, cell, state, output, y, gates));
  }

  private void step(
      float[] x, int xAt, float[] h, float[] c, int stateAt, float[] y, int yAt, float[] gates) {
    gate(FORGET, x, xAt, h, stateAt, gates, false);
    gate(INPUT, x, xAt, h, stateAt, gates, false);
    gate(CELL, x, xAt, h, stateAt, gates, cellTanh);
    for (int u = 0; u < units; u++) {
      float kept = gates[FORGET * units + u] * c[stateAt + u];
      float added = gates[INPUT * units + u] * gates[CELL * units + u];
      float next = kept + added;
      if (cellClip > 0) {
        next = Math.max(-cellClip, Math.min(cellClip, next));
      }
      c[stateAt + u] = next;
    }
    gate(OUTPUT, x, xAt, h, stateAt, gates, false);
    for (int u = 0; u < units; u++) {
      float value = (float) Math.tanh(c[stateAt + u]) * gates[OUTPUT * units + u];
      h[stateAt + u] = value;
      y[yAt + u] = value;
    }
  }

  /** One gate: both fully connected products, summed, then its activation. */
  private void gate(int g, float[] x, int xAt, float[] h, int hAt, float[] out, boolean tanh) {
    float[] wx = inputWeights[g];
    float[] wh = recurrentWeights[g];
    for (int u = 0; u < units; u++) {
      float fromInput = 0f;
      for (int d = 0; d < inputSize; d++) {
        fromInput += x[xAt + d] * wx[u * inputSize + d];
      }
      fromInput += biases[g][u];
      float fromState = 0f;
      for (int d = 0; d < units; d++) {
        fromState += h[hAt + d] * wh[u * units + d];
      }
      float sum = fromInput + fromState;
      out[g * units + u] = tanh ? (float) Math.tanh(sum) : sigmoid(sum);
    }
  }

  /** TFLite's float logistic, with its cut-offs. */
  static float sigmoid(float x) {
    if (x > 16.619047164916992188f) {
      return 1f;
    }
    if (x < -9f) {
      return (float) Math.exp(x);
    }
    return 1f / (1f + (float) Math.exp(-x));
  }
}
