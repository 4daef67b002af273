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
 * One MobileNet layer per call, at its real size (batch 1, SAME, RELU6), by kernel family: the
 * first 3x3 convolution, pointwise (1x1) convolutions and 3x3 depthwise ones. A layer is named
 * {@code KIND_SIZExCHANNELS...} ({@link #LAYERS}); GMAC/s is {@link #macs} over the time per call.
 */
public abstract class MobileNetLayerBenchmark extends KernelBenchmark {
  /**
   * Layer names: kind, input height and width, input channels, output channels, stride. From
   * MobileNet v1 0.25 (224) and v2 (224).
   */
  public static final String[] LAYERS = {
    "conv3x3_224x3to8_s2", // v1 0.25, first layer
    "pw_112x8to16", // v1 0.25
    "pw_56x32to32", // v1 0.25
    "pw_14x128to128", // v1 0.25
    "pw_7x256to256", // v1 0.25
    "pw_56x24to144", // v2 expansion
    "pw_28x192to32", // v2 projection
    "dw_112x8_s1", // v1 0.25
    "dw_56x144_s2", // v2
    "dw_14x128_s1", // v1 0.25
  };

  @Param({
    "conv3x3_224x3to8_s2",
    "pw_112x8to16",
    "pw_56x32to32",
    "pw_14x128to128",
    "pw_7x256to256",
    "pw_56x24to144",
    "pw_28x192to32",
    "dw_112x8_s1",
    "dw_56x144_s2",
    "dw_14x128_s1"
  })
  public String layer;

  @Param({"FLOAT32", "INT8"})
  public Precision precision;

  /** The plain-Java set (the reference takes seconds on these sizes). */
  public static class Plain extends MobileNetLayerBenchmark {
    @Param({"fast"})
    public String kernels;

    @Override
    protected String kernelSet() {
      return kernels;
    }
  }

  /** The Vector API set, in forks with the incubator module. */
  @Fork(value = 1, jvmArgsAppend = VECTOR_JVM_ARG)
  public static class Vector extends MobileNetLayerBenchmark {
    @Param({"vector"})
    public String kernels;

    @Override
    protected String kernelSet() {
      return kernels;
    }
  }

  /** A layer's geometry parsed from its name. */
  record Layer(String kind, int size, int inC, int outC, int stride) {
    static Layer parse(String name) {
      String[] p = name.split("_");
      String[] io = p[1].split("x");
      int size = Integer.parseInt(io[0]);
      int stride = p.length > 2 ? Integer.parseInt(p[2].substring(1)) : 1;
      if (p[0].equals("dw")) {
        int c = Integer.parseInt(io[1]);
        return new Layer("dw", size, c, c, stride);
      }
      String[] ch = io[1].split("to");
      return new Layer(p[0], size, Integer.parseInt(ch[0]), Integer.parseInt(ch[1]), stride);
    }

    int kernel() {
      return kind.equals("pw") ? 1 : 3;
    }

    int outSize() {
      return (size + stride - 1) / stride;
    }

    /** Multiply-adds of one call. */
    long macs() {
      long pixels = (long) outSize() * outSize();
      int taps = kernel() * kernel();
      return kind.equals("dw") ? pixels * outC * taps : pixels * outC * taps * inC;
    }
  }

  /** Multiply-adds of one call of {@code layer}. */
  public static long macs(String layer) {
    return Layer.parse(layer).macs();
  }

  @Override
  protected Prepared prepare(Kernels kernels) {
    Layer l = Layer.parse(layer);
    RandomData data = new RandomData(3);
    int k = l.kernel();
    int[] inputShape = {1, l.size(), l.size(), l.inC()};
    boolean dw = l.kind().equals("dw");
    int[] filterShape = dw ? new int[] {1, k, k, l.outC()} : new int[] {l.outC(), k, k, l.inC()};
    int filterSize = filterShape[0] * k * k * filterShape[3];
    int inputSize = l.size() * l.size() * l.inC();
    int outputSize = l.outSize() * l.outSize() * l.outC();
    ConvOptions options = ConvOptions.of(Padding.SAME, l.stride(), Activation.RELU6);
    int taps = dw ? k * k : k * k * l.inC();
    if (precision == Precision.FLOAT32) {
      FloatBuffer filter = FloatBuffer.wrap(data.floats(filterSize, 1 / Math.sqrt(taps)));
      float[] bias = data.floats(l.outC(), 0.1);
      return Prepared.single(
          dw
              ? kernels.depthwiseConv2d(filter, filterShape, bias, options)
              : kernels.conv2d(filter, filterShape, bias, options),
          data.floats(inputSize, 1),
          inputShape,
          new float[outputSize]);
    }
    ByteBuffer filter = ByteBuffer.wrap(data.bytes(filterSize));
    float[] scales = data.scales(l.outC(), 0.004f);
    Quant input = new Quant(0.02f, -3);
    // Sums of taps products of about 73 x 73 spread over the int8 range at RELU6's 6.
    Quant output = new Quant((float) (0.02 * 0.006 * 73 * 73 * Math.sqrt(taps) / 20), -128);
    int[] bias = new int[l.outC()];
    return Prepared.single(
        dw
            ? kernels.depthwiseConv2d(filter, filterShape, scales, bias, input, output, options)
            : kernels.conv2d(filter, filterShape, scales, bias, input, output, options),
        data.bytes(inputSize),
        inputShape,
        new byte[outputSize]);
  }
}
