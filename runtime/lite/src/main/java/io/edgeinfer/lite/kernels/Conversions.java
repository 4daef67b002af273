package io.edgeinfer.lite.kernels;

/**
 * QUANTIZE (float to int8, or int8 to int8 with other parameters) and DEQUANTIZE (int8 to float),
 * element by element.
 */
public final class Conversions {
  private Conversions() {}

  static final class Quantize extends ElementwiseOp<float[], byte[]> {
    private final Quant output;

    Quantize(Quant output) {
      this.output = output;
    }

    @Override
    void apply(float[] input, byte[] out, int size) {
      for (int i = 0; i < size; i++) {
        out[i] = output.quantize(input[i]);
      }
    }
  }

  static final class Dequantize extends ElementwiseOp<byte[], float[]> {
    private final Quant input;

    Dequantize(Quant input) {
      this.input = input;
    }

    @Override
    void apply(byte[] in, float[] output, int size) {
      for (int i = 0; i < size; i++) {
        output[i] = input.dequantize(in[i]);
      }
    }
  }

  /**
   * QUANTIZE from one 8-bit quantization to another, as TFLite's {@code Requantize}: {@code q - zp}
   * times the fixed-point multiplier of {@code inputScale / outputScale}, plus the output zero
   * point.
   */
  static final class Requantize extends ElementwiseOp<byte[], byte[]> {
    private final int inputZeroPoint;
    private final int outputZeroPoint;
    private final Quantization.Multiplier multiplier;

    Requantize(Quant input, Quant output) {
      this.inputZeroPoint = input.zeroPoint();
      this.outputZeroPoint = output.zeroPoint();
      this.multiplier =
          Quantization.quantizeMultiplier((double) input.scale() / (double) output.scale());
    }

    @Override
    void apply(byte[] in, byte[] out, int size) {
      for (int i = 0; i < size; i++) {
        int q =
            Quantization.multiplyByQuantizedMultiplier(in[i] - inputZeroPoint, multiplier)
                + outputZeroPoint;
        out[i] = (byte) Math.max(-128, Math.min(127, q));
      }
    }
  }

  /**
   * A uint8 tensor (held as int8) rescaled to another uint8 quantization as TFLite's uint8
   * CONCATENATION does: in float on the unsigned values, {@code round(q * s + b) + zpOut} with
   * {@code s = inScale * (1 / outScale)} and {@code b = -zpIn * s}.
   */
  public static final class Uint8Rescale extends ElementwiseOp<byte[], byte[]> {
    private final float scale;
    private final float bias;
    private final int outputZeroPoint;

    public Uint8Rescale(Quant input, Quant output) {
      this.scale = input.scale() * (1f / output.scale());
      this.bias = -(input.zeroPoint() + 128) * scale;
      this.outputZeroPoint = output.zeroPoint() + 128;
    }

    @Override
    void apply(byte[] in, byte[] out, int size) {
      for (int i = 0; i < size; i++) {
        out[i] = apply(in[i]);
      }
    }

    /** One value, held as int8 in and out. */
    public byte apply(byte held) {
      int q = (int) Quantization.round((held + 128) * scale + bias) + outputZeroPoint;
      return (byte) (Math.max(0, Math.min(255, q)) - 128);
    }
  }
}
