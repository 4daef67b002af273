package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/** The reference FULLY_CONNECTED: one dot product per output, in input order. */
final class RefFullyConnected {
  private RefFullyConnected() {}

  /** The batch of an input shape read as {@code [batch, inputs]}. */
  static int batch(int[] inputShape, int inputs) {
    int size = Shapes.size(inputShape);
    if (size % inputs != 0) {
      throw new IllegalArgumentException(
          "expected a multiple of " + inputs + " input elements, found " + size);
    }
    return size / inputs;
  }

  static final class FloatOp implements UnaryOp<float[], float[]> {
    private final FloatBuffer weights;
    private final int outputs;
    private final int inputs;
    private final float[] bias;
    private final Activation activation;

    FloatOp(FloatBuffer weights, int outputs, int inputs, float[] bias, Activation activation) {
      this.weights = Weights.view(weights, outputs * inputs, "weight");
      this.outputs = outputs;
      this.inputs = inputs;
      this.bias = Weights.bias(bias, outputs);
      this.activation = activation;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return new int[] {batch(inputShape, inputs), outputs};
    }

    @Override
    public void run(float[] input, int[] inputShape, float[] output, Scratch scratch) {
      int batch = batch(inputShape, inputs);
      Shapes.checkLength("input", batch * inputs, input.length);
      Shapes.checkLength("output", batch * outputs, output.length);
      for (int b = 0; b < batch; b++) {
        for (int o = 0; o < outputs; o++) {
          float total = 0f;
          for (int i = 0; i < inputs; i++) {
            total += input[b * inputs + i] * weights.get(o * inputs + i);
          }
          output[b * outputs + o] = activation.apply(total + bias[o]);
        }
      }
    }
  }

  static final class Int8Op implements UnaryOp<byte[], byte[]> {
    private final ByteBuffer weights;
    private final int outputs;
    private final int inputs;
    private final int[] bias;
    private final int inputZeroPoint;
    private final int weightZeroPoint;
    private final Requantization requant;

    Int8Op(
        ByteBuffer weights,
        int outputs,
        int inputs,
        float[] weightScales,
        int[] bias,
        Quant input,
        Quant output,
        Activation activation) {
      this(weights, 0, outputs, inputs, weightScales, bias, input, output, activation);
    }

    /** With asymmetric weights: {@code weightZeroPoint} is subtracted from every weight. */
    Int8Op(
        ByteBuffer weights,
        int weightZeroPoint,
        int outputs,
        int inputs,
        float[] weightScales,
        int[] bias,
        Quant input,
        Quant output,
        Activation activation) {
      this.weightZeroPoint = weightZeroPoint;
      this.weights = Weights.view(weights, outputs * inputs, "weight");
      this.outputs = outputs;
      this.inputs = inputs;
      this.bias = Weights.bias(bias, outputs);
      this.inputZeroPoint = input.zeroPoint();
      this.requant =
          Requantization.fullyConnected(input, weightScales, output, activation, outputs);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return new int[] {batch(inputShape, inputs), outputs};
    }

    @Override
    public void run(byte[] input, int[] inputShape, byte[] output, Scratch scratch) {
      int batch = batch(inputShape, inputs);
      Shapes.checkLength("input", batch * inputs, input.length);
      Shapes.checkLength("output", batch * outputs, output.length);
      for (int b = 0; b < batch; b++) {
        for (int o = 0; o < outputs; o++) {
          int acc = 0;
          for (int i = 0; i < inputs; i++) {
            acc +=
                (weights.get(o * inputs + i) - weightZeroPoint)
                    * (input[b * inputs + i] - inputZeroPoint);
          }
          acc += bias[o];
          output[b * outputs + o] = (byte) requant.apply(acc, o);
        }
      }
    }
  }
}
