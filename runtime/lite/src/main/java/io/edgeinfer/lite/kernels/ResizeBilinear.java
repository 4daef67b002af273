package io.edgeinfer.lite.kernels;

/**
 * RESIZE_BILINEAR of a [batch, height, width, channels] tensor, as TFLite's reference kernels
 * compute it: float32 and uint8 by one float formula (uint8 rounds half up), int8 in 10-bit fixed
 * point ({@code ResizeBilinearInteger}, which TFLite Micro runs).
 */
public final class ResizeBilinear {
  private final int outHeight;
  private final int outWidth;
  private final boolean alignCorners;
  private final boolean halfPixelCenters;

  public ResizeBilinear(
      int outHeight, int outWidth, boolean alignCorners, boolean halfPixelCenters) {
    if (alignCorners && halfPixelCenters) {
      throw new IllegalArgumentException("align_corners and half_pixel_centers both set");
    }
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
      throw new IllegalArgumentException("RESIZE_BILINEAR: expected a rank-4 input");
    }
    return new int[] {in[0], outHeight, outWidth, in[3]};
  }

  private float scale(int in, int out) {
    return alignCorners && out > 1 ? (float) (in - 1) / (out - 1) : (float) in / out;
  }

  /** Where output row or column {@code i} samples the input, and its two neighbours. */
  private float source(int i, float scale) {
    return halfPixelCenters ? (i + 0.5f) * scale - 0.5f : i * scale;
  }

  /** float32 (or, with {@code offset} 0.5 and unsigned values, uint8 as TFLite rounds it). */
  public void runFloat(float[] in, int[] shape, float[] out) {
    float hs = scale(shape[1], outHeight);
    float ws = scale(shape[2], outWidth);
    int depth = shape[3];
    int o = 0;
    for (int b = 0; b < shape[0]; b++) {
      for (int y = 0; y < outHeight; y++) {
        float iy = source(y, hs);
        int y0 = Math.max((int) Math.floor(iy), 0);
        int y1 = Math.min((int) Math.ceil(iy), shape[1] - 1);
        for (int x = 0; x < outWidth; x++) {
          float ix = source(x, ws);
          int x0 = Math.max((int) Math.floor(ix), 0);
          int x1 = Math.min((int) Math.ceil(ix), shape[2] - 1);
          float dy = iy - y0;
          float dx = ix - x0;
          int p00 = index(shape, b, y0, x0);
          int p10 = index(shape, b, y1, x0);
          int p01 = index(shape, b, y0, x1);
          int p11 = index(shape, b, y1, x1);
          for (int c = 0; c < depth; c++) {
            out[o++] =
                in[p00 + c] * (1 - dy) * (1 - dx)
                    + in[p10 + c] * dy * (1 - dx)
                    + in[p01 + c] * (1 - dy) * dx
                    + in[p11 + c] * dy * dx;
          }
        }
      }
    }
  }

  /** uint8 held as {@code q - 128}: TFLite's float formula on the unsigned values, + 0.5, cut. */
  public void runUint8(byte[] in, int[] shape, byte[] out) {
    float hs = scale(shape[1], outHeight);
    float ws = scale(shape[2], outWidth);
    int depth = shape[3];
    int o = 0;
    for (int b = 0; b < shape[0]; b++) {
      for (int y = 0; y < outHeight; y++) {
        float iy = source(y, hs);
        int y0 = Math.max((int) Math.floor(iy), 0);
        int y1 = Math.min((int) Math.ceil(iy), shape[1] - 1);
        for (int x = 0; x < outWidth; x++) {
          float ix = source(x, ws);
          int x0 = Math.max((int) Math.floor(ix), 0);
          int x1 = Math.min((int) Math.ceil(ix), shape[2] - 1);
          float dy = iy - y0;
          float dx = ix - x0;
          int p00 = index(shape, b, y0, x0);
          int p10 = index(shape, b, y1, x0);
          int p01 = index(shape, b, y0, x1);
          int p11 = index(shape, b, y1, x1);
          for (int c = 0; c < depth; c++) {
            float v =
                unsigned(in[p00 + c]) * (1 - dy) * (1 - dx)
                    + unsigned(in[p10 + c]) * dy * (1 - dx)
                    + unsigned(in[p01 + c]) * (1 - dy) * dx
                    + unsigned(in[p11 + c]) * dy * dx
                    + 0.5f;
            out[o++] = (byte) ((int) v - 128);
          }
        }
      }
    }
  }

  private static int unsigned(byte held) {
    return held + 128;
  }

  /** int8 in 10-bit fixed point: scales rounded to 1/1024, the sum rounded half away from 0. */
  public void runInt8(byte[] in, int[] shape, byte[] out) {
    int hs = scale10(shape[1], outHeight);
    int ws = scale10(shape[2], outWidth);
    int depth = shape[3];
    int o = 0;
    for (int b = 0; b < shape[0]; b++) {
      for (int y = 0; y < outHeight; y++) {
        int iy = source10(y, hs);
        int y0 = Math.max(iy / 1024, 0);
        int y1 = Math.min((iy + 1023) / 1024, shape[1] - 1);
        for (int x = 0; x < outWidth; x++) {
          int ix = source10(x, ws);
          int x0 = Math.max(ix / 1024, 0);
          int x1 = Math.min((ix + 1023) / 1024, shape[2] - 1);
          long dy = iy - 1024L * y0;
          long dx = ix - 1024L * x0;
          int p00 = index(shape, b, y0, x0);
          int p10 = index(shape, b, y1, x0);
          int p01 = index(shape, b, y0, x1);
          int p11 = index(shape, b, y1, x1);
          for (int c = 0; c < depth; c++) {
            long sum =
                in[p00 + c] * (1024 - dy) * (1024 - dx)
                    + in[p10 + c] * dy * (1024 - dx)
                    + in[p01 + c] * (1024 - dy) * dx
                    + in[p11 + c] * dy * dx;
            long round = sum > 0 ? 1 << 19 : -(1 << 19);
            out[o++] = (byte) ((sum + round) / (1 << 20));
          }
        }
      }
    }
  }

  private int scale10(int in, int out) {
    if (alignCorners && out > 1) {
      return ((1 << 10) * (in - 1) + (out - 1) / 2) / (out - 1);
    }
    return ((1 << 10) * in + out / 2) / out;
  }

  private int source10(int i, int scale10) {
    return halfPixelCenters ? i * scale10 + scale10 / 2 - (1 << 9) : i * scale10;
  }

  private static int index(int[] shape, int b, int y, int x) {
    return ((b * shape[1] + y) * shape[2] + x) * shape[3];
  }
}
