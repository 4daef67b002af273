package io.edgeinfer.lite.kernels;

/**
 * The geometry of a sliding window over an NHWC input: input and output sizes and the leading
 * padding, computed as TFLite does for convolutions and pooling.
 */
record Window(
    int batch,
    int inH,
    int inW,
    int channels,
    int outH,
    int outW,
    int padTop,
    int padLeft,
    int filterH,
    int filterW,
    int strideH,
    int strideW,
    int dilationH,
    int dilationW) {

  static Window of(int[] inputShape, int filterH, int filterW, ConvOptions o) {
    return of(
        inputShape,
        filterH,
        filterW,
        o.strideH(),
        o.strideW(),
        o.dilationH(),
        o.dilationW(),
        o.padding());
  }

  static Window of(int[] inputShape, PoolOptions o) {
    return of(inputShape, o.filterH(), o.filterW(), o.strideH(), o.strideW(), 1, 1, o.padding());
  }

  static Window of(
      int[] inputShape,
      int filterH,
      int filterW,
      int strideH,
      int strideW,
      int dilationH,
      int dilationW,
      Padding padding) {
    Shapes.checkRank("NHWC input", inputShape, 4);
    int inH = inputShape[1];
    int inW = inputShape[2];
    return new Window(
        inputShape[0],
        inH,
        inW,
        inputShape[3],
        padding.outputSize(inH, filterH, strideH, dilationH),
        padding.outputSize(inW, filterW, strideW, dilationW),
        padding.padBefore(inH, filterH, strideH, dilationH),
        padding.padBefore(inW, filterW, strideW, dilationW),
        filterH,
        filterW,
        strideH,
        strideW,
        dilationH,
        dilationW);
  }

  /** True when this window was computed for an input of {@code shape}. */
  boolean matches(int[] shape) {
    return shape.length == 4
        && shape[0] == batch
        && shape[1] == inH
        && shape[2] == inW
        && shape[3] == channels;
  }

  int inputSize() {
    return batch * inH * inW * channels;
  }

  int outputPixels() {
    return batch * outH * outW;
  }

  int[] outputShape(int outChannels) {
    return new int[] {batch, outH, outW, outChannels};
  }
}
