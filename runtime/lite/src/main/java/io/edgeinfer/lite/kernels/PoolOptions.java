package io.edgeinfer.lite.kernels;

/** The window, strides, padding and fused activation of AVERAGE_POOL_2D and MAX_POOL_2D. */
public record PoolOptions(
    Padding padding, int filterH, int filterW, int strideH, int strideW, Activation activation) {
  public PoolOptions {
    if (padding == null || activation == null) {
      throw new IllegalArgumentException("expected a padding and an activation, found null");
    }
    if (filterH < 1 || filterW < 1 || strideH < 1 || strideW < 1) {
      throw new IllegalArgumentException(
          "expected filter and strides >= 1, found filter "
              + filterH
              + "x"
              + filterW
              + ", stride "
              + strideH
              + "x"
              + strideW);
    }
  }

  /** A square window with equal strides. */
  public static PoolOptions of(Padding padding, int filter, int stride, Activation activation) {
    return new PoolOptions(padding, filter, filter, stride, stride, activation);
  }
}
