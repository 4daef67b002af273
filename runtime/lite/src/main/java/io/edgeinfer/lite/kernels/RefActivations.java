package io.edgeinfer.lite.kernels;

/**
 * The reference activations, element by element. Int8 RELU, RELU6 and LEAKY_RELU requantize with
 * fixed-point multipliers; int8 LOGISTIC and TANH compute TFLite's table entry for each element:
 * dequantize, apply the float function, {@code round(y * (1 / outputScale)) + zeroPoint} in float,
 * clamp.
 */
final class RefActivations {
  private RefActivations() {}

  static final class Relu extends ElementwiseOp<float[], float[]> {
    private final float upper;

    Relu(float upper) {
      this.upper = upper;
    }

    @Override
    void apply(float[] input, float[] output, int size) {
      for (int i = 0; i < size; i++) {
        float x = input[i];
        output[i] = x > upper ? upper : (x < 0f ? 0f : x);
      }
    }
  }

  static final class LeakyRelu extends ElementwiseOp<float[], float[]> {
    private final float alpha;

    LeakyRelu(float alpha) {
      this.alpha = alpha;
    }

    @Override
    void apply(float[] input, float[] output, int size) {
      for (int i = 0; i < size; i++) {
        float x = input[i];
        output[i] = x > 0 ? x : x * alpha;
      }
    }
  }

  /** TFLite's reference float logistic, with its cut-offs. */
  static float logistic(float x) {
    if (x > 16.619047164916992188f) {
      return 1f;
    }
    if (x < -9f) {
      return (float) Math.exp(x);
    }
    return 1f / (1f + (float) Math.exp(-x));
  }

  static final class Logistic extends ElementwiseOp<float[], float[]> {
    @Override
    void apply(float[] input, float[] output, int size) {
      for (int i = 0; i < size; i++) {
        output[i] = logistic(input[i]);
      }
    }
  }

  static final class Tanh extends ElementwiseOp<float[], float[]> {
    @Override
    void apply(float[] input, float[] output, int size) {
      for (int i = 0; i < size; i++) {
        output[i] = (float) Math.tanh(input[i]);
      }
    }
  }

  /** An int8 activation defined element by element. */
  abstract static class Int8 extends ElementwiseOp<byte[], byte[]> {
    @Override
    void apply(byte[] input, byte[] output, int size) {
      for (int i = 0; i < size; i++) {
        output[i] = (byte) value(input[i]);
      }
    }

    /** The output for one input value in [-128, 127]. */
    abstract int value(int q);
  }

  /** Int8 RELU ({@code upper} infinite) and RELU6 ({@code upper} 6), TFLite's {@code ReluX}. */
  static final class Int8Relu extends Int8 {
    private final int inputZeroPoint;
    private final int outputZeroPoint;
    private final Quantization.Multiplier multiplier;
    private final int min;
    private final int max;

    Int8Relu(Quant input, Quant output, Activation clamp) {
      this.inputZeroPoint = input.zeroPoint();
      this.outputZeroPoint = output.zeroPoint();
      this.multiplier =
          Quantization.quantizeMultiplier(
              Quantization.identityScale(input.scale(), output.scale()));
      this.min = clamp.quantizedMin(output);
      this.max = clamp.quantizedMax(output);
    }

    @Override
    int value(int q) {
      int v =
          outputZeroPoint
              + Quantization.multiplyByQuantizedMultiplier(q - inputZeroPoint, multiplier);
      return Math.min(max, Math.max(min, v));
    }
  }

  /** Int8 LEAKY_RELU: TFLite's {@code QuantizeLeakyRelu}. */
  static final class Int8LeakyRelu extends Int8 {
    private final int inputZeroPoint;
    private final int outputZeroPoint;
    private final Quantization.Multiplier identity;
    private final Quantization.Multiplier alpha;

    Int8LeakyRelu(float alpha, Quant input, Quant output) {
      this.inputZeroPoint = input.zeroPoint();
      this.outputZeroPoint = output.zeroPoint();
      this.identity =
          Quantization.quantizeMultiplier(
              Quantization.identityScale(input.scale(), output.scale()));
      this.alpha =
          Quantization.quantizeMultiplier(
              Quantization.alphaScale(input.scale(), alpha, output.scale()));
    }

    @Override
    int value(int q) {
      int x = q - inputZeroPoint;
      int v =
          outputZeroPoint
              + Quantization.multiplyByQuantizedMultiplier(x, x >= 0 ? identity : alpha);
      return Math.min(127, Math.max(-128, v));
    }
  }

  /** The float function of an int8 table-driven activation. */
  enum Function {
    LOGISTIC,
    TANH;

    float apply(float x) {
      return switch (this) {
        case LOGISTIC -> 1f / (1f + (float) Math.exp(-x));
        case TANH -> (float) Math.tanh(x);
      };
    }
  }

  /** Int8 LOGISTIC and TANH, one table entry (TFLite's {@code LUTPopulate}) per element. */
  static final class Int8Table extends Int8 {
    private final Function function;
    private final Quant input;
    private final Quant output;

    Int8Table(Function function, Quant input, Quant output) {
      this.function = function;
      this.input = input;
      this.output = output;
    }

    @Override
    int value(int q) {
      return tableEntry(function, input, output, q);
    }
  }

  /** TFLite's {@code LUTPopulate} for one int8 value. */
  static int tableEntry(Function function, Quant input, Quant output, int q) {
    float inverseScale = 1 / output.scale();
    float dequantized = input.scale() * (q - input.zeroPoint());
    float transformed = function.apply(dequantized);
    float rescaled = Quantization.round(transformed * inverseScale);
    float shifted = rescaled + output.zeroPoint();
    long quantized = Float.isNaN(shifted) ? 0 : (long) shifted;
    return (int) Math.max(-128, Math.min(127, quantized));
  }
}
