package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.function.Supplier;

/**
 * The Vector API kernel set ({@code jdk.incubator.vector}): {@link FastKernels} with CONV_2D and
 * DEPTHWISE_CONV_2D in explicit SIMD, float32, int8 and uint8 (held as int8): CONV_2D as a
 * register-tiled matrix product over NHWC rows ({@link VectorConv2d}, {@link VectorGemm}),
 * depthwise vectorized over channels ({@link VectorDepthwiseConv2d}); hybrid CONV_2D through {@link
 * VectorProduct}. Integer results equal the reference bit for bit (exact float sums, TFLite's
 * requantization); float sums keep the reference's order per output but use fused multiply-adds, so
 * they differ from it by rounding only (the differential test holds them to 1e-4, the conformance
 * tests to 1e-5). A vector FULLY_CONNECTED was tried and left out: alone it ran allocation-free,
 * but in the timing harness (after other kernels had run) it was 50-100x slower than the plain-Java
 * one on Java 17 and 25.
 *
 * <p>Registered as a {@link Kernels} service; {@link KernelSelector} takes it when the JVM has the
 * incubator module in its boot layer ({@code --add-modules jdk.incubator.vector}).
 */
public final class VectorKernels extends FastKernels {
  @Override
  public String name() {
    return "vector";
  }

  @Override
  public UnaryOp<float[], float[]> conv2d(
      FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options) {
    return new VectorConv2d.FloatOp(filter, filterShape, bias, options);
  }

  @Override
  public UnaryOp<byte[], byte[]> conv2d(
      ByteBuffer filter,
      int[] filterShape,
      float[] filterScales,
      int[] bias,
      Quant input,
      Quant output,
      ConvOptions options) {
    return conv2d(filter, 0, filterShape, filterScales, bias, input, output, options);
  }

  @Override
  public UnaryOp<byte[], byte[]> conv2d(
      ByteBuffer filter,
      int filterZeroPoint,
      int[] filterShape,
      float[] filterScales,
      int[] bias,
      Quant input,
      Quant output,
      ConvOptions options) {
    return new VectorConv2d.Int8Op(
        filter, filterZeroPoint, filterShape, filterScales, bias, input, output, options);
  }

  @Override
  public UnaryOp<float[], float[]> depthwiseConv2d(
      FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options) {
    return new ByMultiplier<>(
        filterShape,
        new VectorDepthwiseConv2d.FloatOp(filter, filterShape, bias, options),
        () -> new FastDepthwiseConv2d.FloatOp(filter, filterShape, bias, options));
  }

  @Override
  public UnaryOp<byte[], byte[]> depthwiseConv2d(
      ByteBuffer filter,
      int[] filterShape,
      float[] filterScales,
      int[] bias,
      Quant input,
      Quant output,
      ConvOptions options) {
    return depthwiseConv2d(filter, 0, filterShape, filterScales, bias, input, output, options);
  }

  @Override
  public UnaryOp<byte[], byte[]> depthwiseConv2d(
      ByteBuffer filter,
      int filterZeroPoint,
      int[] filterShape,
      float[] filterScales,
      int[] bias,
      Quant input,
      Quant output,
      ConvOptions options) {
    Supplier<RowSplit<byte[], byte[]>> fast =
        () ->
            new FastDepthwiseConv2d.Int8Op(
                filter, filterZeroPoint, filterShape, filterScales, bias, input, output, options);
    if (filterShape.length != 4
        || !VectorDepthwiseConv2d.Int8Op.exact(filter, filterZeroPoint, filterShape)) {
      return fast.get();
    }
    return new ByMultiplier<>(
        filterShape,
        new VectorDepthwiseConv2d.Int8Op(
            filter, filterZeroPoint, filterShape, filterScales, bias, input, output, options),
        fast);
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

  /**
   * A depthwise layer whose multiplier (filter channels over input channels) shows only with the
   * input: the vector kernel for multiplier 1, the fast one (made on first need) otherwise.
   */
  private static final class ByMultiplier<T> implements RowSplit<T, T> {
    private final int channels;
    private final RowSplit<T, T> vector;
    private final Supplier<RowSplit<T, T>> fallback;
    private volatile RowSplit<T, T> other;

    ByMultiplier(int[] filterShape, RowSplit<T, T> vector, Supplier<RowSplit<T, T>> fallback) {
      this.channels = filterShape[3];
      this.vector = vector;
      this.fallback = fallback;
    }

    private RowSplit<T, T> pick(int[] inputShape) {
      if (inputShape.length == 4 && inputShape[3] == channels) {
        return vector;
      }
      RowSplit<T, T> op = other;
      if (op == null) {
        op = fallback.get();
        other = op;
      }
      return op;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
      return pick(inputShape).outputShape(inputShape);
    }

    @Override
    public int rows(int[] inputShape) {
      return pick(inputShape).rows(inputShape);
    }

    @Override
    public long work(int[] inputShape) {
      return pick(inputShape).work(inputShape);
    }

    @Override
    public void runRows(T input, int[] inputShape, T output, Scratch scratch, int from, int to) {
      pick(inputShape).runRows(input, inputShape, output, scratch, from, to);
    }
  }
}
