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
 * CONV_2D 3x3, 48x48x16 to 32 channels, SAME, stride 1, fused RELU, batch 1 (KernelTiming's conv):
 * 10.6 million multiply-adds per call.
 */
public abstract class Conv2dBenchmark extends KernelBenchmark {
  private static final int[] INPUT_SHAPE = {1, 48, 48, 16};
  private static final int[] FILTER_SHAPE = {32, 3, 3, 16};
  private static final ConvOptions OPTIONS = ConvOptions.of(Padding.SAME, 1, Activation.RELU);

  @Param({"FLOAT32", "INT8"})
  public Precision precision;

  /** The reference and plain-Java sets. */
  public static class Plain extends Conv2dBenchmark {
    @Param({"reference", "fast"})
    public String kernels;

    @Override
    protected String kernelSet() {
      return kernels;
    }
  }

  /** The Vector API set, in forks with the incubator module. */
  @Fork(value = 1, jvmArgsAppend = VECTOR_JVM_ARG)
  public static class Vector extends Conv2dBenchmark {
    @Param({"vector"})
    public String kernels;

    @Override
    protected String kernelSet() {
      return kernels;
    }
  }

  @Override
  protected Prepared prepare(Kernels kernels) {
    RandomData data = new RandomData(2);
    int outChannels = FILTER_SHAPE[0];
    int filterSize = outChannels * FILTER_SHAPE[1] * FILTER_SHAPE[2] * FILTER_SHAPE[3];
    int inputSize = INPUT_SHAPE[1] * INPUT_SHAPE[2] * INPUT_SHAPE[3];
    int outputSize = INPUT_SHAPE[1] * INPUT_SHAPE[2] * outChannels;
    if (precision == Precision.FLOAT32) {
      return Prepared.single(
          kernels.conv2d(
              FloatBuffer.wrap(data.floats(filterSize, 0.2)), FILTER_SHAPE, null, OPTIONS),
          data.floats(inputSize, 1),
          INPUT_SHAPE,
          new float[outputSize]);
    }
    return Prepared.single(
        kernels.conv2d(
            ByteBuffer.wrap(data.bytes(filterSize)),
            FILTER_SHAPE,
            data.scales(outChannels, 0.004f),
            new int[outChannels],
            new Quant(0.05f, -5),
            new Quant(0.5f, -128),
            OPTIONS),
        data.bytes(inputSize),
        INPUT_SHAPE,
        new byte[outputSize]);
  }
}
