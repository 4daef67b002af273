package io.edgeinfer.lite.kernels;

import java.util.Arrays;

/**
 * RFFT2D as TFLite defines it: the 2-D discrete Fourier transform of real input over its last two
 * axes, cropped or zero-padded to {@code fftLength} (powers of two), keeping the non-negative
 * frequencies of the last axis ({@code width / 2 + 1}). Computed in double, as TFLite's kernel
 * does, and stored as complex64 (interleaved real, imaginary floats).
 */
public final class Rfft2d {
  private final int height;
  private final int width;

  public Rfft2d(int height, int width) {
    if (Integer.bitCount(height) != 1 || Integer.bitCount(width) != 1) {
      throw new IllegalArgumentException(
          "expected power-of-two FFT lengths, found " + height + " x " + width);
    }
    this.height = height;
    this.width = width;
  }

  public int[] outputShape(int[] in) {
    if (in.length < 2) {
      throw new IllegalArgumentException("expected rank >= 2, found " + Arrays.toString(in));
    }
    int[] out = in.clone();
    out[in.length - 2] = height;
    out[in.length - 1] = width / 2 + 1;
    return out;
  }

  /** {@code output} holds interleaved (real, imaginary) pairs. */
  public void run(float[] input, int[] shape, float[] output) {
    int inH = shape[shape.length - 2];
    int inW = shape[shape.length - 1];
    int slices = Shapes.size(shape) / Math.max(1, inH * inW);
    int bins = width / 2 + 1;
    double[][] re = new double[height][width];
    double[][] im = new double[height][width];
    double[] colRe = new double[height];
    double[] colIm = new double[height];
    for (int s = 0; s < slices; s++) {
      for (int y = 0; y < height; y++) {
        Arrays.fill(re[y], 0);
        Arrays.fill(im[y], 0);
        if (y < inH) {
          for (int x = 0; x < Math.min(width, inW); x++) {
            re[y][x] = input[(s * inH + y) * inW + x];
          }
        }
        fft(re[y], im[y]);
      }
      for (int k = 0; k < bins; k++) {
        for (int y = 0; y < height; y++) {
          colRe[y] = re[y][k];
          colIm[y] = im[y][k];
        }
        fft(colRe, colIm);
        for (int y = 0; y < height; y++) {
          int at = 2 * ((s * height + y) * bins + k);
          output[at] = (float) colRe[y];
          output[at + 1] = (float) colIm[y];
        }
      }
    }
  }

  /** In-place iterative radix-2 FFT, {@code X[k] = sum x[n] exp(-2 pi i k n / N)}. */
  static void fft(double[] re, double[] im) {
    int n = re.length;
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int len = 2; len <= n; len <<= 1) {
      double angle = -2 * Math.PI / len;
      for (int start = 0; start < n; start += len) {
        for (int k = 0; k < len / 2; k++) {
          double wr = Math.cos(angle * k);
          double wi = Math.sin(angle * k);
          int a = start + k;
          int b = a + len / 2;
          double xr = re[b] * wr - im[b] * wi;
          double xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
  }
}
