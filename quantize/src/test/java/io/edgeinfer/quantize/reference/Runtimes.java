package io.edgeinfer.quantize.reference;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.LiteEngine;
import io.edgeinfer.lite.conformance.TensorFlowLite;
import io.edgeinfer.lite.conformance.TflmOracle;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.TfliteFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;

/**
 * One .tflite file with one input and one output run on the same rows in the lite engine, in
 * TensorFlow Lite 2.6.2 and in TensorFlow Lite Micro; every answer as floats (int8 inputs and
 * outputs quantized and dequantized with the file's own parameters).
 */
public final class Runtimes {
  private Runtimes() {}

  /** The lite engine's values of one output, row after row. */
  public static float[] lite(Path model, float[][] rows, int[] exampleShape, String output)
      throws Exception {
    try (Model loaded = new LiteEngine().load(model, LoadOptions.DEFAULTS);
        Predictor predictor = loaded.predictor("serving_default")) {
      String input = predictor.signature().inputs().get(0).name();
      Map<String, Tensor> out = predictor.predict(Map.of(input, batch(rows, exampleShape)));
      return out.get(output).toFloatArray();
    }
  }

  /** TensorFlow Lite 2.6.2's values of one output, row after row. */
  public static float[] tensorFlowLite(
      Path model, float[][] rows, int[] exampleShape, String output) throws Exception {
    LiteModel file = TfliteFile.open(model);
    int[] shape = new int[exampleShape.length + 1];
    shape[0] = rows.length;
    System.arraycopy(exampleShape, 0, shape, 1, exampleShape.length);
    byte[][] out = TensorFlowLite.run(model, inputBytes(file, rows), shape);
    int position = position(file, output);
    return floats(
        file.mainSubgraph().tensor(file.mainSubgraph().outputs().get(position)), out[position]);
  }

  /** TensorFlow Lite Micro's values (reference kernels) of a model with one output. */
  public static float[] micro(Path model, float[][] rows) throws Exception {
    LiteModel file = TfliteFile.open(model);
    if (file.mainSubgraph().outputs().size() != 1) {
      throw new IllegalArgumentException("expected a model with one output");
    }
    TflmOracle.Result result = TflmOracle.require().run(model, inputBytes(file, rows));
    if (!result.ok()) {
      throw new IllegalStateException("tflm_oracle refused " + model + ": " + result.error());
    }
    byte[] out = result.outputs();
    return floats(file.mainSubgraph().tensor(file.mainSubgraph().outputs().get(0)), out);
  }

  /** Where the signature's output of that name is among the subgraph's outputs. */
  private static int position(LiteModel file, String output) {
    int tensor =
        file.signature("serving_default").orElseThrow().outputs().stream()
            .filter(t -> t.name().equals(output))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no output " + output))
            .tensorIndex();
    return file.mainSubgraph().outputs().indexOf(tensor);
  }

  private static Tensor batch(float[][] rows, int[] exampleShape) {
    int width = rows[0].length;
    float[] flat = new float[rows.length * width];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, flat, r * width, width);
    }
    int[] dims = new int[exampleShape.length + 1];
    dims[0] = rows.length;
    System.arraycopy(exampleShape, 0, dims, 1, exampleShape.length);
    return Tensor.ofFloats(flat, dims);
  }

  private static byte[] inputBytes(LiteModel file, float[][] rows) {
    LiteTensor input = file.mainSubgraph().tensor(file.mainSubgraph().inputs().get(0));
    int width = rows[0].length;
    if (input.type() == DataType.INT8) {
      QuantParams q = input.quantization();
      byte[] bytes = new byte[rows.length * width];
      for (int r = 0; r < rows.length; r++) {
        for (int i = 0; i < width; i++) {
          long v = Math.round(rows[r][i] / q.scale(0)) + q.zeroPoint(0);
          bytes[r * width + i] = (byte) Math.max(-128, Math.min(127, v));
        }
      }
      return bytes;
    }
    ByteBuffer buffer = ByteBuffer.allocate(rows.length * width * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] row : rows) {
      for (float v : row) {
        buffer.putFloat(v);
      }
    }
    return buffer.array();
  }

  private static float[] floats(LiteTensor output, byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    float[] values;
    switch (output.type()) {
      case INT8 -> {
        QuantParams q = output.quantization();
        values = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
          values[i] = (bytes[i] - q.zeroPoint(0)) * q.scale(0);
        }
      }
      case INT64 -> {
        values = new float[bytes.length / 8];
        for (int i = 0; i < values.length; i++) {
          values[i] = buffer.getLong();
        }
      }
      case INT32 -> {
        values = new float[bytes.length / 4];
        for (int i = 0; i < values.length; i++) {
          values[i] = buffer.getInt();
        }
      }
      default -> {
        values = new float[bytes.length / 4];
        buffer.asFloatBuffer().get(values);
      }
    }
    return values;
  }

  /** How many values are equal in both (e.g. class ids). */
  public static int same(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new AssertionError("expected " + a.length + " values, found " + b.length);
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      same += a[i] == b[i] ? 1 : 0;
    }
    return same;
  }

  /** How two runtimes' answers for the same rows compare. */
  public record Agreement(int rows, int sameArgmax, double maxAbsDiff) {
    public double fraction() {
      return (double) sameArgmax / rows;
    }

    @Override
    public String toString() {
      return String.format("argmax agreement %d/%d, max |diff| %.6f", sameArgmax, rows, maxAbsDiff);
    }
  }

  /** Argmax agreement over rows of {@code classes} values, and the largest difference. */
  public static Agreement compare(float[] a, float[] b, int classes) {
    if (a.length != b.length) {
      throw new AssertionError("expected " + a.length + " values, found " + b.length);
    }
    int rows = a.length / classes;
    int same = 0;
    double max = 0;
    for (int r = 0; r < rows; r++) {
      same += argmax(a, r * classes, classes) == argmax(b, r * classes, classes) ? 1 : 0;
    }
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return new Agreement(rows, same, max);
  }

  private static int argmax(float[] values, int offset, int length) {
    int best = 0;
    for (int i = 1; i < length; i++) {
      if (values[offset + i] > values[offset + best]) {
        best = i;
      }
    }
    return best;
  }
}
