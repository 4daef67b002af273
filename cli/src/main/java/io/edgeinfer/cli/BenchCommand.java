package io.edgeinfer.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.edgeinfer.core.BoundCall;
import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.OpTimer;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Signature;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgeinfer bench}: latency percentiles and throughput of one model in one engine, on random
 * inputs of the signature's shapes, after a warm-up. Numbers from the machine it runs on.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure a model's latency (p50, p90, p99) and throughput in an engine.")
final class BenchCommand implements Callable<Integer> {
  @Option(
      names = {"-m", "--model"},
      required = true,
      paramLabel = "MODEL",
      description = "The model.")
  Path modelPath;

  @Option(
      names = {"-s", "--signature"},
      paramLabel = "NAME",
      description = "Default: serving_default.")
  String signatureName;

  @Option(
      names = "--batch",
      paramLabel = "N",
      defaultValue = "1",
      description = "Rows per call (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Timed calls (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(
      names = "--warmup",
      paramLabel = "N",
      defaultValue = "2000",
      description = "Untimed calls first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(
      names = "--per-op",
      description =
          "Also time each operator (lite engine): index, op, output shape, MACs, us, %% and GMAC/s.")
  boolean perOp;

  @Option(
      names = "--bound",
      description =
          "Time bound calls (the caller's own arrays, nothing allocated per call) instead of"
              + " predict (lite engine, float32 and quantized tensors).")
  boolean bound;

  @Mixin ModelOptions modelOptions;

