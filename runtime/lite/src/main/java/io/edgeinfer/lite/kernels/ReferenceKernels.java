package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The specification: plain scalar loops that mirror TFLite's reference kernels, one output element
 * at a time, reading weights straight from the given buffers (memory-mapped weights are never
 * copied). Slow, and obviously correct; {@link FastKernels} is tested against it.
 */
public final class ReferenceKernels implements Kernels {
  @Override
  public String name() {
    return "reference";
  }

  @Override
  public UnaryOp<float[], float[]> fullyConnected(
      FloatBuffer weights, int outputs, int inputs, float[] bias, Activation activation) {
    return new RefFullyConnected.FloatOp(weights, outputs, inputs, bias, activation);
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
    return new RefFullyConnected.Int8Op(
        weights, outputs, inputs, weightScales, bias, input, output, activation);
  }

  @Override
  public UnaryOp<float[], float[]> conv2d(
      FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options) {
    return new RefConv2d.FloatOp(filter, filterShape, bias, options);
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
    return new RefConv2d.Int8Op(filter, filterShape, filterScales, bias, input, output, options);
  }

  @Override
  public UnaryOp<float[], float[]> depthwiseConv2d(
      FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options) {
    return new RefDepthwiseConv2d.FloatOp(filter, filterShape, bias, options);
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
    return new RefDepthwiseConv2d.Int8Op(
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
    return new RefHybrid.FullyConnected(weights, outputs, inputs, weightScales, bias, activation);
  }

  @Override
  public UnaryOp<float[], float[]> hybridConv2d(
      ByteBuffer filter,
      int[] filterShape,
      float[] filterScales,
      float[] bias,
      ConvOptions options) {
    return new RefHybrid.Conv2d(filter, filterShape, filterScales, bias, options);
  }

  @Override
  public UnaryOp<float[], float[]> hybridDepthwiseConv2d(
      ByteBuffer filter,
      int[] filterShape,
      float[] filterScales,
      float[] bias,
      ConvOptions options) {
    return new RefHybrid.DepthwiseConv2d(filter, filterShape, filterScales, bias, options);
  }

  @Override
  public UnaryOp<float[], float[]> averagePool(PoolOptions options) {
    return new RefPooling.FloatOp(options, false);
  }

  @Override
  public UnaryOp<byte[], byte[]> averagePool(PoolOptions options, Quant quant) {
    return new RefPooling.Int8Op(options, quant, false);
  }

  @Override
  public UnaryOp<float[], float[]> maxPool(PoolOptions options) {
    return new RefPooling.FloatOp(options, true);
  }

  @Override
  public UnaryOp<byte[], byte[]> maxPool(PoolOptions options, Quant quant) {
    return new RefPooling.Int8Op(options, quant, true);
  }

  @Override
  public UnaryOp<float[], float[]> mean(int[] axes, boolean keepDims) {
    return new RefMean.FloatOp(axes, keepDims);
  }

  @Override
  public UnaryOp<byte[], byte[]> mean(int[] axes, boolean keepDims, Quant input, Quant output) {
    return new RefMean.Int8Op(axes, keepDims, input, output);
  }

  @Override
  public BinaryOp<float[]> add(Activation activation) {
    return new RefArithmetic.FloatOp(RefArithmetic.Kind.ADD, activation);
  }

  @Override
  public BinaryOp<byte[]> add(Quant a, Quant b, Quant output, Activation activation) {
    return new RefArithmetic.Int8Op(RefArithmetic.Kind.ADD, a, b, output, activation);
  }

  @Override
  public BinaryOp<float[]> sub(Activation activation) {
    return new RefArithmetic.FloatOp(RefArithmetic.Kind.SUB, activation);
  }

  @Override
  public BinaryOp<byte[]> sub(Quant a, Quant b, Quant output, Activation activation) {
    return new RefArithmetic.Int8Op(RefArithmetic.Kind.SUB, a, b, output, activation);
  }

  @Override
  public BinaryOp<float[]> mul(Activation activation) {
    return new RefArithmetic.FloatOp(RefArithmetic.Kind.MUL, activation);
  }

  @Override
  public BinaryOp<byte[]> mul(Quant a, Quant b, Quant output, Activation activation) {
    return new RefArithmetic.Int8Op(RefArithmetic.Kind.MUL, a, b, output, activation);
  }

  @Override
  public UnaryOp<float[], float[]> relu() {
    return new RefActivations.Relu(Float.POSITIVE_INFINITY);
  }

  @Override
  public UnaryOp<byte[], byte[]> relu(Quant input, Quant output) {
    return new RefActivations.Int8Relu(input, output, Activation.RELU);
  }

  @Override
  public UnaryOp<float[], float[]> relu6() {
    return new RefActivations.Relu(6f);
  }

  @Override
  public UnaryOp<byte[], byte[]> relu6(Quant input, Quant output) {
    return new RefActivations.Int8Relu(input, output, Activation.RELU6);
  }

  @Override
  public UnaryOp<float[], float[]> leakyRelu(float alpha) {
    return new RefActivations.LeakyRelu(alpha);
  }

  @Override
  public UnaryOp<byte[], byte[]> leakyRelu(float alpha, Quant input, Quant output) {
    return new RefActivations.Int8LeakyRelu(alpha, input, output);
  }

  @Override
  public UnaryOp<float[], float[]> logistic() {
    return new RefActivations.Logistic();
  }

  @Override
  public UnaryOp<byte[], byte[]> logistic(Quant input, Quant output) {
    return new RefActivations.Int8Table(RefActivations.Function.LOGISTIC, input, output);
  }

  @Override
  public UnaryOp<float[], float[]> tanh() {
    return new RefActivations.Tanh();
  }

  @Override
  public UnaryOp<byte[], byte[]> tanh(Quant input, Quant output) {
    return new RefActivations.Int8Table(RefActivations.Function.TANH, input, output);
  }

  @Override
  public UnaryOp<float[], float[]> softmax(float beta) {
    return new RefSoftmax.FloatOp(beta);
  }

  @Override
  public UnaryOp<byte[], byte[]> softmax(float beta, Quant input, Quant output) {
    if (FixedPointSoftmax.fits(output)) {
      return new FixedPointSoftmax(beta, input);
    }
    return new RefSoftmax.Int8Op(beta, input, output);
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
    return new RefPad.FloatOp(paddings, value);
  }

  @Override
  public UnaryOp<byte[], byte[]> pad(int[] paddings, byte value) {
    return new RefPad.Int8Op(paddings, value);
  }

  @Override
  public UnaryOp<float[], byte[]> quantize(Quant output) {
    return new Conversions.Quantize(output);
  }

  @Override
  public UnaryOp<byte[], float[]> dequantize(Quant input) {
    return new Conversions.Dequantize(input);
  }
}
