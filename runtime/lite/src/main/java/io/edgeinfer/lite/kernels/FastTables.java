package io.edgeinfer.lite.kernels;

/**
 * Elementwise int8 operations by table: an int8 input has 256 values, so RELU, RELU6, LEAKY_RELU,
 * LOGISTIC, TANH and DEQUANTIZE are tabulated at load from the reference's own per-value arithmetic
 * and become one lookup per element, identical to the reference by construction.
 */
final class FastTables {
  private FastTables() {}

  /** An int8 to int8 table. */
  static final class Int8Lut extends ElementwiseOp<byte[], byte[]> {
    private final byte[] table = new byte[256];

    Int8Lut(RefActivations.Int8 reference) {
      for (int q = -128; q < 128; q++) {
        table[q + 128] = (byte) reference.value(q);
      }
    }

    @Override
    void apply(byte[] input, byte[] output, int size) {
      for (int i = 0; i < size; i++) {
        output[i] = table[input[i] + 128];
      }
    }
  }

  /** DEQUANTIZE by table. */
  static final class Dequantize extends ElementwiseOp<byte[], float[]> {
    private final float[] table = new float[256];

    Dequantize(Quant input) {
      for (int q = -128; q < 128; q++) {
        table[q + 128] = input.dequantize(q);
      }
    }

    @Override
    void apply(byte[] input, float[] output, int size) {
      for (int i = 0; i < size; i++) {
        output[i] = table[input[i] + 128];
      }
    }
  }
}
