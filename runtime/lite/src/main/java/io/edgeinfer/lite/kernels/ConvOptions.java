package io.edgeinfer.lite.kernels;

/** The geometry and fused activation of CONV_2D and DEPTHWISE_CONV_2D (TFLite's options). */
public record ConvOptions(
    Padding padding,
    int strideH,
    int strideW,
    int dilationH,
    int dilationW,
    Activation activation) {
  public ConvOptions {
    if (padding == null || activation == null) {
      throw new IllegalArgumentException("expected a padding and an activation, found null");
    }
    if (strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1) {
      throw new IllegalArgumentException(
          "expected strides and dilations >= 1, found stride "
              + strideH
              + "x"
              + strideW
              + ", dilation "
              + dilationH
              + "x"
              + dilationW);
    }
  }

  /** Equal strides, no dilation. */
  public static ConvOptions of(Padding padding, int stride, Activation activation) {
    return new ConvOptions(padding, stride, stride, 1, 1, activation);
  }
}
