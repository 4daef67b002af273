package io.edgeinfer.lite.kernels;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * The operations of the lite engine, each in float32 and int8, with TFLite's semantics. Every
 * method prepares an operation once (at model load) and returns it; the interpreter runs it per
 * inference. Kernels know nothing of the file format: weights come as buffers (memory-mapped ones
 * stay so in {@link ReferenceKernels}; {@link FastKernels} repacks them), activations as plain
 * arrays.
 *
 * <p>Layouts are TFLite's: NHWC activations; fully-connected weights {@code [outputs, inputs]};
 * conv filters OHWI {@code [outChannels, height, width, inChannels]}; depthwise filters {@code [1,
 * height, width, inChannels * multiplier]}.
 *
 * <p>Quantization follows the TFLite spec: int8 weights symmetric (zero point 0) with one scale per
 * output channel or one per tensor; int8 activations asymmetric per tensor ({@link Quant}); int32
 * bias with scale {@code input_scale * weight_scale} and zero point 0; requantization through
 * {@link Quantization}; fused activations clamped in the quantized domain. Int8 pooling,
 * concatenation and padding keep their input's quantization (TFLite requires output = input).
 *
 * <p>Implementations: {@link ReferenceKernels} (the specification), {@link FastKernels} (the fast
 * path); {@link KernelSelector} picks one.
 */
public interface Kernels {
  /** A short name for logs and benchmarks. */
  String name();

  // ---- layers with weights --------------------------------------------------------------------

  /**
   * FULLY_CONNECTED: the input is read as {@code [batch, inputs]} (batch = elements / inputs); the
   * output is {@code [batch, outputs]}. {@code bias} may be null.
   */
  UnaryOp<float[], float[]> fullyConnected(
      FloatBuffer weights, int outputs, int inputs, float[] bias, Activation activation);

  /**
   * Int8 FULLY_CONNECTED with symmetric int8 weights, one scale or one per output; int32 {@code
   * bias} (may be null).
   */
  UnaryOp<byte[], byte[]> fullyConnected(
      ByteBuffer weights,
      int outputs,
      int inputs,
      float[] weightScales,
      int[] bias,
      Quant input,
      Quant output,
      Activation activation);

  /**
   * Int8 FULLY_CONNECTED with asymmetric weights ({@code weightZeroPoint} subtracted from each, as
   * classic uint8 models have them, held as int8): the reference kernel unless overridden.
   */
  default UnaryOp<byte[], byte[]> fullyConnected(
      ByteBuffer weights,
      int weightZeroPoint,
      int outputs,
      int inputs,
      float[] weightScales,
      int[] bias,
      Quant input,
      Quant output,
      Activation activation) {
    if (weightZeroPoint == 0) {
      return fullyConnected(
          weights, outputs, inputs, weightScales, bias, input, output, activation);
    }
    return new RefFullyConnected.Int8Op(
        weights, weightZeroPoint, outputs, inputs, weightScales, bias, input, output, activation);
  }

  /** CONV_2D with an OHWI filter of shape {@code filterShape}; {@code bias} may be null. */
  UnaryOp<float[], float[]> conv2d(
      FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options);

  /** Int8 CONV_2D: filter scales one per output channel or one for the tensor. */
  UnaryOp<byte[], byte[]> conv2d(
      ByteBuffer filter,
      int[] filterShape,
      float[] filterScales,
      int[] bias,
      Quant input,
      Quant output,
      ConvOptions options);

  /** Int8 CONV_2D with asymmetric weights: the reference kernel unless overridden. */
  default UnaryOp<byte[], byte[]> conv2d(
      ByteBuffer filter,
      int filterZeroPoint,
      int[] filterShape,
      float[] filterScales,
      int[] bias,
      Quant input,
      Quant output,
      ConvOptions options) {
    if (filterZeroPoint == 0) {
      return conv2d(filter, filterShape, filterScales, bias, input, output, options);
    }
    return new RefConv2d.Int8Op(
        filter, filterZeroPoint, filterShape, filterScales, bias, input, output, options);
  }

