package io.edgeinfer.bench.kernels;

import io.edgeinfer.lite.kernels.Activation;
import io.edgeinfer.lite.kernels.ConvOptions;
import io.edgeinfer.lite.kernels.Kernels;
import io.edgeinfer.lite.kernels.Padding;
import io.edgeinfer.lite.kernels.Quant;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;

/**
 * DEPTHWISE_CONV_2D 3x3 on 48x48x32, multiplier 1, SAME, stride 1, fused RELU, batch 1 (a MobileNet
 * block's depthwise step on the conv benchmark's output): 0.66 million multiply-adds per call.
 */
public abstract class DepthwiseConv2dBenchmark extends KernelBenchmark {
  private static final int[] INPUT_SHAPE = {1, 48, 48, 32};
  private static final int[] FILTER_SHAPE = {1, 3, 3, 32};
  private static final ConvOptions OPTIONS = ConvOptions.of(Padding.SAME, 1, Activation.RELU);

  @Param({"FLOAT32", "INT8"})
  public Precision precision;

  /** The reference and plain-Java sets. */
  public static class Plain extends DepthwiseConv2dBenchmark {
    @Param({"reference", "fast"})
    public String kernels;

    @Override
    protected String kernelSet() {
      return kernels;
    }
  }

  /** The Vector API set, in forks with the incubator module. */
  @Fork(value = 1, jvmArgsAppend = VECTOR_JVM_ARG)
  public static class Vector extends DepthwiseConv2dBenchmark {
    @Param({"vector"})
    public String kernels;

    @Override
    protected String kernelSet() {
      return kernels;
    }
  }

  @Override
  protected Prepared prepare(Kernels kernels) {
    RandomData data = new RandomData(3);
    int channels = FILTER_SHAPE[3];
    int filterSize = FILTER_SHAPE[1] * FILTER_SHAPE[2] * channels;
    int size = INPUT_SHAPE[1] * INPUT_SHAPE[2] * channels;
    if (precision == Precision.FLOAT32) {
      return Prepared.single(
          kernels.depthwiseConv2d(
              FloatBuffer.wrap(data.floats(filterSize, 0.3)),
              FILTER_SHAPE,
              data.floats(channels, 0.1),
              OPTIONS),
          data.floats(size, 1),
          INPUT_SHAPE,
          new float[size]);
    }
    return Prepared.single(
        kernels.depthwiseConv2d(
            ByteBuffer.wrap(data.bytes(filterSize)),
            FILTER_SHAPE,
            data.scales(channels, 0.004f),
            new int[channels],
            new Quant(0.05f, -5),
            new Quant(0.1f, -128),
            OPTIONS),
        data.bytes(size),
        INPUT_SHAPE,
        new byte[size]);
  }
}
