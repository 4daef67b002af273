package io.edgeinfer.lite.kernels;

/**
 * The reference SVDF (a rank-r decomposed filter bank over a sliding memory), as TensorFlow Lite
 * Micro runs it. Each call shifts every filter's memory left by one, writes the filter's response
 * to the input into the last slot, then sums memory x time weights per filter, the filters of a
 * unit over the rank, and the bias.
 *
 * <p>Integer: int8 input (any zero point), int8 feature weights, int16 time weights and state (zero
 * point 0), int32 bias, int8 output; the feature response is rescaled by {@code input * feature /
 * state} and the sum by {@code state * time / output} (each product in float, as TFLite Micro
 * does), and no fused activation is applied (TFLite Micro applies none on this path).
 *
 * <p>The state is the caller's array, kept between calls: a stream.
 */
public final class RefSvdf {
  private final int rank;
  private final int filters;
  private final int inputSize;
  private final int memory;

  public RefSvdf(int rank, int filters, int inputSize, int memory) {
    if (rank < 1 || filters % rank != 0) {
      throw new IllegalArgumentException(
          "expected a rank dividing the " + filters + " filters, found " + rank);
    }
    this.rank = rank;
    this.filters = filters;
    this.inputSize = inputSize;
    this.memory = memory;
  }

  public int units() {
    return filters / rank;
  }

  public int stateSize(int batch) {
    return batch * filters * memory;
  }

  /** Moves every filter's memory one slot towards the past (the last slot is then rewritten). */
  private void shift(Object state, int batch) {
    int n = stateSize(batch);
    System.arraycopy(state, 1, state, 0, n - 1);
  }

  /** int8 in and out with an int16 state. */
  public final class Int8 {
    private final byte[] feature;
    private final short[] time;
    private final int[] bias;
    private final int inputZeroPoint;
    private final int outputZeroPoint;
    private final Quantization.Multiplier toState;
    private final Quantization.Multiplier toOutput;

    public Int8(
        byte[] feature,
        short[] time,
        int[] bias,
        Quant input,
        float featureScale,
        float stateScale,
        float timeScale,
        Quant output) {
      this.feature = feature.clone();
      this.time = time.clone();
      this.bias = bias == null ? new int[units()] : bias.clone();
      Shapes.checkEqual("feature weights", filters * inputSize, feature.length);
      Shapes.checkEqual("time weights", filters * memory, time.length);
      Shapes.checkEqual("biases", units(), this.bias.length);
      this.inputZeroPoint = input.zeroPoint();
      this.outputZeroPoint = output.zeroPoint();
      float scale1 = input.scale() * featureScale / stateScale;
      float scale2 = stateScale * timeScale / output.scale();
      this.toState = Quantization.quantizeMultiplier(scale1);
      this.toOutput = Quantization.quantizeMultiplier(scale2);
    }

    public void run(byte[] input, int batch, short[] state, byte[] output) {
      shift(state, batch);
      for (int b = 0; b < batch; b++) {
        for (int f = 0; f < filters; f++) {
          int dot = 0;
          for (int c = 0; c < inputSize; c++) {
            dot += feature[f * inputSize + c] * (input[b * inputSize + c] - inputZeroPoint);
          }
          int q = Quantization.multiplyByQuantizedMultiplier(dot, toState);
          state[(b * filters + f) * memory + memory - 1] =
              (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, q));
        }
        for (int u = 0; u < units(); u++) {
          int acc = bias[u];
          for (int r = 0; r < rank; r++) {
            int f = u * rank + r;
            int row = (b * filters + f) * memory;
            for (int m = 0; m < memory; m++) {
              acc += time[f * memory + m] * state[row + m];
            }
          }
          int q = Quantization.multiplyByQuantizedMultiplier(acc, toOutput) + outputZeroPoint;
          output[b * units() + u] = (byte) Math.max(-128, Math.min(127, q));
        }
      }
    }
  }

  /** float32 throughout, with the fused activation. */
  public final class Float32 {
    private final float[] feature;
    private final float[] time;
    private final float[] bias;
    private final Activation activation;

    public Float32(float[] feature, float[] time, float[] bias, Activation activation) {
      this.feature = feature.clone();
      this.time = time.clone();
      this.bias = bias == null ? new float[units()] : bias.clone();
      Shapes.checkEqual("feature weights", filters * inputSize, feature.length);
      Shapes.checkEqual("time weights", filters * memory, time.length);
      this.activation = activation;
    }

    public void run(float[] input, int batch, float[] state, float[] output) {
      shift(state, batch);
      for (int b = 0; b < batch; b++) {
        for (int f = 0; f < filters; f++) {
          float dot = 0f;
          for (int c = 0; c < inputSize; c++) {
            dot += feature[f * inputSize + c] * input[b * inputSize + c];
          }
          state[(b * filters + f) * memory + memory - 1] = dot;
        }
        for (int u = 0; u < units(); u++) {
          float acc = bias[u];
          for (int r = 0; r < rank; r++) {
            int f = u * rank + r;
            int row = (b * filters + f) * memory;
            float sum = 0f;
            for (int m = 0; m < memory; m++) {
              sum += time[f * memory + m] * state[row + m];
            }
            acc += sum;
          }
          output[b * units() + u] = activation.apply(acc);
        }
      }
    }
  }
}
