package io.edgeinfer.lite.kernels;

/**
 * The walk of a sequence LSTM over its input, whatever its arithmetic: {@code [batch, time,
 * features]} (or time-major {@code [time, batch, features]}) in, one state per batch row, each time
 * step after the one before it.
 */
record LstmSequence(int inputSize, int units, boolean timeMajor) {

  /** One time step of one batch row. */
  @FunctionalInterface
  interface StepVisitor {
    /**
     * @param inputAt where the step's features start in the input
     * @param stateAt where its batch row's states start
     * @param outputAt where its output starts
     */
    void step(int inputAt, int stateAt, int outputAt);
  }

  /** The output shape: the input's with the last axis the state size. */
  int[] outputShape(int[] inputShape) {
    Shapes.checkRank("sequence input", inputShape, 3);
    Shapes.checkEqual("input size", inputSize, inputShape[2]);
    return new int[] {inputShape[0], inputShape[1], units};
  }

  void forEachStep(int[] inputShape, StepVisitor visitor) {
    int batches = timeMajor ? inputShape[1] : inputShape[0];
    int steps = timeMajor ? inputShape[0] : inputShape[1];
    for (int b = 0; b < batches; b++) {
      for (int t = 0; t < steps; t++) {
        int row = timeMajor ? t * batches + b : b * steps + t;
        visitor.step(row * inputSize, b * units, row * units);
      }
    }
  }
}
