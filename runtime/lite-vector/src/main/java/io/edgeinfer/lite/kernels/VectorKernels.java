package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The Vector API kernel set ({@code jdk.incubator.vector}): {@link FastKernels} with CONV_2D and
 * DEPTHWISE_CONV_2D in explicit SIMD, float32, int8 and uint8 (held as int8), and FULLY_CONNECTED
 * ({@link VectorFullyConnected}: float32 with the reference's bits, int8 and uint8 with exact sums
 * where 512-bit vectors are), int8 ADD, SUB and MUL ({@link VectorArithmetic}): CONV_2D as a
 * register-tiled matrix product over NHWC rows ({@link VectorConv2d}, {@link VectorGemm}),
 * depthwise vectorized over channels ({@link VectorDepthwiseConv2d}); hybrid CONV_2D through {@link
 * VectorProduct}. Integer results equal the reference bit for bit (exact float sums, TFLite's
 * requantization); float sums keep the reference's order per output but use fused multiply-adds, so
 * they differ from it by rounding only (the differential test holds them to 1e-4, the conformance
 * tests to 1e-5). An earlier vector FULLY_CONNECTED was left out: in the timing harness (after
 * other kernels had run) it was 50-100x slower than the plain-Java one on Java 17 and 25. The
 * present one uses only the convolutions' float species and was timed inside whole models.
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
  public UnaryOp<float[], float[]> fullyConnected(
      FloatBuffer weights, int outputs, int inputs, float[] bias, Activation activation) {
    return new VectorFullyConnected.FloatOp(weights, outputs, inputs, bias, activation);
  }

  @Override
  public UnaryOp<byte[], byte[]> fullyConnected(
      ByteBuffer weights,
      int outputs,
      int inputs,
      float[] weightScales,
      int[] bias,
      Quant input,
      Quant output,
      Activation activation) {
    return fullyConnected(
        weights, 0, outputs, inputs, weightScales, bias, input, output, activation);
  }

  /**
   * {@link VectorFullyConnected.Int8Op} where 64-bit lanes are 512 bits wide (symmetric int8
   * weights, and asymmetric uint8 ones held as int8, which the plain kernels leave to the
   * reference); elsewhere the plain kernels' choice.
   */
  @Override
  public UnaryOp<byte[], byte[]> fullyConnected(
      ByteBuffer weights,
      int weightZeroPoint,
      int outputs,
      int inputs,
      float[] weightScales,
      int[] bias,
      Quant input,
      Quant output,
      Activation activation) {
    if (!VectorRequantizer.USABLE) {
      // Kernels' default would come back here through the overload above for symmetric weights.
      return weightZeroPoint == 0
          ? super.fullyConnected(
              weights, outputs, inputs, weightScales, bias, input, output, activation)
          : super.fullyConnected(
              weights,
              weightZeroPoint,
              outputs,
              inputs,
              weightScales,
              bias,
              input,
              output,
              activation);
    }
    return new VectorFullyConnected.Int8Op(
        weights, weightZeroPoint, outputs, inputs, weightScales, bias, input, output, activation);
  }

  @Override
  public BinaryOp<byte[]> add(Quant a, Quant b, Quant output, Activation activation) {
    return int8Arithmetic(RefArithmetic.Kind.ADD, a, b, output, activation);
  }

  @Override
  public BinaryOp<byte[]> sub(Quant a, Quant b, Quant output, Activation activation) {
    return int8Arithmetic(RefArithmetic.Kind.SUB, a, b, output, activation);
  }

  @Override
  public BinaryOp<byte[]> mul(Quant a, Quant b, Quant output, Activation activation) {
    return int8Arithmetic(RefArithmetic.Kind.MUL, a, b, output, activation);
  }

  /** {@link VectorArithmetic} where 64-bit lanes are 512 bits wide, else the plain kernel. */
  private static BinaryOp<byte[]> int8Arithmetic(
      RefArithmetic.Kind kind, Quant a, Quant b, Quant output, Activation activation) {
    return VectorRequantizer.USABLE
        ? new VectorArithmetic.Int8Op(kind, a, b, output, activation)
        : new FastArithmetic.Int8Op(kind, a, b, output, activation);
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
    return new VectorDepthwiseConv2d.FloatOp(filter, filterShape, bias, options);
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
    if (!VectorDepthwiseInt8Rows.USABLE
        || filterShape.length != 4
        || !VectorDepthwiseInt8Rows.exact(filter, filterZeroPoint, filterShape)) {
      return new FastDepthwiseConv2d.Int8Op(
          filter, filterZeroPoint, filterShape, filterScales, bias, input, output, options);
    }
    return new VectorDepthwiseInt8Rows(
        filter, filterZeroPoint, filterShape, filterScales, bias, input, output, options);
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
