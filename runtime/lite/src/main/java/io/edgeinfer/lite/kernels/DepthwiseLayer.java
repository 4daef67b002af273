package io.edgeinfer.lite.kernels;

/**
 * What every DEPTHWISE_CONV_2D kernel shares: the filter's geometry ({@code [1, kh, kw,
 * channels]}), the window of the last input shape (so that a steady stream of same-shaped inputs
 * allocates nothing), and the split over threads by output rows ({@link SplitOp}).
 */
abstract class DepthwiseLayer<I, O> implements SplitOp<I, O> {
  final int kh;
  final int kw;
  final int channels;
  final ConvOptions options;
  private volatile Window last;

  DepthwiseLayer(int[] filterShape, ConvOptions options) {
    int[] f = Weights.filterShape(filterShape, "depthwise filter");
    Shapes.checkEqual("depthwise filter dimension 0", 1, f[0]);
    this.kh = f[1];
    this.kw = f[2];
    this.channels = f[3];
    this.options = options;
  }

  /** The window of {@code inputShape}: the same object while the shape stays the same. */
  Window window(int[] inputShape) {
    Window w = last;
    if (w == null || !w.matches(inputShape)) {
      w = Window.of(inputShape, kh, kw, options);
      RefDepthwiseConv2d.multiplier(channels, w.channels());
      last = w;
    }
    return w;
  }

  @Override
  public int[] outputShape(int[] inputShape) {
    return window(inputShape).outputShape(channels);
  }

  /** Output rows of every image. */
  @Override
  public int units(int[] inputShape) {
    Window w = window(inputShape);
    return w.batch() * w.outH();
  }

  @Override
  public long work(int[] inputShape) {
    return (long) window(inputShape).outputPixels() * channels * kh * kw * Work.DEPTHWISE;
  }
}
