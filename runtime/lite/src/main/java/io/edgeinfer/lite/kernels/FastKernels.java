package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The fast path, in plain Java: weights repacked at load, loop orders and tiles chosen so that C2's
 * auto-vectorizer (SuperWord) turns the hot loops into SIMD code, int8 elementwise operations as
 * lookup tables, and no allocation per call once the {@link Scratch} has grown. Results equal
 * {@link ReferenceKernels}: int8 bit for bit, float32 up to the order of float additions (the
 * kernels keep the reference's order where they can).
 *
 * <p>No {@code jdk.incubator.vector} here: the build compiles with {@code -Xlint:all -Werror}, and
 * javac's "incubator module" warning cannot be suppressed, so the Vector API kernels live in the
 * {@code edgeinfer-lite-vector} module, which extends this class and overrides the operations it
 * speeds up; {@link KernelSelector} finds it at run time.
 *
 * <p>What each operation does differently from the reference: FULLY_CONNECTED ({@link
 * FastFullyConnected}), CONV_2D ({@link FastConv2d}: transposed im2col, exact float route for
 * int8), DEPTHWISE_CONV_2D ({@link FastDepthwiseConv2d}), pooling ({@link FastPooling}), MEAN over
 * height and width ({@link FastMean}), ADD/SUB/MUL ({@link FastArithmetic}), SOFTMAX ({@link
 * FastSoftmax}), int8 activations and DEQUANTIZE ({@link FastTables}), PAD ({@link FastPad}). The
 * float activations, QUANTIZE and CONCATENATION are already single flat loops (or copies) and are
 * shared with the reference.
 */
public class FastKernels implements Kernels {
  @Override
  public String name() {
    return "fast";
  }

  @Override
  public UnaryOp<float[], float[]> fullyConnected(
      FloatBuffer weights, int outputs, int inputs, float[] bias, Activation activation) {
    return new FastFullyConnected.FloatOp(weights, outputs, inputs, bias, activation);
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
    return new FastFullyConnected.Int8Op(
        weights, outputs, inputs, weightScales, bias, input, output, activation);
  }

  @Override
  public UnaryOp<float[], float[]> conv2d(
      FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options) {
    return new FastConv2d.FloatOp(filter, filterShape, bias, options);
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
    return new FastConv2d.Int8Op(filter, filterShape, filterScales, bias, input, output, options);
  }

  @Override
  public UnaryOp<float[], float[]> depthwiseConv2d(
      FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options) {
    return new FastDepthwiseConv2d.FloatOp(filter, filterShape, bias, options);
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
    return new FastDepthwiseConv2d.Int8Op(
        filter, filterShape, filterScales, bias, input, output, options);
  }

  @Override
  public UnaryOp<float[], float[]> hybridFullyConnected(
      ByteBuffer weights,
      int outputs,
      int inputs,
      float[] weightScales,
      float[] bias,
      Activation activation) {
    return new FastFullyConnected.HybridOp(
        weights, outputs, inputs, weightScales, bias, activation);
  }

  @Override
  public UnaryOp<float[], float[]> hybridConv2d(
      ByteBuffer filter,
      int[] filterShape,
      float[] filterScales,
      float[] bias,
      ConvOptions options) {
    return new FastConv2d.HybridOp(filter, filterShape, filterScales, bias, options);
  }

  @Override
  public UnaryOp<float[], float[]> hybridDepthwiseConv2d(
      ByteBuffer filter,
      int[] filterShape,
      float[] filterScales,
      float[] bias,
      ConvOptions options) {
    return new FastDepthwiseConv2d.HybridOp(filter, filterShape, filterScales, bias, options);
  }

  @Override
  public UnaryOp<float[], float[]> averagePool(PoolOptions options) {
    return new FastPooling.FloatOp(options, false);
  }

  @Override
  public UnaryOp<byte[], byte[]> averagePool(PoolOptions options, Quant quant) {
    return new FastPooling.Int8Op(options, quant, false);
  }

  @Override
  public UnaryOp<float[], float[]> maxPool(PoolOptions options) {
    return new FastPooling.FloatOp(options, true);
  }

  @Override
  public UnaryOp<byte[], byte[]> maxPool(PoolOptions options, Quant quant) {
    return new FastPooling.Int8Op(options, quant, true);
  }

  @Override
  public UnaryOp<float[], float[]> mean(int[] axes, boolean keepDims) {
    return new FastMean.FloatOp(axes, keepDims);
  }

  @Override
  public UnaryOp<byte[], byte[]> mean(int[] axes, boolean keepDims, Quant input, Quant output) {
    return new FastMean.Int8Op(axes, keepDims, input, output);
  }

  @Override
  public BinaryOp<float[]> add(Activation activation) {
    return new FastArithmetic.FloatOp(RefArithmetic.Kind.ADD, activation);
  }

  @Override
  public BinaryOp<byte[]> add(Quant a, Quant b, Quant output, Activation activation) {
    return new FastArithmetic.Int8Op(RefArithmetic.Kind.ADD, a, b, output, activation);
  }

  @Override
  public BinaryOp<float[]> sub(Activation activation) {
    return new FastArithmetic.FloatOp(RefArithmetic.Kind.SUB, activation);
  }

  @Override
  public BinaryOp<byte[]> sub(Quant a, Quant b, Quant output, Activation activation) {
    return new FastArithmetic.Int8Op(RefArithmetic.Kind.SUB, a, b, output, activation);
  }

  @Override
  public BinaryOp<float[]> mul(Activation activation) {
    return new FastArithmetic.FloatOp(RefArithmetic.Kind.MUL, activation);
  }

  @Override
  public BinaryOp<byte[]> mul(Quant a, Quant b, Quant output, Activation activation) {
    return new FastArithmetic.Int8Op(RefArithmetic.Kind.MUL, a, b, output, activation);
  }

  @Override
  public UnaryOp<float[], float[]> relu() {
    return new RefActivations.Relu(Float.POSITIVE_INFINITY);
  }

  @Override
  public UnaryOp<byte[], byte[]> relu(Quant input, Quant output) {
    return new FastTables.Int8Lut(new RefActivations.Int8Relu(input, output, Activation.RELU));
  }

  @Override
  public UnaryOp<float[], float[]> relu6() {
    return new RefActivations.Relu(6f);
  }

  @Override
  public UnaryOp<byte[], byte[]> relu6(Quant input, Quant output) {
    return new FastTables.Int8Lut(new RefActivations.Int8Relu(input, output, Activation.RELU6));
  }

  @Override
  public UnaryOp<float[], float[]> leakyRelu(float alpha) {
    return new RefActivations.LeakyRelu(alpha);
  }

  @Override
  public UnaryOp<byte[], byte[]> leakyRelu(float alpha, Quant input, Quant output) {
    return new FastTables.Int8Lut(new RefActivations.Int8LeakyRelu(alpha, input, output));
  }

  @Override
  public UnaryOp<float[], float[]> logistic() {
    return new RefActivations.Logistic();
  }

  @Override
  public UnaryOp<byte[], byte[]> logistic(Quant input, Quant output) {
    return new FastTables.Int8Lut(
        new RefActivations.Int8Table(RefActivations.Function.LOGISTIC, input, output));
  }

  @Override
  public UnaryOp<float[], float[]> tanh() {
    return new RefActivations.Tanh();
  }

  @Override
  public UnaryOp<byte[], byte[]> tanh(Quant input, Quant output) {
    return new FastTables.Int8Lut(
        new RefActivations.Int8Table(RefActivations.Function.TANH, input, output));
  }

  @Override
  public UnaryOp<float[], float[]> softmax(float beta) {
    return new FastSoftmax.FloatOp(beta);
  }

  @Override
  public UnaryOp<byte[], byte[]> softmax(float beta, Quant input, Quant output) {
    if (FixedPointSoftmax.fits(output)) {
      return new FixedPointSoftmax(beta, input);
    }
    return new FastSoftmax.Int8Op(beta, input, output);
  }

  @Override
  public ConcatOp<float[]> concatenation(int axis) {
    return new Concatenation<>(axis);
  }

  @Override
  public ConcatOp<byte[]> concatenation(int axis, Quant quant) {
    return new Concatenation<>(axis);
  }

  @Override
  public UnaryOp<float[], float[]> pad(int[] paddings, float value) {
    return new FastPad.FloatOp(paddings, value);
  }

  @Override
  public UnaryOp<byte[], byte[]> pad(int[] paddings, byte value) {
    return new FastPad.Int8Op(paddings, value);
  }

  @Override
  public UnaryOp<float[], byte[]> quantize(Quant output) {
    return new Conversions.Quantize(output);
  }

  @Override
  public UnaryOp<byte[], float[]> dequantize(Quant input) {
    return new FastTables.Dequantize(input);
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
    return new FastConv2d.Int8Op(
        filter, filterZeroPoint, filterShape, filterScales, bias, input, output, options);
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
    return new FastDepthwiseConv2d.Int8Op(
        filter, filterZeroPoint, filterShape, filterScales, bias, input, output, options);
  }
}