  /**
   * DEPTHWISE_CONV_2D with a {@code [1, h, w, inChannels * multiplier]} filter; the multiplier is
   * the filter's channels over the input's.
   */
  UnaryOp<float[], float[]> depthwiseConv2d(
      FloatBuffer filter, int[] filterShape, float[] bias, ConvOptions options);

  /** Int8 DEPTHWISE_CONV_2D: filter scales one per output channel or one for the tensor. */
  UnaryOp<byte[], byte[]> depthwiseConv2d(
      ByteBuffer filter,
      int[] filterShape,
      float[] filterScales,
      int[] bias,
      Quant input,
      Quant output,
      ConvOptions options);

  /** Int8 DEPTHWISE_CONV_2D with asymmetric weights: the reference kernel unless overridden. */
  default UnaryOp<byte[], byte[]> depthwiseConv2d(
      ByteBuffer filter,
      int filterZeroPoint,
      int[] filterShape,
      float[] filterScales,
      int[] bias,
      Quant input,
      Quant output,
      ConvOptions options) {
    if (filterZeroPoint == 0) {
      return depthwiseConv2d(filter, filterShape, filterScales, bias, input, output, options);
    }
    return new RefDepthwiseConv2d.Int8Op(
        filter, filterZeroPoint, filterShape, filterScales, bias, input, output, options);
  }

  // ---- hybrid (dynamic-range) layers: float activations, int8 weights -----------------------

  /**
   * Hybrid FULLY_CONNECTED: float input and output, symmetric int8 weights {@code [outputs,
   * inputs]} with one scale per output or one for all, read from their buffer (never expanded to
   * float at load): {@code y[o] = activation(scale[o] * sum_i x[i] * q[o][i] + bias[o])}, summed in
   * float. {@code bias} (float) may be null.
   */
  UnaryOp<float[], float[]> hybridFullyConnected(
      ByteBuffer weights,
      int outputs,
      int inputs,
      float[] weightScales,
      float[] bias,
      Activation activation);

  /** Hybrid CONV_2D: float activations, an OHWI int8 filter with scales per output channel. */
  UnaryOp<float[], float[]> hybridConv2d(
      ByteBuffer filter,
      int[] filterShape,
      float[] filterScales,
      float[] bias,
      ConvOptions options);

  /** Hybrid DEPTHWISE_CONV_2D: float activations, int8 filter scaled per output channel. */
  UnaryOp<float[], float[]> hybridDepthwiseConv2d(
      ByteBuffer filter,
      int[] filterShape,
      float[] filterScales,
      float[] bias,
      ConvOptions options);

  // ---- pooling and reduction ------------------------------------------------------------------

  /** AVERAGE_POOL_2D over the taps inside the input (padding is not counted). */
  UnaryOp<float[], float[]> averagePool(PoolOptions options);

  /** Int8 AVERAGE_POOL_2D; input and output share {@code quant}. */
  UnaryOp<byte[], byte[]> averagePool(PoolOptions options, Quant quant);

  /**
   * Uint8 AVERAGE_POOL_2D on values held as int8 ({@code q - 128}): rounds half up on the unsigned
   * values, as TFLite's uint8 kernel does (int8's rounds half away from zero).
   */
  default UnaryOp<byte[], byte[]> uint8AveragePool(PoolOptions options, Quant quant) {
    return new RefPooling.Int8Op(options, quant, false, true);
  }

  /** MAX_POOL_2D. */
  UnaryOp<float[], float[]> maxPool(PoolOptions options);

  /** Int8 MAX_POOL_2D; input and output share {@code quant}. */
  UnaryOp<byte[], byte[]> maxPool(PoolOptions options, Quant quant);

  /** MEAN over {@code axes} (negative ones count from the end). */
  UnaryOp<float[], float[]> mean(int[] axes, boolean keepDims);

  /** Int8 MEAN, requantized from {@code input} to {@code output}. */
  UnaryOp<byte[], byte[]> mean(int[] axes, boolean keepDims, Quant input, Quant output);

  // ---- elementwise arithmetic with broadcasting -----------------------------------------------

  /** ADD. */
  BinaryOp<float[]> add(Activation activation);

