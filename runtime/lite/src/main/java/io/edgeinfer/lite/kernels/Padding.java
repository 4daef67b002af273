package io.edgeinfer.lite.kernels;

/**
 * TFLite's padding schemes and its arithmetic for output sizes and leading padding ({@code
 * ComputeOutSize}, {@code ComputePadding}). Only the padding before the input is explicit; kernels
 * skip filter taps that fall outside the input on either side.
 */
public enum Padding {
  SAME,
  VALID;

  /** The output size along one spatial axis. */
  public int outputSize(int inputSize, int filterSize, int stride, int dilation) {
    int effectiveFilter = (filterSize - 1) * dilation + 1;
    int size =
        this == SAME
            ? (inputSize + stride - 1) / stride
            : (inputSize + stride - effectiveFilter) / stride;
    if (size <= 0) {
      throw new IllegalArgumentException(
          "expected an input of at least "
              + effectiveFilter
              + " for a "
              + this
              + " window, found "
              + inputSize);
    }
    return size;
  }

  /** The implicit zeros before the input along one spatial axis. */
  public int padBefore(int inputSize, int filterSize, int stride, int dilation) {
    int effectiveFilter = (filterSize - 1) * dilation + 1;
    int out = outputSize(inputSize, filterSize, stride, dilation);
    int padding = ((out - 1) * stride + effectiveFilter - inputSize) / 2;
    return Math.max(padding, 0);
  }
}
