package io.edgeinfer.bench.models;

import io.edgeinfer.core.Engines;
import io.edgeinfer.core.LoadOptions;
import io.edgeinfer.core.Model;
import io.edgeinfer.core.ModelException;
import io.edgeinfer.core.OpTime;
import io.edgeinfer.core.OpTimer;
import io.edgeinfer.core.Predictor;
import io.edgeinfer.core.Tensor;
import io.edgeinfer.lite.kernels.KernelSelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One thread against two, fairly: each model is loaded twice in one JVM (1 and 2 intra-op threads)
 * and timed in alternating blocks of five {@code predict} calls, so that both see the same machine
 * (a second process, or a run after the other, meets other loads). Prints p50 and the fastest call
 * of each and their ratios; with {@code --per-op}, also each operator's median and fastest time on
 * both (a clock around each op, a second pass).
 *
 * <pre>
 * java [--add-modules jdk.incubator.vector] -cp benchmarks.jar io.edgeinfer.bench.models.ThreadsTable
 *     [--per-op] WARMUP_SECONDS MEASURE_SECONDS MODEL...
 * </pre>
 *
 * MODEL is an own model's name ({@code mobilenet-v2-224}, {@code seed-mlp}), {@code zoo:FILE} or a
 * path to a {@code .tflite} file.
 */
public final class ThreadsTable {
  private ThreadsTable() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    boolean perOp = rest.remove("--per-op");
    if (rest.size() < 3) {
      System.err.println(
          "ThreadsTable: expected [--per-op] WARMUP_SECONDS MEASURE_SECONDS MODEL..., found "
              + String.join(" ", args));
      System.exit(2);
    }
    double warmup = Double.parseDouble(rest.get(0));
    double measure = Double.parseDouble(rest.get(1));
    String kernels = KernelSelector.kernels().name();
    for (String name : rest.subList(2, rest.size())) {
      Path file =
          name.endsWith(".tflite") && !name.startsWith("zoo:")
              ? Path.of(name)
              : BenchModels.file(name);
      try (Model one = Engines.load(file, "lite", LoadOptions.DEFAULTS.withThreads(1, 1));
          Model two = Engines.load(file, "lite", LoadOptions.DEFAULTS.withThreads(2, 1));
          Predictor p1 = one.predictor();
          Predictor p2 = two.predictor()) {
        Map<String, Tensor> inputs = ModelBenchmark.randomInputs(p1);
        long until = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < until) {
          p1.predict(inputs);
          p2.predict(inputs);
        }
        long[][] times = timeBlocks(p1, p2, inputs, measure);
        long[] t1 = times[0];
        long[] t2 = times[1];
        System.out.printf(
            Locale.ROOT,
            "%s, Java %d, %s kernels: 1 thread p50 %.1f us fastest %.1f | 2 threads p50 %.1f us"
                + " fastest %.1f | 2/1 p50 %.2f fastest %.2f | %d calls each%n",
            file.getFileName(),
            Runtime.version().feature(),
            kernels,
            t1[t1.length / 2] / 1e3,
            t1[0] / 1e3,
            t2[t2.length / 2] / 1e3,
            t2[0] / 1e3,
            (double) t2[t2.length / 2] / t1[t1.length / 2],
            (double) t2[0] / t1[0],
            t1.length);
        if (perOp) {
          perOp(p1, p2, inputs, t1.length);
        }
      }
    }
  }

  /** Alternating blocks of five calls on each for {@code seconds}; each sorted. */
  private static long[][] timeBlocks(
      Predictor p1, Predictor p2, Map<String, Tensor> inputs, double seconds)
      throws ModelException {
    List<Long> t1 = new ArrayList<>();
    List<Long> t2 = new ArrayList<>();
    long until = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < until) {
      for (int i = 0; i < 5; i++) {
        long start = System.nanoTime();
        p1.predict(inputs);
        t1.add(System.nanoTime() - start);
      }
      for (int i = 0; i < 5; i++) {
        long start = System.nanoTime();
        p2.predict(inputs);
        t2.add(System.nanoTime() - start);
      }
    }
    return new long[][] {sorted(t1), sorted(t2)};
  }

  private static long[] sorted(List<Long> values) {
    long[] a = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(a);
    return a;
  }

  /** Each op's median and fastest time on 1 and 2 threads, over {@code calls} alternating calls. */
  private static void perOp(Predictor p1, Predictor p2, Map<String, Tensor> inputs, int calls)
      throws ModelException {
    OpTimer o1 = p1.opTimer().orElseThrow();
    OpTimer o2 = p2.opTimer().orElseThrow();
    List<OpTime> ops = o1.predictTimed(inputs);
    long[][] n1 = new long[ops.size()][calls];
    long[][] n2 = new long[ops.size()][calls];
    for (int c = 0; c < calls; c++) {
      List<OpTime> r1 = o1.predictTimed(inputs);
      List<OpTime> r2 = o2.predictTimed(inputs);
      for (int k = 0; k < ops.size(); k++) {
        n1[k][c] = r1.get(k).nanos();
        n2[k][c] = r2.get(k).nanos();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%5s  %-20s %-18s %10s %8s %8s %5s %8s %8s %5s%n",
        "index",
        "op",
        "output",
        "MACs",
        "p50 1t",
        "p50 2t",
        "2/1",
        "min 1t",
        "min 2t",
        "2/1");
    double fastest1 = 0;
    double fastest2 = 0;
    for (int k = 0; k < ops.size(); k++) {
      Arrays.sort(n1[k]);
      Arrays.sort(n2[k]);
      OpTime op = ops.get(k);
      double m1 = n1[k][calls / 2] / 1e3;
      double m2 = n2[k][calls / 2] / 1e3;
      double f1 = n1[k][0] / 1e3;
      double f2 = n2[k][0] / 1e3;
      fastest1 += f1;
      fastest2 += f2;
      System.out.printf(
          Locale.ROOT,
          "%5d  %-20s %-18s %10d %8.1f %8.1f %5.2f %8.1f %8.1f %5.2f%n",
          op.index(),
          op.op(),
          op.output(),
          op.macs(),
          m1,
          m2,
          m2 / m1,
          f1,
          f2,
          f2 / f1);
    }
    System.out.printf(
        Locale.ROOT,
        "every op's fastest time, summed: 1 thread %.2f ms, 2 threads %.2f ms, 2/1 %.3f%n",
        fastest1 / 1e3,
        fastest2 / 1e3,
        fastest2 / fastest1);
  }
}