  /** Int8 ADD (operands rescaled to a common scale after a left shift of 20 bits). */
  BinaryOp<byte[]> add(Quant a, Quant b, Quant output, Activation activation);

  /** SUB: {@code a - b}. */
  BinaryOp<float[]> sub(Activation activation);

  /** Int8 SUB: ADD with the second operand's multiplier negated, as TFLite does. */
  BinaryOp<byte[]> sub(Quant a, Quant b, Quant output, Activation activation);

  /** MUL. */
  BinaryOp<float[]> mul(Activation activation);

  /** Int8 MUL. */
  BinaryOp<byte[]> mul(Quant a, Quant b, Quant output, Activation activation);

  // ---- activations ----------------------------------------------------------------------------

  /** RELU. */
  UnaryOp<float[], float[]> relu();

  /** Int8 RELU: requantize, then clamp below at the output's zero. */
  UnaryOp<byte[], byte[]> relu(Quant input, Quant output);

  /** RELU6. */
  UnaryOp<float[], float[]> relu6();

  /** Int8 RELU6. */
  UnaryOp<byte[], byte[]> relu6(Quant input, Quant output);

  /** LEAKY_RELU: {@code x > 0 ? x : alpha * x}. */
  UnaryOp<float[], float[]> leakyRelu(float alpha);

  /** Int8 LEAKY_RELU: one multiplier for each sign of {@code q - zeroPoint}. */
  UnaryOp<byte[], byte[]> leakyRelu(float alpha, Quant input, Quant output);

  /** LOGISTIC. */
  UnaryOp<float[], float[]> logistic();

  /**
   * Int8 LOGISTIC as TFLite computes it: a 256-entry table of {@code 1 / (1 + exp(-x))} over every
   * dequantized input, requantized (TFLite requires the output scale 1/256, zero point -128).
   */
  UnaryOp<byte[], byte[]> logistic(Quant input, Quant output);

  /** TANH. */
  UnaryOp<float[], float[]> tanh();

  /** Int8 TANH through a 256-entry table, as TFLite (output scale 1/128, zero point 0). */
  UnaryOp<byte[], byte[]> tanh(Quant input, Quant output);

  /** SOFTMAX over the last axis: {@code exp(beta * (x - max)) / sum}. */
  UnaryOp<float[], float[]> softmax(float beta);

  /**
   * Int8 SOFTMAX over the last axis, by TFLite's default int8 algorithm: a float table of {@code
   * exp(-beta * inputScale * d)} for each distance {@code d} from the row's maximum, a float sum,
   * and each probability quantized as {@code round(p / outputScale) + outputZeroPoint} (TFLite
   * requires scale 1/256, zero point -128).
   */
  UnaryOp<byte[], byte[]> softmax(float beta, Quant input, Quant output);

  // ---- data movement and conversion -----------------------------------------------------------

  /** CONCATENATION of float tensors along {@code axis} (negative counts from the end). */
  ConcatOp<float[]> concatenation(int axis);

  /** Int8 CONCATENATION; every input and the output share {@code quant}, as TFLite requires. */
  ConcatOp<byte[]> concatenation(int axis, Quant quant);

  /**
   * PAD / PADV2: {@code paddings} holds {@code [before, after]} for each axis (TFLite's {@code
   * [rank, 2]} paddings tensor, flattened); new elements get {@code value}.
   */
  UnaryOp<float[], float[]> pad(int[] paddings, float value);

  /** Int8 PAD; TFLite pads with the output's zero point unless PADV2 gives a value. */
  UnaryOp<byte[], byte[]> pad(int[] paddings, byte value);

  /** QUANTIZE from float: {@code round(x / scale) + zeroPoint}, clamped to int8. */
  UnaryOp<float[], byte[]> quantize(Quant output);

  /** QUANTIZE between two 8-bit quantizations (requantization in fixed point). */
  default UnaryOp<byte[], byte[]> requantize(Quant input, Quant output) {
    return new Conversions.Requantize(input, output);
  }

  /** DEQUANTIZE to float: {@code scale * (q - zeroPoint)}. */
  UnaryOp<byte[], float[]> dequantize(Quant input);
}