  @Mixin ProfileOption profileOption;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Usage.require(
        spec,
        batch >= 1 && iterations >= 1 && warmup >= 0,
        "expected --batch >= 1, --iterations >= 1 and --warmup >= 0, found "
            + batch
            + ", "
            + iterations
            + ", "
            + warmup);
    Usage.require(
        spec, !(perOp && bound), "expected --per-op or --bound, found both (time one at a time)");
    try (Model model = modelOptions.load(modelPath, profileOption, batch);
        Predictor predictor =
            signatureName == null ? model.predictor() : model.predictor(signatureName)) {
      Map<String, Tensor> inputs = randomInputs(predictor.signature(), batch);
      OpTimer timer = null;
      if (perOp) {
        timer = predictor.opTimer().orElse(null);
        Usage.require(
            spec,
            timer != null,
            "expected --per-op with an engine that times its operators (lite), found "
                + model.engine());
      }
      Call call = predictor::predict;
      if (bound) {
        try {
          call = boundCall(predictor, inputs);
        } catch (UnsupportedOperationException e) {
          Usage.require(
              spec,
              false,
              "expected --bound with an engine that has bound calls (lite), found "
                  + model.engine());
        }
      }
      OpTotals totals = null;
      long[] nanos = new long[iterations];
      double seconds;
      try (Progress progress = Progress.onTerminal(spec.commandLine().getErr())) {
        for (int i = 0; i < warmup; i++) {
          call.run(inputs);
          progress.update("warm-up", i + 1, warmup);
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
          long before = System.nanoTime();
          call.run(inputs);
          nanos[i] = System.nanoTime() - before;
          progress.update("timing", i + 1, iterations);
        }
        seconds = (System.nanoTime() - start) / 1e9;
        if (timer != null) {
          // A second pass with a clock around each operator, after the plain timing: the clock
          // reads would otherwise add to the latencies above.
          totals = new OpTotals();
          for (int i = 0; i < iterations; i++) {
            totals.add(timer.predictTimed(inputs));
            progress.update("timing each op", i + 1, iterations);
          }
        }
      }
      Arrays.sort(nanos);
      report(model.engine(), nanos, seconds, totals);
    }
    return ExitCodes.OK;
  }

  /** One timed call. */
  @FunctionalInterface
  private interface Call {
    void run(Map<String, Tensor> inputs) throws ModelException;
  }

  /** A bound call on copies of {@code inputs} (their own arrays), float outputs into new arrays. */
  @SuppressWarnings("resource") // closed with the predictor's model
  private Call boundCall(Predictor predictor, Map<String, Tensor> inputs) throws ModelException {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    inputs.forEach((name, tensor) -> shapes.put(name, tensor.shape()));
    BoundCall call = predictor.bind(shapes);
    inputs.forEach((name, tensor) -> call.input(name, tensor.toFloatArray()));
    for (TensorSpec out : predictor.signature().outputs()) {
      if (out.dataType() != DataType.FLOAT32) {
        continue; // e.g. an int64 class id: computed, not read
      }
      call.output(
          out.name(), new float[Math.toIntExact(call.outputShape(out.name()).elementCount())]);
    }
    return ignored -> call.run();
  }

  /** Uniform values in [0, 1) for every input, with unknown dimensions after the batch as 1. */
  private static Map<String, Tensor> randomInputs(Signature signature, int batch) {
    Random random = new Random(1);
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    for (TensorSpec spec : signature.inputs()) {
      if (spec.shape().isUnknownRank() || spec.dataType() != DataType.FLOAT32) {
        throw new IllegalArgumentException(
            "expected float32 inputs of known rank to benchmark, found " + spec);
      }
      int[] dims = spec.shape().dims();
      for (int i = 0; i < dims.length; i++) {
        if (dims[i] == Shape.UNKNOWN) {
          dims[i] = i == 0 ? batch : 1;
        }
      }
      Shape shape = Shape.of(dims);
      ByteBuffer data =
          ByteBuffer.allocate(Math.toIntExact(shape.elementCount() * 4))
              .order(ByteOrder.LITTLE_ENDIAN);
      while (data.hasRemaining()) {
        data.putFloat(random.nextFloat());
      }
      inputs.put(spec.name(), Tensor.of(DataType.FLOAT32, shape, data.flip()));
    }
    return inputs;
  }

  private void report(String engine, long[] sorted, double seconds, OpTotals totals)
      throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    double p50 = percentile(sorted, 0.50);
    double p90 = percentile(sorted, 0.90);
    double p99 = percentile(sorted, 0.99);
    double callsPerSecond = sorted.length / seconds;
    if (json) {
      try (JsonGenerator generator = JsonReports.open(out)) {
        generator.writeStartObject();
        generator.writeStringField("model", modelPath.toString());
        generator.writeStringField("engine", engine);
        generator.writeNumberField("batch", batch);
        generator.writeNumberField("iterations", sorted.length);
        generator.writeNumberField("p50_us", p50);
        generator.writeNumberField("p90_us", p90);
        generator.writeNumberField("p99_us", p99);
        generator.writeNumberField("calls_per_second", callsPerSecond);
        generator.writeNumberField("rows_per_second", callsPerSecond * batch);
        generator.writeStringField("java", System.getProperty("java.version"));
        generator.writeStringField("arch", System.getProperty("os.arch"));
        generator.writeNumberField("cores", Runtime.getRuntime().availableProcessors());
        if (bound) {
          generator.writeBooleanField("bound", true);
        }
        if (totals != null) {
          totals.writeJson(generator, sorted.length);
        }
        generator.writeEndObject();
      }
      out.println();
    } else {
      out.printf(
          Locale.ROOT,
          "%s in %s, batch %d, %d calls after %d warm-up (Java %s, %s, %d cores)%n"
              + "latency  p50 %.2f us  p90 %.2f us  p99 %.2f us%n"
              + "throughput  %.0f calls/s  %.0f rows/s%n",
          modelPath,
          bound ? engine + " (bound calls)" : engine,
          batch,
          sorted.length,
          warmup,
          System.getProperty("java.version"),
          System.getProperty("os.arch"),
          Runtime.getRuntime().availableProcessors(),
          p50,
          p90,
          p99,
          callsPerSecond,
          callsPerSecond * batch);
      if (totals != null) {
        totals.print(out, sorted.length);
      }
    }
    out.flush();
  }

  /** Nearest rank, in microseconds. */
  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
  }
}
