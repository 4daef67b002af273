package io.edgeinfer.bench.kernels;

import io.edgeinfer.lite.kernels.Activation;
import io.edgeinfer.lite.kernels.Kernels;
import io.edgeinfer.lite.kernels.Quant;
import io.edgeinfer.lite.kernels.UnaryOp;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;

/**
 * A stack of FULLY_CONNECTED layers, RELU between them and none after the last: the seed MLP
 * (32-64-64-10, batch 1, as in KernelTiming) and one wider layer on a batch (256-256, batch 32).
 */
public abstract class FullyConnectedBenchmark extends KernelBenchmark {
  /** The layer widths from input to output, then the batch: {@code 32-64-64-10:b1}. */
  @Param({"32-64-64-10:b1", "256-256:b32"})
  public String shape;

  @Param({"FLOAT32", "INT8"})
  public Precision precision;

  /** The reference and plain-Java sets. */
  public static class Plain extends FullyConnectedBenchmark {
    @Param({"reference", "fast"})
    public String kernels;

    @Override
    protected String kernelSet() {
      return kernels;
    }
  }

  /** The Vector API set, in forks with the incubator module. */
  @Fork(value = 1, jvmArgsAppend = VECTOR_JVM_ARG)
  public static class Vector extends FullyConnectedBenchmark {
    @Param({"vector"})
    public String kernels;

    @Override
    protected String kernelSet() {
      return kernels;
    }
  }

  /** Widths from input to output and a batch, parsed from the {@code shape} parameter. */
  private record Stack(int[] widths, int batch) {
    static Stack parse(String shape) {
      String[] parts = shape.split(":b", -1);
      String[] widthTexts = parts[0].split("-", -1);
      try {
        if (parts.length == 2 && widthTexts.length >= 2) {
          int[] widths = new int[widthTexts.length];
          for (int i = 0; i < widths.length; i++) {
            widths[i] = Integer.parseInt(widthTexts[i]);
          }
          return new Stack(widths, Integer.parseInt(parts[1]));
        }
      } catch (NumberFormatException e) {
        // Reported below with the expected form.
      }
      throw new IllegalArgumentException(
          "expected a shape like 32-64-64-10:b1 (widths, then the batch), found " + shape);
    }
  }

  @Override
  protected Prepared prepare(Kernels kernels) {
    Stack stack = Stack.parse(shape);
    int[] widths = stack.widths();
    int batch = stack.batch();
    int[][] shapes = new int[widths.length - 1][];
    for (int l = 0; l < shapes.length; l++) {
      shapes[l] = new int[] {batch, widths[l]};
    }
    RandomData data = new RandomData(1);
    return precision == Precision.FLOAT32
        ? Prepared.chain(
            floatLayers(kernels, widths, data), floatActivations(widths, batch, data), shapes)
        : Prepared.chain(
            int8Layers(kernels, widths, data), int8Activations(widths, batch, data), shapes);
  }

  private static Activation activation(int layer, int[] widths) {
    return layer < widths.length - 2 ? Activation.RELU : Activation.NONE;
  }

  private static List<UnaryOp<float[], float[]>> floatLayers(
      Kernels kernels, int[] widths, RandomData data) {
    List<UnaryOp<float[], float[]>> layers = new ArrayList<>();
    for (int l = 0; l < widths.length - 1; l++) {
      int in = widths[l];
      int out = widths[l + 1];
      layers.add(
          kernels.fullyConnected(
              FloatBuffer.wrap(data.floats(out * in, 0.2)),
              out,
              in,
              data.floats(out, 0.1),
              activation(l, widths)));
    }
    return layers;
  }

  private static List<float[]> floatActivations(int[] widths, int batch, RandomData data) {
    List<float[]> activations = new ArrayList<>();
    activations.add(data.floats(batch * widths[0], 1));
    for (int l = 1; l < widths.length; l++) {
      activations.add(new float[batch * widths[l]]);
    }
    return activations;
  }

  /** The input's, the hidden layers' and the output's quantization. */
  private static Quant quant(int tensor, int[] widths) {
    if (tensor == 0) {
      return new Quant(0.05f, -3);
    }
    return tensor < widths.length - 1 ? new Quant(0.1f, -128) : new Quant(0.2f, 5);
  }

  private static List<UnaryOp<byte[], byte[]>> int8Layers(
      Kernels kernels, int[] widths, RandomData data) {
    List<UnaryOp<byte[], byte[]>> layers = new ArrayList<>();
    for (int l = 0; l < widths.length - 1; l++) {
      int in = widths[l];
      int out = widths[l + 1];
      layers.add(
          kernels.fullyConnected(
              ByteBuffer.wrap(data.bytes(out * in)),
              out,
              in,
              data.scales(out, 0.002f),
              new int[out],
              quant(l, widths),
              quant(l + 1, widths),
              activation(l, widths)));
    }
    return layers;
  }

  private static List<byte[]> int8Activations(int[] widths, int batch, RandomData data) {
    List<byte[]> activations = new ArrayList<>();
    activations.add(data.bytes(batch * widths[0]));
    for (int l = 1; l < widths.length; l++) {
      activations.add(new byte[batch * widths[l]]);
    }
    return activations;
  }
}
