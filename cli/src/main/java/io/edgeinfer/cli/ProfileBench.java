package io.edgeinfer.cli;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.format.LiteModel;
import io.edgeinfer.lite.format.TfliteWriter;
import io.edgeinfer.profiles.Precision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * Times the lite engine's float32 and int8 kernels on {@link BenchModels} with 1 to n threads at
 * once, each thread with its own predictor, batch 1: the throughput a board gets from each setting.
 */
final class ProfileBench {
  /** One setting's result. */
  record Result(Precision precision, int threads, double callsPerSecond, double microsPerCall) {}

  /** Calls each new thread makes before timing: its predictor plans its buffers on the first. */
  private static final int PER_THREAD_WARMUP = 100;

  private ProfileBench() {}

  /**
   * @param warmup untimed calls on each model before any setting is timed
   */
  static List<Result> run(Path dir, int maxThreads, int iterations, int warmup) throws Exception {
    List<Result> results = new ArrayList<>();
    for (Precision precision : List.of(Precision.FLOAT32, Precision.INT8)) {
      LiteModel liteModel =
          precision == Precision.FLOAT32 ? BenchModels.float32() : BenchModels.int8();
      Path file = dir.resolve("bench-" + precision.label() + ".tflite");
      TfliteWriter.write(liteModel, file);
      try (Model model = Engines.load(file, "lite", LoadOptions.DEFAULTS)) {
        // Warm the JIT once per model, so that the first setting timed is not the slow one.
        time(model, precision, 1, warmup, 0);
        for (int threads = 1; threads <= maxThreads; threads++) {
          results.add(time(model, precision, threads, iterations, PER_THREAD_WARMUP));
        }
      }
    }
    return results;
  }

  private static Result time(
      Model model, Precision precision, int threads, int iterations, int warmup) throws Exception {
    List<Predictor> predictors = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        predictors.add(model.predictor());
      }
      Random random = new Random(3);
      float[] values = new float[BenchModels.WIDTH];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextFloat() * 2 - 1;
      }
      Map<String, Tensor> inputs =
          Map.of(BenchModels.INPUT, Tensor.ofFloats(values, 1, BenchModels.WIDTH));
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch start = new CountDownLatch(1);
      CountDownLatch done = new CountDownLatch(threads);
      Exception[] failure = new Exception[1];
      for (Predictor predictor : predictors) {
        Thread worker =
            new Thread(
                () -> {
                  try {
                    for (int i = 0; i < warmup; i++) {
                      predictor.predict(inputs);
                    }
                    ready.countDown();
                    start.await();
                    for (int i = 0; i < iterations; i++) {
                      predictor.predict(inputs);
                    }
                  } catch (Exception e) {
                    synchronized (failure) {
                      failure[0] = e;
                    }
                    ready.countDown();
                  } finally {
                    done.countDown();
                  }
                },
                "edgeinfer-profile-bench");
        worker.setDaemon(true);
        worker.start();
      }
      ready.await();
      long begin = System.nanoTime();
      start.countDown();
      done.await();
      double seconds = (System.nanoTime() - begin) / 1e9;
      synchronized (failure) {
        if (failure[0] != null) {
          throw failure[0];
        }
      }
      double calls = (double) threads * iterations;
      return new Result(precision, threads, calls / seconds, seconds * 1e6 / iterations);
    } finally {
      predictors.forEach(Predictor::close);
    }
  }

  /**
   * The fewest threads whose throughput is within 10% of the best: more threads than that buy
   * little and take cores from the system.
   */
  static int threadsFor(List<Result> results, Precision precision) {
    double best =
        results.stream()
            .filter(r -> r.precision() == precision)
            .mapToDouble(Result::callsPerSecond)
            .max()
            .orElseThrow();
    return results.stream()
        .filter(r -> r.precision() == precision && r.callsPerSecond() >= 0.9 * best)
        .mapToInt(Result::threads)
        .min()
        .orElseThrow();
  }

  /** The precision with the higher single-thread throughput. */
  static Precision faster(List<Result> results) {
    double float32 = oneThread(results, Precision.FLOAT32);
    double int8 = oneThread(results, Precision.INT8);
    return int8 > float32 ? Precision.INT8 : Precision.FLOAT32;
  }

  static double oneThread(List<Result> results, Precision precision) {
    return results.stream()
        .filter(r -> r.precision() == precision && r.threads() == 1)
        .mapToDouble(Result::callsPerSecond)
        .findFirst()
        .orElseThrow();
  }
}
