package io.edgeinfer.bench.kernels;

import io.edgeinfer.lite.kernels.KernelSelector;
import io.edgeinfer.lite.kernels.Kernels;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What every kernel benchmark shares: time per call, short default runs (the command line overrides
 * them), and the kernel set, which each concrete class names through a {@code kernels} parameter. A
 * plain class runs {@code reference} and {@code fast}; a {@code Vector} class runs {@code vector}
 * in forks started with the incubator module.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class KernelBenchmark {
  /** The JVM option the Vector API kernels need; the vector classes' forks add it. */
  public static final String VECTOR_JVM_ARG = "--add-modules=jdk.incubator.vector";

  private Prepared prepared;

  /** The kernel set's name: reference, fast or vector. */
  protected abstract String kernelSet();

  /** Prepares the layers to time with {@code kernels}. */
  protected abstract Prepared prepare(Kernels kernels);

  /**
   * Prepares once per trial. Without the incubator module, {@code vector} fails here with
   * KernelSelector's message naming the missing JVM option.
   */
  @Setup(Level.Trial)
  public void setUp() {
    prepared = prepare(KernelSelector.select(kernelSet()));
  }

  /** One call: the whole layer (or stack) on one input. */
  @Benchmark
  public Object run() {
    return prepared.run();
  }
}
