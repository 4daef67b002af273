package io.edgeinfer.bench.models;

import io.edgeinfer.core.BoundCall;
import io.edgeinfer.core.DataType;
import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.OpTime;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Shape;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.core.TensorSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole inference of a model in the lite engine, batch 1: {@code predict} (tensors in and out)
 * and {@code bound} (a {@link BoundCall} on the benchmark's own arrays). Reports time per inference
 * and, as the secondary result {@code gmacs}, GMAC/s (the model's multiply-accumulates, as {@code
 * bench --per-op} counts them, per nanosecond).
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ModelBenchmark {
  /** seed-mlp, mobilenet-v2-224 (the project's own), or zoo:FILE. */
  @Param({
    "seed-mlp",
    "mobilenet-v2-224",
    "zoo:mobilenet_v1_0.25_224_1_metadata_1.tflite",
    "zoo:mobilenet_v2_quantized_1x3x224x224.tflite"
  })
  public String model;

  /** Threads for large convolutions (LoadOptions intra-op threads). */
  @Param({"1", "2"})
  public int threads;

  private Model loaded;
  private Predictor predictor;
  private BoundCall call;
  private Map<String, Tensor> inputs;
  private double megaMacs;

  /** The bound call's float outputs, by name. */
  final Map<String, float[]> outputs = new LinkedHashMap<>();

  /** MACs per call, counted as a rate: millions of MACs per millisecond are GMAC/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Work {
    public double gmacs;
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    loaded =
        Engines.load(BenchModels.file(model), "lite", LoadOptions.DEFAULTS.withThreads(threads, 1));
    predictor = loaded.predictor();
    inputs = randomInputs(predictor);
    long macs = 0;
    for (OpTime op : predictor.opTimer().orElseThrow().predictTimed(inputs)) {
      macs += op.macs();
    }
    megaMacs = macs / 1e6;
    call = bind(predictor, inputs, outputs);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    call.close();
    predictor.close();
    loaded.close();
  }

  @Benchmark
  public Map<String, Tensor> predict(Work work) throws ModelException {
    work.gmacs += megaMacs;
    return predictor.predict(inputs);
  }

  @Benchmark
  public void bound(Work work) throws ModelException {
    work.gmacs += megaMacs;
    call.run();
  }

  /** The multiply-accumulates of one inference. */
  long macs() {
    return Math.round(megaMacs * 1e6);
  }

  Predictor predictor() {
    return predictor;
  }

  Map<String, Tensor> inputs() {
    return inputs;
  }

  BoundCall call() {
    return call;
  }

  Map<String, float[]> outputs() {
    return outputs;
  }

  /** Seeded values: floats in [0, 1), raw random bytes for quantized inputs given raw. */
  static Map<String, Tensor> randomInputs(Predictor predictor) {
    Random rnd = new Random(1);
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    for (TensorSpec spec : predictor.signature().inputs()) {
      int[] dims = spec.shape().dims();
      for (int i = 0; i < dims.length; i++) {
        dims[i] = Math.max(1, dims[i]);
      }
      float[] values = new float[Math.toIntExact(Shape.of(dims).elementCount())];
      for (int i = 0; i < values.length; i++) {
        values[i] = rnd.nextFloat();
      }
      inputs.put(spec.name(), Tensor.ofFloats(values, dims));
    }
    return inputs;
  }

  /** A bound call on copies of the inputs, with an array for every float output (in outputs). */
  static BoundCall bind(
      Predictor predictor, Map<String, Tensor> inputs, Map<String, float[]> outputs)
      throws ModelException {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    inputs.forEach((name, tensor) -> shapes.put(name, tensor.shape()));
    BoundCall call = predictor.bind(shapes);
    inputs.forEach((name, tensor) -> call.input(name, tensor.toFloatArray()));
    for (TensorSpec out : predictor.signature().outputs()) {
      if (out.dataType() == DataType.FLOAT32) {
        float[] values = new float[Math.toIntExact(call.outputShape(out.name()).elementCount())];
        call.output(out.name(), values);
        outputs.put(out.name(), values);
      }
    }
    return call;
  }
}
