package io.edgeinfer.lite.kernels;

/** QUANTIZE (float to int8) and DEQUANTIZE (int8 to float), element by element. */
final class Conversions {
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
}
