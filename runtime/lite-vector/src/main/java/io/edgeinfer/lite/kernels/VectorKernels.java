package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The Vector API kernel set ({@code jdk.incubator.vector}): {@link FastKernels} with the product
 * inside float and hybrid CONV_2D done in explicit SIMD ({@link VectorProduct}). Everything else,
 * the int8 layers included, is FastKernels' (and so equal to the reference bit for bit). A vector
 * FULLY_CONNECTED was tried and left out: alone it ran allocation-free, but in the timing harness
 * (after other kernels had run) it was 50-100x slower than the plain-Java one on Java 17 and 25.
 *
 * <p>Registered as a {@link Kernels} service; {@link KernelSelector} takes it when the JVM has the
 * incubator module in its boot layer ({@code --add-modules jdk.incubator.vector}). Float sums keep
 * the reference's order per output but use fused multiply-adds, so results differ from the
 * reference by rounding only (the differential test holds them to 1e-4).
 */
public final class VectorKernels extends FastKernels {
  @Override
  public String name() {
    return "vector";
  }

  @Override
  public UnaryOp<float[], float[]> conv2d(
      FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options) {
    return new FastConv2d.FloatOp(filter, filterShape, bias, options, VectorProduct::multiply);
  }

  @Override
  public UnaryOp<float[], float[]> hybridConv2d(
      ByteBuffer filter,
      int[] filterShape,
      float[] filterScales,
      float[] bias,
      ConvOptions options) {
    return new FastConv2d.HybridOp(
        filter, filterShape, filterScales, bias, options, VectorProduct::multiply);
  }
}
