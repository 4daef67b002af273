package io.edgeinfer.quantize;

import io.edgeinfer.core.DataType;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.LiteEngine;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.LiteSignature;
import io.edgeinfer.lite.format.LiteSubgraph;
import io.edgeinfer.lite.format.LiteTensor;
import io.edgeinfer.lite.format.QuantParams;
import io.edgeinfer.lite.format.SignatureTensor;
import io.edgeinfer.lite.format.TfliteFile;
import io.edgeinfer.lite.format.TfliteWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a written .tflite file in TensorFlow Lite Micro's reference kernels ({@code tflm_oracle},
 * found through {@value #ENV}) and compares its answers with the lite engine's, so the quantize
 * report can say the file means the same outside edgeinfer.
 */
public final class ReferenceCheck {
  /** The environment variable naming the {@code tflm_oracle} executable. */
  public static final String ENV = "EDGEINFER_TFLM_ORACLE";

  private static final int BATCH = 64;
  private static final long TIMEOUT_SECONDS = 300;

  private ReferenceCheck() {}

  /**
   * The oracle named by {@value #ENV}, if set.
   *
   * @throws IllegalArgumentException when it is set to something that is not an executable file
   */
  public static Optional<Path> fromEnvironment() {
    String value = System.getenv(ENV);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Path oracle = Path.of(value);
    if (!Files.isRegularFile(oracle) || !Files.isExecutable(oracle)) {
      throw new IllegalArgumentException(
          "expected " + ENV + " to name the tflm_oracle executable, found " + value);
    }
    return Optional.of(oracle);
  }

  /** The file in the oracle against the lite engine, on every sample. */
  public static ReferenceComparison compare(
      Path oracle, Path tflite, String signature, SampleData samples)
      throws IOException, ModelException {
    String runtime;
    try {
      runtime = "tflm_oracle (" + version(oracle) + ")";
    } catch (IOException e) {
      return new ReferenceComparison(oracle.toString(), 0, 0, Double.NaN, "", e.getMessage());
    }
    LiteModel file = TfliteFile.open(tflite);
    LiteModel runnable = Int32ArgMax.copy(file);
    String copy =
        runnable == file
            ? ""
            : "a copy whose ARG_MAX gives int32: TFLite Micro has none giving int64";
    LiteSubgraph graph = file.mainSubgraph();
    if (graph.inputs().size() != 1) {
      return new ReferenceComparison(runtime, 0, 0, Double.NaN, copy, "expected one input");
    }
    Path dir = Files.createTempDirectory("edgeinfer-reference");
    try {
      // The file as written, unless it needed the copy.
      Path model = runnable == file ? tflite : dir.resolve("model.tflite");
      Path in = dir.resolve("in.raw");
      Path out = dir.resolve("out.raw");
      if (runnable != file) {
        TfliteWriter.write(runnable, model);
      }
      Files.write(in, inputBytes(graph.tensor(graph.inputs().get(0)), samples));
      Process process =
          new ProcessBuilder(
                  oracle.toString(), "run", model.toString(), in.toString(), out.toString())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(dir.resolve("err.txt").toFile())
              .start();
      if (!waitFor(process)) {
        return new ReferenceComparison(
            runtime, 0, 0, Double.NaN, copy, "did not finish in " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        String error = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8).strip();
        String line =
            error.isEmpty() ? "exit " + process.exitValue() : error.lines().findFirst().get();
        // The temporary path says nothing to the reader.
        line = line.replace(model.toString(), "the file");
        return new ReferenceComparison(runtime, 0, 0, Double.NaN, copy, line);
      }
      float[][] reference =
          outputs(runnable.mainSubgraph(), Files.readAllBytes(out), samples.size());
      float[][] lite = lite(tflite, signature, file, samples);
      return compared(runtime, copy, graph, reference, lite, samples.size());
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static boolean waitFor(Process process) throws IOException {
    try {
      if (process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    return false;
  }

  /** The tflite-micro commit {@code tflm_oracle version} names, shortened. */
  private static String version(Path oracle) throws IOException {
    Process process =
        new ProcessBuilder(oracle.toString(), "version").redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!waitFor(process) || process.exitValue() != 0) {
      throw new IOException("expected '" + oracle + " version' to answer, found: " + text.strip());
    }
    // "tflm_oracle tflite-micro <commit> reference kernels": the commit, as git shortens it.
    for (String word : text.strip().split("\\s+")) {
      if (word.matches("[0-9a-f]{40}")) {
        return "tflite-micro " + word.substring(0, 8);
      }
    }
    return text.strip();
  }

  /** Samples as the file's input takes them: float32, or int8 with its own scale and zero point. */
  private static byte[] inputBytes(LiteTensor input, SampleData samples) {
    float[] values = samples.batch(0, samples.size()).toFloatArray();
    if (input.type() == DataType.INT8) {
      QuantParams q = input.quantization();
      byte[] bytes = new byte[values.length];
      for (int i = 0; i < values.length; i++) {
        long v = Math.round(values[i] / q.scale(0)) + q.zeroPoint(0);
        bytes[i] = (byte) Math.max(-128, Math.min(127, v));
      }
      return bytes;
    }
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      buffer.putFloat(v);
    }
    return buffer.array();
  }

  /** Each subgraph output's values over every sample, as floats (int8 dequantized). */
  private static float[][] outputs(LiteSubgraph graph, byte[] raw, int sets) {
    int setBytes = 0;
    for (int index : graph.outputs()) {
      setBytes += (int) graph.tensor(index).byteSize();
    }
    float[][] values = new float[graph.outputs().size()][];
    int offset = 0;
    for (int o = 0; o < values.length; o++) {
      LiteTensor tensor = graph.tensor(graph.outputs().get(o));
      int bytes = (int) tensor.byteSize();
      int count = bytes / tensor.type().byteSize();
      values[o] = new float[count * sets];
      for (int s = 0; s < sets; s++) {
        ByteBuffer set =
            ByteBuffer.wrap(raw, s * setBytes + offset, bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
          values[o][s * count + i] = value(tensor, set);
        }
      }
      offset += bytes;
    }
    return values;
  }

  private static float value(LiteTensor tensor, ByteBuffer set) {
    return switch (tensor.type()) {
      case INT8 ->
          (set.get() - tensor.quantization().zeroPoint(0)) * tensor.quantization().scale(0);
      case INT32 -> set.getInt();
      case INT64 -> set.getLong();
      default -> set.getFloat();
    };
  }

  /** The lite engine's values of each subgraph output, in the subgraph's order. */
  private static float[][] lite(Path tflite, String signature, LiteModel file, SampleData samples)
      throws ModelException {
    LiteSignature def = file.signature(signature).orElse(file.signatures().get(0));
    List<String> names = new ArrayList<>();
    for (int index : file.mainSubgraph().outputs()) {
      names.add(
          def.outputs().stream()
              .filter(t -> t.tensorIndex() == index)
              .map(SignatureTensor::name)
              .findFirst()
              .orElseThrow());
    }
    List<List<float[]>> parts = new ArrayList<>();
    names.forEach(n -> parts.add(new ArrayList<>()));
    try (Model model = new LiteEngine().load(tflite, LoadOptions.DEFAULTS);
        Predictor predictor = model.predictor(def.key())) {
      String input = predictor.signature().inputs().get(0).name();
      for (int from = 0; from < samples.size(); from += BATCH) {
        int to = Math.min(samples.size(), from + BATCH);
        Map<String, Tensor> out = predictor.predict(Map.of(input, samples.batch(from, to)));
        for (int o = 0; o < names.size(); o++) {
          parts.get(o).add(out.get(names.get(o)).toFloatArray());
        }
      }
    }
    float[][] values = new float[names.size()][];
    for (int o = 0; o < values.length; o++) {
      int length = parts.get(o).stream().mapToInt(a -> a.length).sum();
      values[o] = new float[length];
      int at = 0;
      for (float[] part : parts.get(o)) {
        System.arraycopy(part, 0, values[o], at, part.length);
        at += part.length;
      }
    }
    return values;
  }

  private static ReferenceComparison compared(
      String runtime,
      String copy,
      LiteSubgraph graph,
      float[][] reference,
      float[][] lite,
      int samples) {
    double max = 0;
    double agreement = Double.NaN;
    for (int o = 0; o < reference.length; o++) {
      if (reference[o].length != lite[o].length) {
        return new ReferenceComparison(
            runtime,
            0,
            0,
            Double.NaN,
            copy,
            "expected "
                + lite[o].length
                + " values of output "
                + o
                + ", found "
                + reference[o].length);
      }
      for (int i = 0; i < reference[o].length; i++) {
        max = Math.max(max, Math.abs(reference[o][i] - lite[o][i]));
      }
      int[] dims = graph.tensor(graph.outputs().get(o)).shape().dims();
      if (Double.isNaN(agreement) && dims.length == 2 && dims[1] >= 2) {
        int same = 0;
        for (int s = 0; s < samples; s++) {
          same +=
              Quantizer.argmax(reference[o], s * dims[1], dims[1])
                      == Quantizer.argmax(lite[o], s * dims[1], dims[1])
                  ? 1
                  : 0;
        }
        agreement = (double) same / samples;
      }
    }
    return new ReferenceComparison(runtime, samples, max, agreement, copy, "");
  }
}
