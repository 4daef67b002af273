package io.edgeinfer.lite.kernels;

/**
 * RESIZE_NEAREST_NEIGHBOR of a [batch, height, width, channels] tensor of any type: each output
 * pixel copies the input pixel TFLite's {@code GetNearestNeighbor} picks.
 */
public final class ResizeNearestNeighbor {
  private final int outHeight;
  private final int outWidth;
  private final boolean alignCorners;
  private final boolean halfPixelCenters;

  public ResizeNearestNeighbor(
      int outHeight, int outWidth, boolean alignCorners, boolean halfPixelCenters) {
    if (outHeight < 1 || outWidth < 1) {
      throw new IllegalArgumentException(
          "expected an output size of at least 1x1, found " + outHeight + "x" + outWidth);
    }
    this.outHeight = outHeight;
    this.outWidth = outWidth;
    this.alignCorners = alignCorners;
    this.halfPixelCenters = halfPixelCenters;
  }

  public int[] outputShape(int[] in) {
    if (in.length != 4) {
      throw new IllegalArgumentException("RESIZE_NEAREST_NEIGHBOR: expected a rank-4 input");
    }
    return new int[] {in[0], outHeight, outWidth, in[3]};
  }

  /** The input row (or column) that output row {@code i} copies. */
  int nearest(int i, int inSize, int outSize) {
    float scale =
        alignCorners && outSize > 1
            ? (inSize - 1) / (float) (outSize - 1)
            : inSize / (float) outSize;
    float offset = halfPixelCenters ? 0.5f : 0f;
    float at = (i + offset) * scale;
    // TfLiteRound rounds half away from zero; values here are never negative.
    int picked = Math.min(alignCorners ? Math.round(at) : (int) Math.floor(at), inSize - 1);
    return halfPixelCenters ? Math.max(0, picked) : picked;
  }

  /** Copies whole pixels; {@code in} and {@code out} are arrays of one element type. */
  public void run(Object in, int[] shape, Object out) {
    int depth = shape[3];
    int o = 0;
    for (int b = 0; b < shape[0]; b++) {
      for (int y = 0; y < outHeight; y++) {
        int iy = nearest(y, shape[1], outHeight);
        for (int x = 0; x < outWidth; x++) {
          int ix = nearest(x, shape[2], outWidth);
          System.arraycopy(in, ((b * shape[1] + iy) * shape[2] + ix) * depth, out, o, depth);
          o += depth;
        }
      }
    }
  }
}
